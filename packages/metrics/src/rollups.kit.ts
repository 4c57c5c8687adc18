import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { MetricCode } from './catalog';
import { computeMetrics } from './engine';
import { answerFromFactTables } from './fact-tables-only';
import { useHandData } from './hand-data.kit';
import type { MetricsQuery, MetricsResult, MetricsRow } from './query';

/**
 * What the rollups' tests share: the hand-computed data set of `metrics.test.ts` in the test
 * file's database, the rollups' contents, and answers required to be the fact tables' own.
 */

/** A test file's database with the hand-computed data, and the rollups' helpers over it. */
export function useRollupsData() {
  const data = useHandData();
  const db = () => data.db();
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
    return ((await db().execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
  }

  /** Every row of every rollup, in key order. */
  async function rollupContents() {
    const contents: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(ROLLUPS)) {
      const days =
        table.startsWith('partner_') && table !== 'partner_counts' ? ', active_days::text AS active_days' : '';
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
    const fromRollups = await computeMetrics(db(), query);
    const fromFacts = await answerFromFactTables(() => computeMetrics(db(), query));
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

  return { db, ids: data.ids, rows, rollupContents, expectRollupsInStep, bothWays, total, byGroup };
}
