import { contributions, type Database, partners } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, computeRows } from './engine';
import { answerFromFactTables } from './fact-tables-only';
import type { MetricsQuery, MetricsRow } from './query';
import { MAX_ROWS, MetricsInputError } from './validate';

/**
 * Ordered answers cut to a limit: the rollups keep their first groups in SQL, and those rows are
 * exactly the first rows of the whole answer, in the same order, with the same comparisons, as the
 * fact tables give them. Ties are broken by the groups' keys, null keys last.
 */

let database: TestDatabase;
let db: Database;
const id: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const names = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
  const inserted = await db
    .insert(partners)
    .values(
      names.map((name) => ({
        externalRef: name,
        name,
        partnerType: 'CORPORATION' as const,
        scope: 'LOCAL' as const,
        regionCode: 'RBN',
      })),
    )
    .returning({ id: partners.id, name: partners.name });
  for (const partner of inserted) id[partner.name] = partner.id;
  let ref = 0;
  const gift = (partner: string, date: string, amountUsd: string, countryIso3: string | null, kind = 'CASH') => ({
    externalRef: `g${++ref}`,
    date,
    amountUsd,
    incomeStream: 'CORPORATE' as const,
    kind: kind as 'CASH' | 'IN_KIND',
    partnerId: id[partner] as number,
    objectiveCode: 'INC_GROWTH',
    regionCode: countryIso3 === 'BGD' ? 'RBB' : countryIso3 === null ? 'HQ' : 'RBN',
    countryIso3,
  });
  await db.insert(contributions).values([
    // 2025: P3 250.00 in two gifts; P1, P2 and P6 100.00 each (P6 in four gifts); P4 0.10.
    gift('P1', '2025-01-01', '100.00', 'KEN'),
    gift('P2', '2025-12-31', '100.00', 'BGD'),
    gift('P3', '2025-06-01', '200.00', 'SDN'),
    gift('P3', '2025-06-02', '50.00', 'SDN', 'IN_KIND'),
    gift('P4', '2025-02-28', '0.10', null),
    ...['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'].map((date) => gift('P6', date, '25.00', 'KEN')),
    // 2024: P1 gave on 29 February and 31 December; P5 gave in 2024 alone, not in 2025.
    gift('P1', '2024-02-29', '30.00', 'KEN'),
    gift('P1', '2024-12-31', '12.50', 'KEN'),
    gift('P5', '2024-01-01', '500.00', 'KEN'),
  ]);
});
afterAll(async () => {
  await database?.close();
});

const YEAR = { from: '2025-01-01', to: '2025-12-31' } as const;

/**
 * The rows of `query` from the rollups, after checking that they are the fact tables' rows and the
 * first `limit` rows of the same query without a limit.
 */
async function firstRows(query: MetricsQuery): Promise<MetricsRow[]> {
  const fromRollups = await computeMetrics(db, query);
  expect(fromRollups, JSON.stringify(query)).toEqual(await answerFromFactTables(() => computeMetrics(db, query)));
  const whole = await computeRows(db, { ...query, limit: null });
  expect(fromRollups.rows, JSON.stringify(query)).toEqual(whole.slice(0, query.limit ?? undefined));
  return fromRollups.rows;
}

const partnerNames = (rows: MetricsRow[]) =>
  rows.map((row) => Object.keys(id).find((name) => id[name] === row.partnerId));

describe('ordered answers cut to a limit', () => {
  it('keeps the largest, ties broken by partner, and none who gave only the year before', async () => {
    const rows = await firstRows({
      metrics: ['REVENUE_USD', 'CONTRIBUTION_COUNT'],
      ...YEAR,
      groupBy: ['PARTNER'],
      compare: ['PREVIOUS_YEAR'],
      orderBy: [{ by: { metric: 'REVENUE_USD' }, direction: 'desc' }],
      limit: 3,
    });
    expect(partnerNames(rows)).toEqual(['P3', 'P1', 'P2']);
    expect(rows.map((row) => row.values.map((value) => [value.value, value.previous]))).toEqual([
      [
        ['250.00', '0'],
        ['2', '0'],
      ],
      [
        ['100.00', '42.50'],
        ['1', '2'],
      ],
      [
        ['100.00', '0'],
        ['1', '0'],
      ],
    ]);
    expect(rows[1]?.values[0]?.change).toBeCloseTo(57.5 / 42.5, 12);
  });

  it('orders by several metrics, either way, and by metrics it was not asked for', async () => {
    const byCount = await firstRows({
      metrics: ['CONTRIBUTION_COUNT', 'REVENUE_USD', 'AVERAGE_GIFT_USD'],
      ...YEAR,
      groupBy: ['PARTNER'],
      orderBy: [
        { by: { metric: 'CONTRIBUTION_COUNT' }, direction: 'asc' },
        { by: { metric: 'AVERAGE_GIFT_USD' }, direction: 'asc' },
      ],
      limit: 2,
    });
    // P4 (1 gift of 0.10), then P1 and P2 (1 gift of 100.00): P1 by its key.
    expect(partnerNames(byCount)).toEqual(['P4', 'P1']);
    const smallest = await firstRows({
      metrics: ['CASH_REVENUE_USD', 'IN_KIND_REVENUE_USD'],
      ...YEAR,
      groupBy: ['PARTNER'],
      orderBy: [
        { by: { metric: 'IN_KIND_REVENUE_USD' }, direction: 'desc' },
        { by: { metric: 'REVENUE_USD' }, direction: 'desc' },
      ],
      limit: 2,
    });
    // In-kind first (P3), then the rest by key: REVENUE_USD was not asked for, so it orders nothing.
    expect(partnerNames(smallest)).toEqual(['P3', 'P1']);
  });

  it('orders by a dimension with null keys last either way, and keeps every group under a larger limit', async () => {
    const query: MetricsQuery = {
      metrics: ['REVENUE_USD'],
      ...YEAR,
      groupBy: ['COUNTRY', 'PARTNER'],
      orderBy: [{ by: { dimension: 'COUNTRY' }, direction: 'desc' }],
      limit: 4,
    };
    const rows = await firstRows(query);
    expect(rows.map((row) => [row.countryIso3, row.partnerId])).toEqual([
      ['SDN', id.P3],
      ['KEN', id.P1],
      ['KEN', id.P6],
      ['BGD', id.P2],
    ]);
    const all = await firstRows({ ...query, orderBy: [{ by: { dimension: 'COUNTRY' }, direction: 'asc' }], limit: 50 });
    expect(all.map((row) => row.countryIso3)).toEqual(['BGD', 'KEN', 'KEN', 'SDN', null]);
  });

  it('answers an empty year with no rows, and a year to a day that cuts its gifts', async () => {
    const order = { orderBy: [{ by: { metric: 'REVENUE_USD' }, direction: 'desc' }] } as const;
    const common = { metrics: ['REVENUE_USD'], groupBy: ['PARTNER'], ...order, limit: 2 } as const;
    expect(await firstRows({ ...common, from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    // To 2 March: P6 had given twice by then, P3 not at all.
    const toMarch = await firstRows({ ...common, from: '2025-01-01', to: '2025-03-02', compare: ['PREVIOUS_YEAR'] });
    expect(partnerNames(toMarch)).toEqual(['P1', 'P6']);
    expect(toMarch.map((row) => [row.values[0]?.value, row.values[0]?.previous])).toEqual([
      ['100.00', '30.00'],
      ['50.00', '0'],
    ]);
  });

  it(`refuses more than ${MAX_ROWS} groups before the limit, as without one`, async () => {
    await db.execute(sql`
      INSERT INTO partners (external_ref, name, partner_type, scope, region_code)
      SELECT 'many-' || n, 'Many ' || n, 'CORPORATION', 'LOCAL', 'RBN' FROM generate_series(1, ${MAX_ROWS + 1}) AS n`);
    await db.execute(sql`
      INSERT INTO contributions (external_ref, date, amount_usd, income_stream, kind, partner_id, objective_code, region_code)
      SELECT 'many-' || p.id, '2030-06-30', 1, 'CORPORATE', 'CASH', p.id, 'INC_GROWTH', 'RBN'
      FROM partners p WHERE p.external_ref LIKE 'many-%'`);
    const query: MetricsQuery = {
      metrics: ['REVENUE_USD'],
      from: '2030-01-01',
      to: '2030-12-31',
      groupBy: ['PARTNER'],
      orderBy: [{ by: { metric: 'REVENUE_USD' }, direction: 'desc' }],
    };
    for (const limit of [null, 10]) {
      const refused = computeRows(db, { ...query, limit });
      await expect(refused).rejects.toThrow(MetricsInputError);
      await expect(refused).rejects.toThrow(`would produce ${MAX_ROWS + 1} rows`);
      await expect(answerFromFactTables(() => computeRows(db, { ...query, limit }))).rejects.toThrow(
        `would produce ${MAX_ROWS + 1} rows`,
      );
    }
  });
});
