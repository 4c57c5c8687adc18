import { type Database, selectRows } from '@panorama/db';
import { sql } from 'drizzle-orm';
import { METRIC_CODES, type MetricCode } from './catalog';
import { addDecimals, divideDecimals } from './decimal';
import { computeMetrics, computeRows } from './engine';
import { emptyValue } from './evaluate';
import { yearPeriod } from './periods';
import type { Dimension, GroupKeys, MetricsFilter, MetricsRow, MetricValue, TargetStatus } from './query';
import { computeTargets, prepareTargets, targetsBeforeGroups } from './query-targets';
import { sortRows } from './row-order';
import { dateLiteral, valueSql } from './sql/literals';
import { attainmentOf, statusOf } from './status';
import { isRateMetric } from './targets-of-rows';

export interface KeyFigureRequest {
  year: number;
  asOf: string;
  metrics?: readonly MetricCode[];
  groupBy?: readonly Dimension[];
  filter?: MetricsFilter | null;
}

/** The last day with a contribution or an impact record in `year`; 31 December when there is none. */
export async function lastDayWithData(db: Database, year: number, regionCode?: string): Promise<string> {
  const { from, to } = yearPeriod(year);
  const region = regionCode ? sql` AND region_code = ${valueSql(regionCode)}` : sql``;
  const days = sql.raw(`date BETWEEN ${dateLiteral(from)} AND ${dateLiteral(to)}`);
  const rows = await selectRows<{ day: string | null }>(
    db,
    sql`
    SELECT greatest(
      (SELECT max(date) FROM contributions WHERE ${days}${region}),
      (SELECT max(date) FROM impact_records WHERE ${days}${region}))::text AS day`,
  );
  return rows[0]?.day ?? to;
}

function keyOf(row: GroupKeys): string {
  const { regionCode, countryIso3, incomeStream, partnerType, objectiveCode, partnerId } = row;
  return JSON.stringify({ regionCode, countryIso3, incomeStream, partnerType, objectiveCode, partnerId });
}

/**
 * The key figures of a year as of a day, as leadership reads them: the value from 1 January to
 * `asOf`, compared with the same days a year earlier, against the whole year's target, with the
 * status by the pace rule at `asOf`. Groups with a target and no data by `asOf` appear with zeros,
 * among the others: the rows are in the order of their group keys (regions by code).
 */
export async function computeKeyFigures(db: Database, request: KeyFigureRequest): Promise<MetricsRow[]> {
  const metrics = request.metrics ?? METRIC_CODES;
  const year = yearPeriod(request.year);
  const asOf = request.asOf < year.from ? year.from : request.asOf > year.to ? year.to : request.asOf;
  const common = { metrics, groupBy: request.groupBy ?? [], filter: request.filter };
  const grouped = (request.groupBy ?? []).length > 0;
  const toDate = { ...common, from: year.from, to: asOf, compare: ['PREVIOUS_YEAR' as const] };
  // The targets' groups, and where they tell the targets, are looked up while the figures are measured.
  const [measured, { prepared, known }] = await Promise.all([
    grouped ? computeRows(db, toDate) : computeMetrics(db, toDate).then((result) => [result.total]),
    prepareTargets(db, { ...common, ...year }).then(async (prepared) => ({
      prepared,
      known: await targetsBeforeGroups(db, prepared),
    })),
  ]);
  const targets = await computeTargets(db, prepared, measured, known);
  const byKey = new Map(measured.map((row) => [keyOf(row), row]));
  const rows = targets.map(({ keys, targets: rowTargets }) => {
    const row: MetricsRow = byKey.get(keyOf(keys)) ?? {
      ...keys,
      period: null,
      values: metrics.map((metric) => ({
        metric,
        value: emptyValue(metric),
        previous: null,
        change: null,
        target: null,
        attainment: null,
        status: null,
      })),
    };
    return {
      ...row,
      period: { ...year, label: String(request.year) },
      values: row.values.map((value, index) => {
        const target = rowTargets[index] ?? null;
        return {
          ...value,
          target,
          attainment: attainmentOf(value.value, target),
          status: statusOf(value.value, target, year, asOf, isRateMetric(value.metric)),
        };
      }),
    };
  });
  return sortRows(
    rows.map((row) => ({ keys: row, period: row.period, values: row.values, row })),
    [],
    request.groupBy ?? [],
  ).map(({ row }) => row);
}

/** A row's figure for one metric. */
export function figureIn(row: MetricsRow | undefined, metric: MetricCode): MetricValue | undefined {
  return row?.values.find((value) => value.metric === metric);
}

/** The worst status among figures: OFF_TRACK before AT_RISK before ON_TRACK; null when none has one. */
export function worstStatus(statuses: readonly (TargetStatus | null)[]): TargetStatus | null {
  for (const status of ['OFF_TRACK', 'AT_RISK', 'ON_TRACK'] as const) if (statuses.includes(status)) return status;
  return null;
}

/** Rank (1 = largest) and share of `regionCode` among the rows' values of `metric`. */
export function rankAndShare(rows: readonly MetricsRow[], regionCode: string, metric: MetricCode) {
  const values = rows.map((row) => ({ code: row.regionCode, value: figureIn(row, metric)?.value ?? '0' }));
  const mine = values.find((entry) => entry.code === regionCode)?.value ?? '0';
  const total = values.reduce((sum, entry) => addDecimals(sum, entry.value ?? '0'), '0');
  const rank = 1 + values.filter((entry) => Number(entry.value) > Number(mine)).length;
  return {
    rank,
    regionCount: Math.max(values.length, rank),
    share: Number(total) === 0 ? null : Number(divideDecimals(mine, total)),
  };
}

/** The average of the other groups' values of each metric (null where none has a value). */
export function averageOfOthers(rows: readonly MetricsRow[], regionCode: string, metrics: readonly MetricCode[]) {
  const others = rows.filter((row) => row.regionCode !== regionCode);
  return metrics.map((metric) => {
    const values = others.map((row) => figureIn(row, metric)?.value).filter((value): value is string => value != null);
    const sum = values.reduce((total, value) => addDecimals(total, value), '0');
    return { metric, value: values.length ? divideDecimals(sum, String(values.length), 2) : null };
  });
}
