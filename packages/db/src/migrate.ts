import { fileURLToPath } from 'node:url';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DatabaseHandle, explainConnectionError } from './client';
import { installReferenceData } from './reference/install';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

const LOCK_NAME = 'panorama.migrate';

/**
 * Brings the schema up to date and installs the reference data (bureaux, countries,
 * objectives). Safe to run at every start: a second run changes nothing. On PostgreSQL, several
 * instances starting at the same time take turns (a session advisory lock, held on a connection
 * of its own beside the pool): the first migrates, the others then find nothing left to do.
 */
export function migrate(handle: DatabaseHandle): Promise<void> {
  // Calls on one handle (one process) take turns too: PGlite has no other way to serialize them.
  const previous = running.get(handle) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => migrateNow(handle));
  running.set(handle, next);
  return next;
}

/** The latest migration started on each handle. */
const running = new WeakMap<DatabaseHandle, Promise<void>>();

async function migrateNow(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type.
    await migratePglite(handle.db as any, config);
    await installReferenceData(handle.db);
    return;
  }
  const url = handle.pool.options.connectionString ?? '';
  const lock = new pg.Client({ connectionString: url });
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_NAME]);
    // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type.
    await migratePostgres(handle.db as any, config);
    await installReferenceData(handle.db);
  } catch (error) {
    throw explainConnectionError(error, url);
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}
