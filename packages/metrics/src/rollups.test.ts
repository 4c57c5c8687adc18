import { type Database, partners } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricCode } from './catalog';
import { computeMetrics } from './engine';
import { answerFromFactTables } from './fact-tables-only';
import { loadHandData } from './hand-data.fixture';
import type { MetricsQuery, MetricsResult, MetricsRow } from './query';

/**
 * The rollups against the hand-computed data set of `metrics.test.ts`: answers on period edges
 * worked out by hand, and after every kind of write the rollups equal a rebuild from the fact
 * tables and every figure equals the fact tables' own.
 */

let database: TestDatabase;
let db: Database;
let ids: Awaited<ReturnType<typeof loadHandData>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  ids = await loadHandData(db);
});
afterAll(async () => {
  await database?.close();
});

const ROLLUPS = {
  contribution_totals: 'grain, bucket, region_code, income_stream, partner_type, objective_code, kind, country_iso3',
  contribution_totals_by_region: 'grain, bucket, region_code, income_stream, partner_type, kind',
  partner_activity: 'grain, bucket, region_code, partner_id, income_stream, objective_code, kind, country_iso3',
  partner_activity_by_region: 'grain, bucket, region_code, partner_id, income_stream, kind',
  partner_days_by_country: 'grain, bucket, region_code, country_iso3, partner_id',
  partner_days_by_region: 'grain, bucket, region_code, partner_id',
  partner_days: 'grain, bucket, partner_id',
  partner_counts: 'level, bucket, region_code, country_iso3',
  impact_totals: 'grain, bucket, metric_code, region_code, objective_code, country_iso3',
};

async function rows(query: string): Promise<Record<string, unknown>[]> {
  return ((await db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
}

/** Every row of every rollup, in key order. */
async function rollupContents() {
  const contents: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(ROLLUPS)) {
    const days = table.startsWith('partner_') && table !== 'partner_counts' ? ', active_days::text AS active_days' : '';
    contents[table] = await rows(`SELECT *${days} FROM ${table} ORDER BY ${key}`);
  }
  return contents;
}

/** The rollups as the triggers left them equal a rebuild from the fact tables. */
async function expectRollupsInStep() {
  const kept = await rollupContents();
  await rows('SELECT panorama_rebuild_rollups()');
  expect(kept).toEqual(await rollupContents());
}

/** Answers a query from the rollups and from the fact tables, and requires the same result. */
async function bothWays(query: MetricsQuery): Promise<MetricsResult> {
  const fromRollups = await computeMetrics(db, query);
  const fromFacts = await answerFromFactTables(() => computeMetrics(db, query));
  expect(fromRollups, JSON.stringify(query)).toEqual(fromFacts);
  return fromRollups;
}

const figureValue = (row: MetricsRow | undefined, metric: MetricCode) =>
  row?.values.find((value) => value.metric === metric)?.value;

async function total(query: MetricsQuery, metric: MetricCode) {
  return figureValue((await bothWays(query)).total, metric);
}

async function byGroup(query: MetricsQuery, metric: MetricCode, key: keyof MetricsRow) {
  const result = await bothWays(query);
  return Object.fromEntries(result.rows.map((row) => [String(row[key]), figureValue(row, metric)]));
}

describe('rollups on period edges', () => {
  it('starts in step with the fact tables', async () => {
    expect((await rows('SELECT count(*)::int AS n FROM partner_activity'))[0]?.n).toBeGreaterThan(0);
    await expectRollupsInStep();
  });

  it('sums across 31 December and 1 January, on 29 February and over months cut mid-way', async () => {
    const revenue = (from: string, to: string) => total({ metrics: ['REVENUE_USD'], from, to }, 'REVENUE_USD');
    expect(await revenue('2023-12-31', '2024-01-01')).toBe('250.50');
    expect(await revenue('2024-02-01', '2024-02-29')).toBe('300.25');
    expect(await revenue('2024-02-29', '2024-02-29')).toBe('300.25');
    expect(await revenue('2024-02-15', '2024-03-10')).toBe('300.25');
    expect(await revenue('2024-01-02', '2024-12-30')).toBe('700.25');
    expect(await revenue('2023-01-01', '2025-12-31')).toBe('1126.05');
    const kenya = await byGroup(
      { metrics: ['REVENUE_USD'], from: '2023-12-31', to: '2024-01-01', groupBy: ['COUNTRY'] },
      'REVENUE_USD',
      'countryIso3',
    );
    expect(kenya).toEqual({ KEN: '250.50' });
  });

  it('counts active and new partners on single days: 31 December of a leap year, 29 February', async () => {
    const partners = (metric: MetricCode, from: string, to: string) => total({ metrics: [metric], from, to }, metric);
    expect(await partners('ACTIVE_PARTNERS', '2024-12-31', '2024-12-31')).toBe('1');
    expect(await partners('ACTIVE_PARTNERS', '2024-01-02', '2024-12-30')).toBe('2');
    expect(await partners('NEW_PARTNERS', '2024-02-29', '2024-02-29')).toBe('1');
    expect(await partners('NEW_PARTNERS', '2024-03-01', '2024-12-31')).toBe('0');
    const leapDay = await bothWays({
      metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS'],
      from: '2024-02-29',
      to: '2024-02-29',
      compare: ['PREVIOUS_YEAR'],
    });
    expect(leapDay.total.values.map((value) => [value.value, value.previous])).toEqual([
      ['300.25', '0'],
      ['1', '0'],
    ]);
  });

  it('retains a partner who gives again, not one who gave one year and not the next', async () => {
    const retention = { metrics: ['PARTNER_RETENTION_RATE'] as MetricCode[], from: '2025-01-01', to: '2025-12-31' };
    expect(await total(retention, 'PARTNER_RETENTION_RATE')).toBe('0.250000');
    expect(await byGroup({ ...retention, groupBy: ['REGION'] }, 'PARTNER_RETENTION_RATE', 'regionCode')).toEqual({
      HQ: '0.000000',
      RBB: '0.000000',
      RBN: '0.500000',
    });
    // 1 January to 1 March 2025 against the 59 days before: Gamma gave on 31 December 2024, not since.
    expect(await total({ ...retention, to: '2025-03-01' }, 'PARTNER_RETENTION_RATE')).toBe('0.000000');
    // Delta gave in 2019, lapsed, and came back in 2024: active, not new.
    const partners = await bothWays({
      metrics: ['ACTIVE_PARTNERS', 'NEW_PARTNERS'],
      from: '2019-01-01',
      to: '2025-12-31',
      grain: 'YEAR',
      filter: { partnerIds: [ids.delta] },
    });
    expect(partners.rows.map((row) => row.values.map((value) => value.value))).toEqual([
      ['1', '1'],
      ['0', '0'],
      ['0', '0'],
      ['0', '0'],
      ['0', '0'],
      ['1', '0'],
      ['0', '0'],
    ]);
  });
});

describe('the statements of questions asked again', () => {
  it('answers questions that differ in one thing each, asked in turn and again, each as the fact tables do', async () => {
    const year: MetricsQuery = {
      metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS', 'NEW_PARTNERS', 'PARTNER_RETENTION_RATE'],
      from: '2024-01-01',
      to: '2024-12-31',
    };
    const questions: MetricsQuery[] = [
      year,
      { ...year, filter: { regionCodes: ['RBN'] } },
      { ...year, filter: { regionCodes: ['RBB'] } },
      { ...year, groupBy: ['REGION'] },
      { ...year, groupBy: ['COUNTRY'] },
      { ...year, from: '2023-01-01', to: '2023-12-31' },
      { ...year, compare: ['PREVIOUS_YEAR'] },
      { ...year, grain: 'QUARTER' },
      { ...year, grain: 'MONTH' },
      { ...year, metrics: ['REVENUE_USD'] },
      { ...year, to: '2024-12-30' },
    ];
    const first = [];
    for (const question of questions) first.push(await bothWays(question));
    // Again, the other way round: each question's statement is its own.
    for (const [index, question] of [...questions.entries()].reverse()) {
      expect(await bothWays(question), JSON.stringify(question)).toEqual(first[index]);
    }
    expect(first[1]).not.toEqual(first[2]);
  });
});

describe('rollups kept in step by every write', () => {
  it('moves a contribution from one month to another, and from one region to another', async () => {
    await db.execute(sql`UPDATE contributions SET date = '2024-03-01' WHERE external_ref = 'c3'`);
    await expectRollupsInStep();
    const months = await bothWays({
      metrics: ['REVENUE_USD', 'NEW_PARTNERS'],
      from: '2024-02-01',
      to: '2024-03-31',
      grain: 'MONTH',
    });
    expect(months.rows.map((row) => row.values.map((value) => value.value))).toEqual([
      ['0', '0'],
      ['300.25', '1'],
    ]);
    await db.execute(sql`UPDATE contributions SET region_code = 'RBC' WHERE external_ref = 'c7'`);
    await expectRollupsInStep();
    const year = { metrics: ['REVENUE_USD'] as MetricCode[], from: '2024-01-01', to: '2024-12-31' };
    expect(await byGroup({ ...year, groupBy: ['REGION'] }, 'REVENUE_USD', 'regionCode')).toEqual({
      HQ: '0.10',
      RBB: '300.25',
      RBC: '400.00',
      RBN: '50.00',
    });
    expect(
      await byGroup({ ...year, metrics: ['NEW_PARTNERS'], groupBy: ['REGION'] }, 'NEW_PARTNERS', 'regionCode'),
    ).toEqual({ HQ: '0', RBB: '1', RBC: '0', RBN: '0' });
  });

  it('deletes a contribution: a partner’s first gift in a slice moves on', async () => {
    await db.execute(sql`DELETE FROM contributions WHERE external_ref = 'c9'`);
    await expectRollupsInStep();
    const year = { from: '2024-01-01', to: '2024-12-31' };
    expect(await total({ metrics: ['NEW_PARTNERS'], ...year }, 'NEW_PARTNERS')).toBe('2');
    expect(await total({ metrics: ['ACTIVE_PARTNERS'], from: '2023-01-01', to: '2023-12-31' }, 'ACTIVE_PARTNERS')).toBe(
      '1',
    );
  });

  it('changes an amount alone: the sums move, the partners’ days and first days stay', async () => {
    const lastDay = { from: '2024-12-31', to: '2024-12-31' };
    const revenue = async () => total({ metrics: ['REVENUE_USD'], ...lastDay }, 'REVENUE_USD');
    expect(await revenue()).toBe('0.10');
    await db.execute(sql`UPDATE contributions SET amount_usd = 5.00 WHERE external_ref = 'c4'`);
    await expectRollupsInStep();
    expect(await revenue()).toBe('5.00');
    expect(await total({ metrics: ['ACTIVE_PARTNERS'], ...lastDay }, 'ACTIVE_PARTNERS')).toBe('1');
    await db.execute(sql`UPDATE contributions SET amount_usd = 0.10 WHERE external_ref = 'c4'`);
    await expectRollupsInStep();
    expect(await revenue()).toBe('0.10');
  });

  it('keeps a day a partner still gave on when one of that day’s gifts goes, with no country too', async () => {
    await db.execute(sql`INSERT INTO contributions (external_ref, date, amount_usd, income_stream, kind, partner_id,
        objective_code, region_code, country_iso3)
      VALUES ('d1', '2022-03-15', '1.00', 'INDIVIDUAL_GIVING', 'CASH', ${ids.gamma}, 'INC_INDIVIDUAL', 'HQ', NULL),
             ('d2', '2022-03-15', '2.00', 'INDIVIDUAL_GIVING', 'IN_KIND', ${ids.gamma}, 'INC_INDIVIDUAL', 'HQ', NULL)`);
    await db.execute(sql`DELETE FROM contributions WHERE external_ref = 'd1'`);
    await expectRollupsInStep();
    const day = { metrics: ['ACTIVE_PARTNERS'] as MetricCode[], from: '2022-03-15', to: '2022-03-15' };
    expect(await total(day, 'ACTIVE_PARTNERS')).toBe('1');
    expect(await byGroup({ ...day, groupBy: ['COUNTRY'] }, 'ACTIVE_PARTNERS', 'countryIso3')).toEqual({ null: '1' });
    await db.execute(sql`DELETE FROM contributions WHERE external_ref = 'd2'`);
    await expectRollupsInStep();
    expect(await total(day, 'ACTIVE_PARTNERS')).toBe('0');
  });

  it('takes an import’s INSERT … SELECT and UPDATE … FROM, with a new partner', async () => {
    await db.execute(sql`CREATE TEMP TABLE staged (external_ref text, date date, amount_usd numeric(14, 2))`);
    await db.execute(sql`INSERT INTO staged VALUES
      ('c1', '2023-01-01', '110.00'), ('c8', '2025-02-28', '75.00'),
      ('n1', '2025-01-01', '20.00'), ('n2', '2025-12-31', '5.55'), ('n3', '2024-02-29', '1.00')`);
    const [partner] = await db
      .insert(partners)
      .values({ externalRef: 'P5', name: 'Epsilon', partnerType: 'ASSOCIATION', scope: 'LOCAL', regionCode: 'RBJ' })
      .returning({ id: partners.id });
    await db.execute(sql`UPDATE contributions c SET date = s.date, amount_usd = s.amount_usd
      FROM staged s WHERE s.external_ref = c.external_ref AND (c.date, c.amount_usd) IS DISTINCT FROM (s.date, s.amount_usd)`);
    await db.execute(sql`INSERT INTO contributions (external_ref, date, amount_usd, income_stream, kind, partner_id,
        objective_code, region_code, country_iso3)
      SELECT s.external_ref, s.date, s.amount_usd, 'INDIVIDUAL_GIVING', 'IN_KIND', ${partner?.id}, 'ENB_COMMUNICATION', 'RBJ', NULL
        FROM staged s WHERE NOT EXISTS (SELECT 1 FROM contributions c WHERE c.external_ref = s.external_ref)`);
    await expectRollupsInStep();
    const year2025 = await bothWays({
      metrics: ['REVENUE_USD', 'IN_KIND_REVENUE_USD', 'CONTRIBUTION_COUNT', 'ACTIVE_PARTNERS', 'NEW_PARTNERS'],
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: ['REGION'],
    });
    expect(year2025.rows.map((row) => [row.regionCode, ...row.values.map((value) => value.value)])).toEqual([
      ['RBJ', '25.55', '25.55', '2', '1', '0'],
      ['RBN', '75.00', '0', '1', '1', '0'],
    ]);
    expect(await total({ metrics: ['REVENUE_USD'], from: '2023-01-01', to: '2023-01-01' }, 'REVENUE_USD')).toBe(
      '110.00',
    );
  });

  it('moves a partner’s gifts to its new partner type', async () => {
    await db.execute(sql`UPDATE partners SET partner_type = 'FOUNDATION' WHERE id = ${ids.alpha}`);
    await expectRollupsInStep();
    const byType = await byGroup(
      { metrics: ['REVENUE_USD'], from: '2024-01-01', to: '2024-12-31', groupBy: ['PARTNER_TYPE'] },
      'REVENUE_USD',
      'partnerType',
    );
    expect(byType).toEqual({ FOUNDATION: '350.25', GIVING_CHANNEL: '0.10', HNWI: '400.00', ASSOCIATION: '1.00' });
  });

  it('keeps impact records’ sums through inserts, updates and deletes', async () => {
    await db.execute(sql`UPDATE impact_records SET date = '2025-01-01', value = value + 1 WHERE external_ref = 'i2'`);
    await db.execute(sql`DELETE FROM impact_records WHERE external_ref = 'i3'`);
    await db.execute(sql`INSERT INTO impact_records (external_ref, date, metric_code, value, region_code, objective_code)
      VALUES ('i5', '2024-06-30', 'BENEFICIARIES_REACHED', 12.5, 'RBB', 'IMP_NUTRITION')`);
    await expectRollupsInStep();
    const reached = await byGroup(
      { metrics: ['BENEFICIARIES_REACHED'], from: '2023-12-31', to: '2025-01-01', groupBy: ['REGION'] },
      'BENEFICIARIES_REACHED',
      'regionCode',
    );
    expect(reached).toEqual({ RBB: '513.5000', RBN: '1000.0000' });
  });

  it('leaves the rollups as they were when the transaction rolls back', async () => {
    const before = await rollupContents();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM contributions WHERE external_ref IN ('c1', 'c2')`);
        await tx.execute(sql`UPDATE partners SET partner_type = 'HNWI' WHERE id = ${ids.beta}`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await rollupContents()).toEqual(before);
  });

  it('defers to one rebuild in a bulk load’s transaction', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL panorama.rollups = 'deferred'`);
      await tx.execute(sql`DELETE FROM contributions WHERE external_ref = 'c6'`);
      const kept = await tx.execute(sql`SELECT count(*)::int AS n FROM partner_activity WHERE bucket = '2019-01-01'`);
      expect((kept as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
      await tx.execute(sql`SELECT panorama_rebuild_rollups()`);
    });
    await expectRollupsInStep();
    expect(await total({ metrics: ['REVENUE_USD'], from: '2019-01-01', to: '2019-12-31' }, 'REVENUE_USD')).toBe('0');
  });
});
