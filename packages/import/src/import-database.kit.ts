import type { Actor } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { afterAll, beforeAll } from 'vitest';
import type { ImportKind } from './formats';
import { type ImportOptions, importCsv } from './load';
import { cutAt, utf8 } from './test-helpers';

export const ADMIN: Actor = { userId: 1, email: 'admin@example.org', role: 'ADMIN', regionCode: null };
export const NAIROBI: Actor = { userId: 2, email: 'rbn@example.org', role: 'REGIONAL', regionCode: 'RBN' };

/** The header row of each kind's file. */
export const HEADERS: Record<ImportKind, string> = {
  contributions:
    'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref',
  impact: 'external_ref,date,metric_code,value,region_code,country_iso3,objective_code,partnership_ref',
  targets: 'metric_code,scope,year,quarter,value',
  partners: 'external_ref,name,partner_type,scope,region_code,country_iso3,sector',
};

/** Runs SQL on the test database's own driver (the app role once `useAppRole` ran). */
async function runSql<Row>(database: TestDatabase, text: string): Promise<Row[]> {
  const result = database.kind === 'postgres' ? await database.pool.query(text) : await database.pglite.query(text);
  return result.rows as Row[];
}

/**
 * A fresh test database for one test file, holding the partnership PS-1 (of partner PS-OWNER,
 * in RBN) that imported rows may name, and used from then on by the app role, as the import is.
 */
export async function openImportDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await runSql(
    database,
    `INSERT INTO partners (external_ref, name, partner_type, scope, region_code) VALUES ('PS-OWNER', 'Owner Co', 'CORPORATION', 'GLOBAL', 'HQ')`,
  );
  await runSql(
    database,
    `INSERT INTO partnerships (external_ref, name, partner_id, region_code, objective_code, modality, status, start_date)
       SELECT 'PS-1', 'Kenya meals', id, 'RBN', 'INC_GROWTH', 'CASH', 'ACTIVE', '2024-01-01' FROM partners WHERE external_ref = 'PS-OWNER'`,
  );
  await database.useAppRole();
  return database;
}

/**
 * What an import test does on its database (read through `database` at each call): run SQL,
 * count rows, and import a file of one kind, cut into uneven chunks, on behalf of ADMIN.
 */
export function importSteps(database: () => TestDatabase) {
  async function query<Row = Record<string, unknown>>(text: string): Promise<Row[]> {
    return runSql<Row>(database(), text);
  }

  async function count(table: string, where = 'true'): Promise<number> {
    const [result] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
    return result?.n ?? -1;
  }

  async function tableCounts() {
    const tables = [
      'contributions',
      'impact_records',
      'partners',
      'targets',
      'target_versions',
      'audit_log',
      'imports',
    ];
    return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(table)])));
  }

  function run(kind: ImportKind, rows: readonly string[], options: Partial<ImportOptions> = {}) {
    const text = [HEADERS[kind], ...rows].join('\r\n');
    return importCsv(database(), {
      kind,
      source: cutAt(utf8(text), 5, 60),
      fileName: `${kind}.csv`,
      actor: ADMIN,
      ...options,
    });
  }

  return { query, count, tableCounts, run };
}

/**
 * The import database of the test file that calls this: opened before its tests, closed after
 * them; with `importSteps` over it, and `nextRefs()`, a prefix of refs no other test of the file
 * uses (`T1`, `T2`, …).
 */
export function importDatabase() {
  let database: TestDatabase;
  let prefix = 0;
  beforeAll(async () => {
    database = await openImportDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return { database: () => database, nextRefs: () => `T${++prefix}`, ...importSteps(() => database) };
}
