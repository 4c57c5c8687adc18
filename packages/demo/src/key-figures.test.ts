import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import {
  computeKeyFigures,
  computeMetrics,
  type Dimension,
  METRIC_CODES,
  type MetricsFilter,
  type MetricsRow,
} from '@panorama/metrics';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './index';

/**
 * Key figures look their targets up while their figures are measured, from the scopes that have
 * targets; a `metrics` query looks them up from its groups, once measured. On the demo data
 * (targets for regions and countries, gifts raised by one region in another region's country)
 * both must give every group the same targets.
 */

let database: TestDatabase;
/** The country of another region where RBC raised a gift. */
let elsewhere: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database, { contributions: 4_000, seed: 5 });
  // A gift RBC raised in a country of another region, with revenue targets of its own.
  const raised = (await database.db.execute(sql`
    INSERT INTO contributions (external_ref, date, amount_usd, income_stream, kind, partner_id, objective_code,
      region_code, country_iso3)
    SELECT 'cross-region', '2025-06-01', 10, 'CORPORATE', 'CASH', (SELECT min(id) FROM partners),
      (SELECT min(code) FROM objectives), 'RBC', min(t.scope_code)
    FROM targets t JOIN countries co ON co.iso3 = t.scope_code
    WHERE t.scope_type = 'COUNTRY' AND t.metric_code = 'REVENUE_USD' AND t.year = 2025 AND co.region_code <> 'RBC'
    RETURNING country_iso3`)) as unknown as { rows: { country_iso3: string | null }[] };
  elsewhere = raised.rows[0]?.country_iso3 ?? '';
});
afterAll(async () => {
  await database?.close();
});

const groupOf = (row: MetricsRow) =>
  JSON.stringify([row.regionCode, row.countryIso3, row.incomeStream, row.partnerType, row.objectiveCode]);
const targetsOf = (rows: MetricsRow[]) =>
  new Map(rows.map((row) => [groupOf(row), row.values.map((value) => [value.metric, value.target])]));

describe('key figures take the targets a metrics query gives the same groups', () => {
  const shapes: [Dimension[], MetricsFilter | null][] = [
    [[], null],
    [[], { regionCodes: ['RBN'] }],
    [[], { regionCodes: ['RBN', 'RBC'] }],
    [['REGION'], null],
    [['REGION'], { regionCodes: ['RBC', 'HQ'] }],
    [['COUNTRY'], { regionCodes: ['RBN'] }],
    // RBC raised a gift in a country of another region: the country's group has its targets.
    [['COUNTRY'], { regionCodes: ['RBC'] }],
    [['REGION', 'COUNTRY'], null],
    [['REGION'], { countryIsos: ['KEN', 'UGA'] }],
  ];

  it.each(shapes)('grouped by %j, filtered by %j', async (groupBy, filter) => {
    const keyFigures = await computeKeyFigures(database.db, { year: 2025, asOf: '2025-12-31', groupBy, filter });
    const metrics = await computeMetrics(database.db, {
      metrics: METRIC_CODES,
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy,
      filter,
      compare: ['TARGET'],
    });
    const rows = groupBy.length ? metrics.rows : [metrics.total];
    expect(targetsOf(keyFigures)).toEqual(targetsOf(rows));
  });

  it('has targets to compare: regions, countries and the organisation have some', async () => {
    for (const groupBy of [[], ['REGION'], ['COUNTRY']] as Dimension[][]) {
      const rows = await computeKeyFigures(database.db, {
        year: 2025,
        asOf: '2025-12-31',
        groupBy,
        filter: groupBy.includes('COUNTRY') ? { regionCodes: ['RBC'] } : null,
      });
      const targeted = rows.flatMap((row) => row.values).filter((value) => value.target !== null);
      expect(targeted.length, JSON.stringify(groupBy)).toBeGreaterThan(0);
    }
    expect(elsewhere).toMatch(/^[A-Z]{3}$/);
    const country = (
      await computeKeyFigures(database.db, {
        year: 2025,
        asOf: '2025-12-31',
        groupBy: ['COUNTRY'],
        filter: { regionCodes: ['RBC'] },
      })
    ).find((row) => row.countryIso3 === elsewhere);
    expect(country?.values.find((value) => value.metric === 'REVENUE_USD')).toMatchObject({ value: '10.00' });
    expect(country?.values.find((value) => value.metric === 'REVENUE_USD')?.target).not.toBeNull();
  });
});
