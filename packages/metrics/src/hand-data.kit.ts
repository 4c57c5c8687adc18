import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { afterAll, beforeAll } from 'vitest';
import type { MetricCode } from './catalog';
import { computeMetrics } from './engine';
import { loadHandData } from './hand-data.fixture';
import type { MetricsQuery, MetricsRow, MetricValue } from './query';

/**
 * A test file's database with the hand-computed data (`loadHandData`), opened before its tests
 * and closed after them; read its parts inside tests, once it is open.
 */
export function useHandData() {
  let database: TestDatabase;
  let ids: Awaited<ReturnType<typeof loadHandData>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    ids = await loadHandData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    db: () => database.db,
    ids: () => ids,
    run: (query: MetricsQuery) => computeMetrics(database.db, query),
  };
}

export const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

/** A metric's figures in a row; throws when the row lacks it. */
export function figure(row: MetricsRow | undefined, metric: MetricCode): MetricValue {
  const found = row?.values.find((value) => value.metric === metric);
  if (!found) throw new Error(`no ${metric} in row`);
  return found;
}
