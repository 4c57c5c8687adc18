import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { METRICS, RECORDED_METRICS } from '@panorama/metrics/catalog';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeedSummary, seedDemoData } from './index';

const SIZE = 8_000;
const SEED = 7;

let first: TestDatabase;
let second: TestDatabase;
let summary: SeedSummary;

async function rows<Row>(database: TestDatabase, query: string): Promise<Row[]> {
  // Both drivers answer { rows }; the generic result type does not say so for a generic row.
  const result = (await database.db.execute(sql.raw(query))) as unknown as { rows: Row[] };
  return result.rows;
}

async function value<T>(database: TestDatabase, query: string): Promise<T> {
  const [row] = await rows<{ value: T }>(database, query);
  return row?.value as T;
}

/** Every loaded column of the demo tables, hashed in id order (creation timestamps aside). */
async function fingerprint(database: TestDatabase) {
  const hash = (table: string, columns: string) =>
    `(SELECT md5(coalesce(string_agg(concat_ws('|', ${columns}), E'\\n' ORDER BY id), '')) FROM ${table})`;
  const [row] = await rows<Record<string, string>>(
    database,
    `SELECT
      ${hash('partners', "id, external_ref, name, partner_type, coalesce(sector, '-'), scope, region_code, coalesce(country_iso3, '-')")} AS partners,
      ${hash('partnerships', "id, external_ref, name, partner_id, region_code, coalesce(country_iso3, '-'), objective_code, modality, status, start_date, coalesce(end_date::text, '-')")} AS partnerships,
      ${hash('contributions', "id, external_ref, date, amount_usd, income_stream, kind, partner_id, objective_code, region_code, coalesce(country_iso3, '-'), coalesce(partnership_id, 0)")} AS contributions,
      ${hash('impact_records', "id, external_ref, date, metric_code, value, region_code, coalesce(country_iso3, '-'), coalesce(partnership_id, 0), objective_code")} AS impact,
      ${hash('targets', 'id, metric_code, scope_code, year, coalesce(quarter, 0), value, set_by, set_at')} AS targets,
      ${hash('opportunities', "id, name, coalesce(partner_id, 0), coalesce(prospect_name, '-'), stage, amount_usd, probability, expected_close_date")} AS opportunities,
      ${hash('stories', 'id, title, summary, region_code, story_date')} AS stories`,
  );
  return row;
}

/** Revenue per region and year, summed by the database. */
const revenueByRegionYear = (database: TestDatabase) =>
  rows<{ region_code: string; year: number; revenue: string }>(
    database,
    `SELECT region_code, extract(year FROM date)::int AS year, sum(amount_usd)::text AS revenue
     FROM contributions GROUP BY 1, 2 ORDER BY 1, 2`,
  );

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  summary = await seedDemoData(first, { seed: SEED, contributions: SIZE });
  await seedDemoData(second, { seed: SEED, contributions: SIZE });
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe('seedDemoData', () => {
  it('writes the same data for the same seed, and reports what it wrote', async () => {
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
    expect(await revenueByRegionYear(second)).toEqual(await revenueByRegionYear(first));
    expect(summary.counts.contributions).toBe(SIZE);
    expect(summary.counts.partners).toBe(await value<number>(first, 'SELECT count(*)::int AS value FROM partners'));
    expect(summary.totalRevenueUsd).toBe(
      await value<string>(first, 'SELECT sum(amount_usd)::text AS value FROM contributions'),
    );
    expect(summary.counts.impact_records).toBeGreaterThan(1_000);
  });

  it('shapes revenue differently across regions and years', async () => {
    const revenue = await revenueByRegionYear(first);
    expect(new Set(revenue.map((row) => row.region_code))).toEqual(
      new Set(['HQ', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP']),
    );
    expect(new Set(revenue.map((row) => row.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    for (const year of [2019, 2025]) {
      const amounts = revenue.filter((row) => row.year === year).map((row) => row.revenue);
      expect(new Set(amounts).size).toBe(amounts.length);
    }
    const rbb = revenue.filter((row) => row.region_code === 'RBB').map((row) => row.revenue);
    expect(new Set(rbb).size).toBe(rbb.length);
    const [dates] = await rows<{ first: string; last: string }>(
      first,
      'SELECT min(date)::text AS first, max(date)::text AS last FROM contributions',
    );
    expect(dates?.first ?? '').toMatch(/^2019-/);
    expect(dates?.last ?? '').toMatch(/^2025-/);
  });

  it('covers every partner type and income stream, with individual giving peaking in December', async () => {
    const types = await rows<{ partner_type: string }>(
      first,
      'SELECT DISTINCT p.partner_type FROM contributions c JOIN partners p ON p.id = c.partner_id',
    );
    expect(types.map((row) => row.partner_type).sort()).toEqual(
      ['ASSOCIATION', 'CORPORATION', 'FOUNDATION', 'GIVING_CHANNEL', 'HNWI'].sort(),
    );
    const streams = await rows<{ income_stream: string }>(first, 'SELECT DISTINCT income_stream FROM contributions');
    expect(streams.map((row) => row.income_stream).sort()).toEqual([
      'CORPORATE',
      'FOUNDATION',
      'HNWI',
      'INDIVIDUAL_GIVING',
    ]);
    const months = await rows<{ month: number; gifts: number }>(
      first,
      `SELECT extract(month FROM date)::int AS month, count(*)::int AS gifts FROM contributions
       WHERE income_stream = 'INDIVIDUAL_GIVING' GROUP BY 1 ORDER BY 1`,
    );
    const december = months.find((row) => row.month === 12)?.gifts ?? 0;
    const others = months.filter((row) => row.month !== 12).map((row) => row.gifts);
    expect(december).toBeGreaterThan(1.5 * Math.max(...others));
    const inKind = await rows<{ income_stream: string; gifts: number }>(
      first,
      `SELECT income_stream, count(*)::int AS gifts FROM contributions WHERE kind = 'IN_KIND' GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(inKind[0]?.income_stream).toBe('CORPORATE');
  });

  it('dates every country in the bureau it belonged to that day (Sudan: Cairo, then Nairobi)', async () => {
    const misplaced = await value<number>(
      first,
      `SELECT count(*)::int AS value FROM contributions c
       WHERE c.country_iso3 IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM country_memberships m
         WHERE m.country_iso3 = c.country_iso3 AND m.region_code = c.region_code
           AND c.date >= m.valid_from AND (m.valid_to IS NULL OR c.date <= m.valid_to))`,
    );
    expect(misplaced).toBe(0);
    expect(
      await value<number>(
        first,
        "SELECT count(*)::int AS value FROM contributions WHERE region_code = 'HQ' AND country_iso3 IS NOT NULL",
      ),
    ).toBe(0);
    const sudan = await rows<{ region_code: string; before: boolean }>(
      first,
      `SELECT DISTINCT region_code, date < '2020-01-01' AS before FROM contributions WHERE country_iso3 = 'SDN' ORDER BY 1`,
    );
    expect(sudan).toEqual([
      { region_code: 'RBC', before: true },
      { region_code: 'RBN', before: false },
    ]);
  });

  it('has partners who lapse for a year and come back, and new partners every year', async () => {
    const returning = await value<number>(
      first,
      `WITH active AS (SELECT DISTINCT partner_id, extract(year FROM date)::int AS year FROM contributions)
       SELECT count(DISTINCT a.partner_id)::int AS value FROM active a
       WHERE NOT EXISTS (SELECT 1 FROM active b WHERE b.partner_id = a.partner_id AND b.year = a.year + 1)
         AND EXISTS (SELECT 1 FROM active c WHERE c.partner_id = a.partner_id AND c.year > a.year + 1)`,
    );
    expect(returning).toBeGreaterThan(0);
    const newcomers = await rows<{ year: number }>(
      first,
      `SELECT DISTINCT extract(year FROM first_gift)::int AS year
       FROM (SELECT min(date) AS first_gift FROM contributions GROUP BY partner_id) f ORDER BY 1`,
    );
    expect(newcomers.map((row) => row.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('sets versioned targets, some regions ahead and some behind, quarters summing to the year', async () => {
    const metrics = METRICS.filter((metric) => metric.source !== 'RATIO' && metric.code !== 'PIPELINE_WEIGHTED_USD');
    const covered = await value<number>(
      first,
      `SELECT count(DISTINCT (metric_code, scope_code))::int AS value FROM targets
       WHERE year = 2019 AND quarter IS NULL AND scope_type = 'REGION'`,
    );
    expect(covered).toBe(metrics.length * 7);
    const rates = await rows<{ value: string }>(
      first,
      "SELECT value::text FROM targets WHERE metric_code = 'PARTNER_RETENTION_RATE'",
    );
    expect(rates.every((rate) => Number(rate.value) > 0 && Number(rate.value) < 1)).toBe(true);
    expect(
      await value<number>(
        first,
        `SELECT count(*)::int AS value FROM targets t JOIN target_versions v ON v.target_id = t.id
         WHERE v.version = 1 AND v.previous_value IS NULL AND v.value = t.value AND t.set_by = 'demo'`,
      ),
    ).toBe(summary.counts.targets);
    const attainment = await rows<{ region: string; attainment: string }>(
      first,
      `SELECT t.scope_code AS region, (sum(c.amount_usd) / t.value)::text AS attainment
       FROM targets t JOIN contributions c ON c.region_code = t.scope_code AND extract(year FROM c.date) = t.year
       WHERE t.metric_code = 'REVENUE_USD' AND t.scope_type = 'REGION' AND t.year = 2025 AND t.quarter IS NULL
       GROUP BY t.scope_code, t.value`,
    );
    const byRegion = new Map(attainment.map((row) => [row.region, Number(row.attainment)]));
    expect(byRegion.get('RBB')).toBeGreaterThan(1);
    expect(byRegion.get('RBJ')).toBeLessThan(0.9);
    const quarters = await rows<{ scope_code: string; year_target: string; quarters: string }>(
      first,
      `SELECT y.scope_code, y.value::text AS year_target, sum(q.value)::text AS quarters
       FROM targets y JOIN targets q ON q.metric_code = y.metric_code AND q.scope_code = y.scope_code
         AND q.year = y.year AND q.quarter IS NOT NULL
       WHERE y.metric_code = 'REVENUE_USD' AND y.year = 2025 AND y.quarter IS NULL GROUP BY 1, 2`,
    );
    expect(quarters).toHaveLength(8);
    for (const row of quarters) expect(row.quarters).toBe(row.year_target);
  });

  it('records every impact and enabler metric, a pipeline over every stage, field needs and stories', async () => {
    const recorded = await rows<{ metric_code: string }>(
      first,
      'SELECT DISTINCT metric_code FROM impact_records ORDER BY 1',
    );
    expect(recorded.map((row) => row.metric_code)).toEqual(RECORDED_METRICS.map((metric) => metric.code).sort());
    const stages = await rows<{ stage: string }>(first, 'SELECT DISTINCT stage FROM opportunities ORDER BY 1');
    expect(stages).toHaveLength(6);
    expect(
      await value<number>(first, 'SELECT count(*)::int AS value FROM opportunities WHERE partner_id IS NULL'),
    ).toBeGreaterThan(0);
    expect(
      await value<number>(
        first,
        "SELECT count(*)::int AS value FROM field_needs WHERE status = 'MATCHED' AND partnership_id IS NOT NULL",
      ),
    ).toBeGreaterThan(0);
    const stories = await rows<{ stories: number }>(
      first,
      'SELECT count(*)::int AS stories FROM stories GROUP BY region_code',
    );
    expect(stories).toHaveLength(7);
    expect(stories.every((row) => row.stories >= 3 && row.stories <= 5)).toBe(true);
  });

  it('refuses a database that has data, writing nothing', async () => {
    const before = await fingerprint(first);
    await expect(seedDemoData(first, { seed: SEED, contributions: SIZE })).rejects.toThrow(/already has data.*reset/);
    expect(await fingerprint(first)).toEqual(before);
  });

  it('leaves the data as it was when a seed fails halfway', async () => {
    const before = await fingerprint(first);
    const failing = (line: string) => {
      if (line.startsWith('contributions')) throw new Error('interrupted');
    };
    await expect(seedDemoData(first, { seed: 9, contributions: SIZE, reset: true, log: failing })).rejects.toThrow(
      'interrupted',
    );
    expect(await fingerprint(first)).toEqual(before);
  });

  it('replaces the data on reset: another seed gives other data, the same seed the same data again', async () => {
    await seedDemoData(second, { seed: SEED + 1, contributions: SIZE, reset: true });
    expect(await revenueByRegionYear(second)).not.toEqual(await revenueByRegionYear(first));
    expect((await fingerprint(second))?.contributions).not.toBe((await fingerprint(first))?.contributions);
    await seedDemoData(second, { seed: SEED, contributions: SIZE, reset: true });
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
    // Identities moved past the loaded ids: a new partner gets the next one.
    const next = await value<number>(
      second,
      "INSERT INTO partners (external_ref, name, partner_type, scope, region_code) VALUES ('X-1', 'New', 'HNWI', 'LOCAL', 'HQ') RETURNING id AS value",
    );
    expect(next).toBe(summary.counts.partners + 1);
  });
});
