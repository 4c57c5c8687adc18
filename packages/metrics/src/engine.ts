import type { Database } from '@panorama/db';
import type { MetricCode } from './catalog';
import { type Evaluation, evaluate, figureOf, groupKey } from './evaluate';
import { type Period, periodLabel } from './periods';
import { keysOf, type PreparedQuery, prepare, targetsFor } from './prepare';
import type { Dimension, GroupKeys, MetricsQuery, MetricsResult, MetricsRow, MetricValue } from './query';
import { type OrderedRow, sortRows } from './row-order';
import type { TargetMap } from './sql/targets';
import { attainmentOf, changeOf, statusOf } from './status';
import { isRateMetric, rowTarget, targetScopesOf } from './targets-of-rows';
import { MAX_ROWS, MetricsInputError, type ReferenceCodes } from './validate';

interface RowPlan {
  keys: GroupKeys;
  key: string;
  period: Period;
  idx: number;
  previousIdx: number | null;
  scopes: string[] | null;
}

function valuesOf(plan: RowPlan, query: MetricsQuery, evaluation: Evaluation, targets: TargetMap): MetricValue[] {
  const asOf = query.asOf ?? query.to;
  const wantsTarget = query.compare?.includes('TARGET') ?? false;
  return query.metrics.map((metric: MetricCode) => {
    const value = figureOf(evaluation, plan.idx, plan.key, metric);
    const previous = plan.previousIdx === null ? null : figureOf(evaluation, plan.previousIdx, plan.key, metric);
    const target = wantsTarget ? rowTarget(targets, plan.idx, plan.scopes, metric) : null;
    return {
      metric,
      value,
      previous,
      change: changeOf(value, previous),
      target,
      attainment: attainmentOf(value, target),
      status: statusOf(value, target, plan.period, asOf, isRateMetric(metric)),
    };
  });
}

async function evaluateRows(
  db: Database,
  query: MetricsQuery,
  dimensions: readonly Dimension[],
  periods: Period[],
  extraGroups: (string | null)[][],
  references: ReferenceCodes,
  ordered: boolean,
): Promise<{ plans: RowPlan[]; evaluation: Evaluation; targets: TargetMap }> {
  const compare = query.compare ?? [];
  // Rows cut to a limit, of one period and of groups with data alone: the SQL may keep the first.
  const top =
    ordered && query.limit && periods.length === 1 && extraGroups.length === 0
      ? { orderBy: query.orderBy ?? [], limit: query.limit }
      : null;
  const evaluation = await evaluate(db, {
    metrics: query.metrics,
    dimensions,
    filter: query.filter,
    periods,
    compare,
    top,
  });
  const groups = new Map<string, (string | null)[]>();
  for (const main of evaluation.main) {
    for (const [key, row] of evaluation.figures.get(main.idx) ?? []) groups.set(key, row.keys);
  }
  for (const keys of extraGroups) groups.set(groupKey(keys), keys);
  if (dimensions.length === 0) groups.set(groupKey([]), []);
  const rowCount = Math.max(groups.size, evaluation.groupCount ?? 0) * periods.length;
  if (rowCount > MAX_ROWS) {
    throw new MetricsInputError(
      'TOO_MANY_ROWS',
      `This query would produce ${rowCount} rows, more than ${MAX_ROWS}: group by fewer dimensions, use a coarser grain or a shorter range.`,
    );
  }
  const plans: RowPlan[] = [];
  const scopeCodes = new Set<string>();
  periods.forEach((period, index) => {
    const main = evaluation.main[index];
    if (!main) return;
    for (const [key, values] of groups) {
      const keys = keysOf(dimensions, values);
      const scopes = targetScopesOf(keys, dimensions, query.filter, references.countryRegion);
      for (const scope of scopes ?? []) scopeCodes.add(scope);
      plans.push({ keys, key, period, idx: main.idx, previousIdx: main.previousIdx, scopes });
    }
  });
  const targets = await targetsFor(db, query, evaluation.registry.periods, scopeCodes);
  return { plans, evaluation, targets };
}

/**
 * The rows of the plans, in the query's order and cut to its limit (`ordered`), or in the plans'
 * order. Plans are ordered by the values they are ordered by alone: the rest of a row (its
 * comparisons, targets and statuses) is worked out for the rows kept.
 */
async function rowsFor(
  db: Database,
  query: MetricsQuery,
  prepared: PreparedQuery,
  dimensions: readonly Dimension[],
  periods: Period[],
  extraGroups: (string | null)[][],
  ordered: boolean,
  beforeRows?: BeforeRows,
): Promise<MetricsRow[]> {
  const { plans, evaluation, targets } = await evaluateRows(
    db,
    query,
    dimensions,
    periods,
    extraGroups,
    prepared.references,
    ordered,
  );
  await beforeRows?.(ordered && query.limit ? Math.min(query.limit, plans.length) : plans.length);
  let kept = plans;
  if (ordered) {
    const byMetrics = (query.orderBy ?? []).flatMap(({ by }) => ('metric' in by ? [by.metric] : []));
    // Every plan of an answer without a grain has the same period: ordering by it changes nothing.
    const sortable = plans.map((plan) => ({
      keys: plan.keys,
      period: plan.period,
      values: byMetrics.length
        ? byMetrics.map((metric) => ({ metric, value: figureOf(evaluation, plan.idx, plan.key, metric) }))
        : NO_VALUES,
      plan,
    }));
    const sorted = sortRows(sortable, query.orderBy ?? [], dimensions);
    kept = (query.limit ? sorted.slice(0, query.limit) : sorted).map(({ plan }) => plan);
  }
  // Rows of one period share its labelled period.
  const labelled = new Map<Period, MetricsRow['period']>();
  const periodOf = (period: Period) => {
    let found = labelled.get(period);
    if (found === undefined) {
      found = query.grain ? { ...period, label: periodLabel(period) } : null;
      labelled.set(period, found);
    }
    return found;
  };
  return kept.map((plan) => rowOf(plan.keys, periodOf(plan.period), valuesOf(plan, query, evaluation, targets)));
}

const NO_VALUES: OrderedRow['values'] = [];

/** A row: its keys spelled out (many rows are built: a literal of one shape is quicker than a spread). */
function rowOf(keys: GroupKeys, period: MetricsRow['period'], values: MetricValue[]): MetricsRow {
  return {
    regionCode: keys.regionCode,
    countryIso3: keys.countryIso3,
    incomeStream: keys.incomeStream,
    partnerType: keys.partnerType,
    objectiveCode: keys.objectiveCode,
    partnerId: keys.partnerId,
    period,
    values,
  };
}

/** Told how many rows an answer has once they are known, before they are built; may make them wait. */
export type BeforeRows = (rows: number) => Promise<void>;

/**
 * Answers a `metrics` query: the metrics over the range, grouped and cut into periods, with
 * comparisons, and a totals row over the whole range. Everything is summed in SQL.
 */
export async function computeMetrics(
  db: Database,
  query: MetricsQuery,
  { beforeRows }: { beforeRows?: BeforeRows } = {},
): Promise<MetricsResult> {
  const prepared = await prepare(db, query);
  const { dimensions, periods, range } = prepared;
  // Ungrouped and uncut, the one row is the total: it is computed once.
  const single = dimensions.length === 0 && periods.length === 1;
  const [rows, totals] = await Promise.all([
    rowsFor(db, query, prepared, dimensions, periods, prepared.extraGroups, true, beforeRows),
    single ? null : rowsFor(db, query, prepared, [], [range], [], false),
  ]);
  const total = single ? rows[0] : totals?.[0];
  if (!total) throw new Error('the totals row is missing');
  return { rows, total };
}

/**
 * The rows of a `metrics` query without its totals row, for callers that do not show one (a
 * statement and its rows fewer than `computeMetrics`).
 */
export async function computeRows(
  db: Database,
  query: MetricsQuery,
  { beforeRows }: { beforeRows?: BeforeRows } = {},
): Promise<MetricsRow[]> {
  const prepared = await prepare(db, query);
  return rowsFor(db, query, prepared, prepared.dimensions, prepared.periods, prepared.extraGroups, true, beforeRows);
}
