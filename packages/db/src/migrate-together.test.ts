import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, selectRows } from './client';
import { MIGRATIONS_FOLDER, migrate } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
/** Other handles on the same database, as other instances of the server would have. */
const others: DatabaseHandle[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  if (database.kind === 'postgres') {
    const url = database.pool.options.connectionString ?? '';
    for (let i = 0; i < 3; i++) others.push(await openDatabase({ url, poolMax: 2 }));
  }
});
afterAll(async () => {
  for (const other of others) await other.close();
  await database?.close();
});

describe('migrate, when several instances start at the same time', () => {
  it('applies every migration once and installs the reference data once, with no error', async () => {
    // On PGlite one process owns the data folder: the same handle migrating four times at once.
    const handles = others.length > 0 ? [database, ...others] : [database, database, database, database];
    await Promise.all(handles.map((handle) => migrate(handle)));
    const migrations = readdirSync(MIGRATIONS_FOLDER, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const [counts] = await selectRows<{ migrations: number; regions: number; distinct_hashes: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS migrations,
                 (SELECT count(DISTINCT hash)::int FROM drizzle.__drizzle_migrations) AS distinct_hashes,
                 (SELECT count(*)::int FROM regions) AS regions`,
    );
    expect(counts).toEqual({ migrations: migrations.length, distinct_hashes: migrations.length, regions: 7 });
  });
});
