import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from './client';
import { migrate } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await database?.close();
});

async function snapshot() {
  const result = await selectRows<{ table_name: string }>(
    database.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  const counts = await selectRows<{
    regions: number;
    countries: number;
    memberships: number;
    objectives: number;
    migrations: number;
  }>(
    database.db,
    sql`
    SELECT (SELECT count(*)::int FROM regions) AS regions,
           (SELECT count(*)::int FROM countries) AS countries,
           (SELECT count(*)::int FROM country_memberships) AS memberships,
           (SELECT count(*)::int FROM objectives) AS objectives,
           (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS migrations`,
  );
  return { tables: result.map((row) => row.table_name), counts: counts[0] };
}

describe('migrate', () => {
  it('creates the schema and the reference data, and a second run is a no-op', async () => {
    await migrate(database);
    const first = await snapshot();
    expect(first.tables).toEqual(
      expect.arrayContaining([
        'regions',
        'countries',
        'partners',
        'contributions',
        'impact_records',
        'targets',
        'target_versions',
      ]),
    );
    expect(first.counts?.regions).toBe(7);
    expect(first.counts?.objectives).toBeGreaterThanOrEqual(10);

    // A row rewritten by the second run would get a new xmin: none may.
    const rowVersions = async () =>
      (
        await selectRows<{ versions: string }>(
          database.db,
          sql`
          SELECT concat_ws('|',
            (SELECT string_agg(xmin::text, ',' ORDER BY code) FROM regions),
            (SELECT string_agg(xmin::text, ',' ORDER BY iso3) FROM countries),
            (SELECT string_agg(xmin::text, ',' ORDER BY country_iso3, valid_from) FROM country_memberships),
            (SELECT string_agg(xmin::text, ',' ORDER BY code) FROM objectives)) AS versions`,
        )
      )[0]?.versions;
    const versionsBefore = await rowVersions();
    await migrate(database);
    expect(await snapshot()).toEqual(first);
    expect(await rowVersions()).toBe(versionsBefore);
  });

  it('installs HQ, the six bureaux and Sudan’s move from Cairo to Nairobi', async () => {
    const regionRows = await selectRows<{ code: string; countries: number }>(
      database.db,
      sql`
      SELECT r.code, count(c.iso3)::int AS countries FROM regions r
      LEFT JOIN countries c ON c.region_code = r.code GROUP BY r.code ORDER BY r.code`,
    );
    expect(regionRows.map((row) => row.code)).toEqual(['HQ', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP']);
    expect(regionRows.find((row) => row.code === 'HQ')?.countries).toBe(0);
    const sudan = await selectRows<{ region_code: string; valid_from: string; valid_to: string | null }>(
      database.db,
      sql`
      SELECT region_code, valid_from::text, valid_to::text FROM country_memberships
      WHERE country_iso3 = 'SDN' ORDER BY valid_from`,
    );
    expect(sudan).toEqual([
      { region_code: 'RBC', valid_from: '2000-01-01', valid_to: '2019-12-31' },
      { region_code: 'RBN', valid_from: '2020-01-01', valid_to: null },
    ]);
  });
});

describe('migrate against an unreachable server', () => {
  it('says which server it cannot reach and what to check', async () => {
    const { openDatabase } = await import('./client');
    const unreachable = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/panorama' });
    try {
      await expect(migrate(unreachable)).rejects.toThrow(
        /Cannot reach PostgreSQL at 127\.0\.0\.1:1\/panorama \(ECONNREFUSED\)\. Is the server running, and is DATABASE_URL right\?/,
      );
    } finally {
      await unreachable.close();
    }
  });
});
