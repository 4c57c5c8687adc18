import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from './client';
import { migrate } from './migrate';

/** The PostgreSQL server tests run against, or undefined to run them on the embedded PGlite. */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export type TestDatabase = DatabaseHandle & { name: string };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test file: a new database on the test PostgreSQL server
 * (dropped again on close), or an in-memory PGlite. Files can therefore run in parallel.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  let handle: DatabaseHandle;
  let name = 'memory';
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    name = `panorama_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    handle = await openDatabase({ url: withDatabase(serverUrl, name), poolMax: 4 });
    drop = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    };
  } else {
    handle = await openDatabase({ dataDir: 'memory://' });
  }
  if (options.migrate !== false) await migrate(handle);
  const close = handle.close;
  return Object.assign(handle, {
    name,
    async close() {
      await close();
      await drop?.();
    },
  });
}
