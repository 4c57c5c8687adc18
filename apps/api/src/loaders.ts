import type { Database } from '@panorama/db';
import DataLoader from 'dataloader';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Per-request batch loaders: one SQL statement per kind of object, however many rows ask. */
export function createLoaders(db: Database) {
  return {
    region: new DataLoader(async (codes: readonly string[]) =>
      byKey(codes, await db.query.regions.findMany({ where: { code: { in: [...codes] } } }), (row) => row.code),
    ),
    country: new DataLoader(async (isos: readonly string[]) =>
      byKey(isos, await db.query.countries.findMany({ where: { iso3: { in: [...isos] } } }), (row) => row.iso3),
    ),
    objective: new DataLoader(async (codes: readonly string[]) =>
      byKey(codes, await db.query.objectives.findMany({ where: { code: { in: [...codes] } } }), (row) => row.code),
    ),
    partner: new DataLoader(async (ids: readonly number[]) =>
      byKey(ids, await db.query.partners.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * A row of a drizzle type known by its primary key only, for a field to return: the drizzle
 * plugin loads the columns the query selects, for all such rows of a tick in one statement. (A
 * row a loader fetched in full would be fetched once more: the plugin cannot tell it is complete.)
 */
export function rowByKey<Row>(key: Partial<Row>): Row {
  return key as Row;
}
