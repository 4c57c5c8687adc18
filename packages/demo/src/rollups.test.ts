import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import {
  answerFromFactTables,
  type Comparison,
  computeKeyFigures,
  computeMetrics,
  type Dimension,
  type MetricCode,
  type MetricsFilter,
  type MetricsQuery,
  RECORDED_METRICS,
  type TimeGrain,
} from '@panorama/metrics';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './index';

/**
 * Every metric × dimension × grain × filter × comparison on the demo data, answered from the
 * rollups and from the fact tables: the answers must be identical, to the last digit. (The test
 * lives here because the demo data does: the metrics package cannot depend on this one.)
 */

let database: TestDatabase;
let partnerIds: number[];
let countryIsos: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database, { contributions: 6_000, seed: 11 });
  const picked = (await database.db.execute(sql`
    SELECT (SELECT array_agg(id ORDER BY id) FROM (SELECT partner_id AS id FROM contributions
              GROUP BY partner_id ORDER BY count(*) DESC, partner_id LIMIT 3) p) AS partners,
           (SELECT array_agg(iso3 ORDER BY iso3) FROM (SELECT country_iso3 AS iso3 FROM contributions
              WHERE country_iso3 IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2) c) AS countries`)) as unknown as {
    rows: { partners: number[]; countries: string[] }[];
  };
  partnerIds = picked.rows[0]?.partners ?? [];
  countryIsos = picked.rows[0]?.countries ?? [];
});
afterAll(async () => {
  await database?.close();
});

const CONTRIBUTION_METRICS: MetricCode[] = [
  'REVENUE_USD',
  'CASH_REVENUE_USD',
  'IN_KIND_REVENUE_USD',
  'CONTRIBUTION_COUNT',
  'AVERAGE_GIFT_USD',
  'ACTIVE_PARTNERS',
  'NEW_PARTNERS',
  'PARTNER_RETENTION_RATE',
];
const IMPACT_METRICS = RECORDED_METRICS.map((metric) => metric.code) as MetricCode[];

const GRAINS: (TimeGrain | null)[] = [null, 'YEAR', 'QUARTER', 'MONTH'];
const COMPARISONS: Comparison[][] = [[], ['PREVIOUS_PERIOD'], ['PREVIOUS_YEAR', 'TARGET']];
/** Ranges with whole and cut years and months at their ends, and a leap day. */
const RANGES: { from: string; to: string }[] = [
  { from: '2023-02-15', to: '2025-03-10' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2025-01-01', to: '2025-06-15' },
  { from: '2024-02-29', to: '2024-02-29' },
  { from: '2019-01-01', to: '2025-12-31' },
];

const contributionFilters = (): MetricsFilter[] => [
  { regionCodes: ['RBN', 'HQ'] },
  { countryIsos },
  { incomeStreams: ['INDIVIDUAL_GIVING', 'CORPORATE'], kind: 'CASH' },
  { partnerTypes: ['GIVING_CHANNEL', 'FOUNDATION'] },
  { objectiveCodes: ['INC_GROWTH', 'IMP_EMERGENCY'] },
  { partnerIds },
  { kind: 'IN_KIND', regionCodes: ['RBB'] },
];
const impactFilters = (): MetricsFilter[] => [
  { regionCodes: ['RBN', 'HQ'] },
  { countryIsos },
  { objectiveCodes: ['IMP_NUTRITION', 'ENB_COMMUNICATION'] },
];

/**
 * Each dimension set × grain × comparison, once without a filter and once with one of the
 * filters (taken in turn, so that every filter meets many shapes), over the ranges in turn.
 */
function queries(metrics: MetricCode[], dimensionSets: Dimension[][], filters: MetricsFilter[]): MetricsQuery[] {
  const result: MetricsQuery[] = [];
  let turn = 0;
  for (const groupBy of dimensionSets) {
    for (const grain of GRAINS) {
      for (const compare of COMPARISONS) {
        const range = RANGES[turn % (grain === 'MONTH' ? 3 : RANGES.length)] ?? {
          from: '2024-01-01',
          to: '2024-12-31',
        };
        const filter = filters[turn % filters.length];
        result.push(
          { metrics, groupBy, grain, compare, ...range },
          { metrics, groupBy, grain, compare, filter, ...range },
        );
        turn++;
      }
    }
  }
  return result;
}

async function expectSameAnswers(cases: MetricsQuery[]) {
  for (const query of cases) {
    const fromRollups = await computeMetrics(database.db, query);
    const fromFacts = await answerFromFactTables(() => computeMetrics(database.db, query));
    expect(fromRollups, JSON.stringify(query)).toEqual(fromFacts);
  }
}

describe('the rollups answer as the fact tables do', () => {
  it('reads the demo data from the rollups', async () => {
    const counts = (await database.db.execute(sql`
      SELECT (SELECT count(*)::int FROM contribution_totals) AS totals,
             (SELECT count(*)::int FROM partner_activity_by_region) AS activity,
             (SELECT count(*)::int FROM partner_days) AS days,
             (SELECT count(*)::int FROM partner_counts) AS counts,
             (SELECT count(*)::int FROM impact_totals) AS impact`)) as unknown as { rows: Record<string, number>[] };
    expect(counts.rows[0]).toEqual({
      totals: expect.any(Number),
      activity: expect.any(Number),
      days: expect.any(Number),
      counts: expect.any(Number),
      impact: expect.any(Number),
    });
    expect(Math.min(...Object.values(counts.rows[0] ?? {}))).toBeGreaterThan(0);
  });

  it('for contribution metrics, ungrouped and by one dimension', async () => {
    const dimensionSets: Dimension[][] = [
      [],
      ['REGION'],
      ['COUNTRY'],
      ['INCOME_STREAM'],
      ['PARTNER_TYPE'],
      ['OBJECTIVE'],
      ['PARTNER'],
    ];
    await expectSameAnswers(queries(CONTRIBUTION_METRICS, dimensionSets, contributionFilters()));
  });

  it('for contribution metrics by two dimensions', async () => {
    const dimensionSets: Dimension[][] = [
      ['REGION', 'INCOME_STREAM'],
      ['COUNTRY', 'PARTNER_TYPE'],
      ['OBJECTIVE', 'PARTNER'],
    ];
    await expectSameAnswers(queries(CONTRIBUTION_METRICS, dimensionSets, contributionFilters()));
  });

  it('for partner metrics over more periods than one bigint of marks holds', async () => {
    const partnerMetrics: MetricCode[] = ['ACTIVE_PARTNERS', 'NEW_PARTNERS', 'PARTNER_RETENTION_RATE'];
    // 84 months and the months before them: the partners' periods no longer fit in 63 bits.
    const wide = {
      from: '2019-01-01',
      to: '2025-12-31',
      grain: 'MONTH' as const,
      compare: ['PREVIOUS_YEAR'] as Comparison[],
    };
    await expectSameAnswers([
      { metrics: partnerMetrics, groupBy: [], ...wide },
      { metrics: partnerMetrics, groupBy: ['REGION'], filter: { kind: 'CASH' }, ...wide },
      // Cut months at both ends.
      { ...wide, metrics: partnerMetrics, groupBy: ['COUNTRY'], from: '2019-03-10', to: '2025-11-20' },
    ]);
  });

  it('for partner metrics over whole years, as the partner counts give them', async () => {
    const partnerMetrics: MetricCode[] = ['ACTIVE_PARTNERS', 'NEW_PARTNERS', 'PARTNER_RETENTION_RATE'];
    // 2026 has no contributions: no partner is active, and none of 2025's is retained.
    const years = { from: '2019-01-01', to: '2026-12-31', grain: 'YEAR' as const };
    const shapes: [Dimension[], MetricsFilter | undefined][] = [
      [[], undefined],
      [['REGION'], undefined],
      [['REGION'], { regionCodes: ['RBN', 'HQ'] }],
      [[], { regionCodes: ['RBN'] }],
      [['COUNTRY'], { regionCodes: ['RBN'] }],
      [['REGION', 'COUNTRY'], { countryIsos }],
      [['COUNTRY', 'REGION'], undefined],
    ];
    const cases: MetricsQuery[] = [];
    for (const compare of [[], ['PREVIOUS_PERIOD'], ['PREVIOUS_YEAR', 'TARGET']] as Comparison[][]) {
      for (const [groupBy, filter] of shapes)
        cases.push({ metrics: partnerMetrics, groupBy, filter, compare, ...years });
    }
    // One year alone, and a year's partners with its revenue.
    cases.push(
      {
        metrics: partnerMetrics,
        groupBy: ['REGION'],
        from: '2024-01-01',
        to: '2024-12-31',
        compare: ['PREVIOUS_YEAR'],
      },
      { metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS'], groupBy: [], from: '2025-01-01', to: '2025-12-31' },
    );
    await expectSameAnswers(cases);
  });

  it('for impact and enabler metrics, and the pipeline', async () => {
    const dimensionSets: Dimension[][] = [[], ['REGION'], ['COUNTRY'], ['OBJECTIVE'], ['REGION', 'OBJECTIVE']];
    await expectSameAnswers(queries([...IMPACT_METRICS, 'PIPELINE_WEIGHTED_USD'], dimensionSets, impactFilters()));
  });

  it('for the key figures of the overview and of a panorama, year to date on any day', async () => {
    for (const [year, asOf] of [
      [2025, '2025-12-31'],
      [2025, '2025-06-15'],
      [2024, '2024-02-29'],
      [2024, '2024-01-01'],
    ] as const) {
      for (const request of [
        {},
        { groupBy: ['REGION'] as Dimension[] },
        { groupBy: ['INCOME_STREAM'] as Dimension[], metrics: ['REVENUE_USD'] as MetricCode[] },
        { filter: { regionCodes: ['RBN'] } },
        { filter: { regionCodes: ['RBN'] }, groupBy: ['COUNTRY'] as Dimension[] },
      ]) {
        const keyFigures = () => computeKeyFigures(database.db, { year, asOf, ...request });
        expect(await keyFigures(), `${asOf} ${JSON.stringify(request)}`).toEqual(
          await answerFromFactTables(keyFigures),
        );
      }
    }
  });

  it('for a region: its row among all regions is its key figures filtered alone (a panorama reads them so)', async () => {
    for (const [year, asOf] of [
      [2025, '2025-06-15'],
      [2024, '2024-02-29'],
    ] as const) {
      const regions = await computeKeyFigures(database.db, { year, asOf, groupBy: ['REGION'] });
      expect(regions.length).toBeGreaterThan(1);
      for (const row of regions) {
        const [alone] = await computeKeyFigures(database.db, {
          year,
          asOf,
          filter: { regionCodes: [row.regionCode ?? ''] },
        });
        expect(row.values, `${asOf} ${row.regionCode}`).toEqual(alone?.values);
      }
    }
  });
});
