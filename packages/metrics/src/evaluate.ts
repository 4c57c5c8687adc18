import type { Database } from '@panorama/db';
import { type MetricCode, metricDefinition, RECORDED_METRICS } from './catalog';
import { rollupsAllowed } from './fact-tables-only';
import { type Period, previousPeriod, samePeriodYearEarlier } from './periods';
import type { Comparison, Dimension, MetricsFilter, MetricsOrder } from './query';
import {
  contributionFigures,
  type FigureQuery,
  type FigureRequest,
  type FigureRow,
  figureStatement,
  type IndexedPeriod,
  impactFigures,
  pipelineFigures,
  pipelineQuery,
  runFigureStatement,
} from './sql/figures';
import { partnerCountLevel, partnerCountsQuery } from './sql/partner-counts';
import { factPartnerSource, partnerFigures, partnerQuery } from './sql/partner-figures';
import { contributionSumsQuery, GROUP_COUNT, impactQuery, keptGroups, rollupPartnerSource } from './sql/rollup-figures';
import { StatementTexts } from './sql/statement-texts';

const CONTRIBUTION_METRICS = new Set<string>([
  'REVENUE_USD',
  'CASH_REVENUE_USD',
  'IN_KIND_REVENUE_USD',
  'CONTRIBUTION_COUNT',
  'AVERAGE_GIFT_USD',
  'ACTIVE_PARTNERS',
  // Not computed by the contributions query, but their groups are the partners' groups.
  'NEW_PARTNERS',
  'PARTNER_RETENTION_RATE',
]);
const RECORDED = new Set<string>(RECORDED_METRICS.map((metric) => metric.code));
const PARTNER_METRICS = new Set<string>(['ACTIVE_PARTNERS', 'NEW_PARTNERS', 'PARTNER_RETENTION_RATE']);

/** The periods a query evaluates, each once, with its comparison periods. */
export class PeriodRegistry {
  readonly periods: IndexedPeriod[] = [];
  private readonly index = new Map<string, number>();

  add(period: Period): number {
    const key = `${period.from}|${period.to}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const idx = this.periods.length;
    this.periods.push({ idx, from: period.from, to: period.to });
    this.index.set(key, idx);
    return idx;
  }
}

export interface EvaluatedPeriod {
  idx: number;
  previousIdx: number | null;
}

export interface Evaluation {
  registry: PeriodRegistry;
  /** For each main period: its index and the index of the period `previous` compares with. */
  main: EvaluatedPeriod[];
  /** idx → group key → figures. */
  figures: Map<number, Map<string, FigureRow>>;
  /**
   * How many groups the main period had before the limit, when only the first were kept (`top`);
   * else null: every group is in `figures`.
   */
  groupCount: number | null;
}

/** The first `limit` groups in `orderBy`'s order (of the one main period) are all a query shows. */
export interface TopGroups {
  orderBy: readonly MetricsOrder[];
  limit: number;
}

export function groupKey(keys: readonly (string | null)[]): string {
  return JSON.stringify(keys);
}

/** The period `previous` compares with: the first previous-kind comparison asked for. */
export function comparisonPeriod(period: Period, compare: readonly Comparison[]): Period | null {
  for (const comparison of compare) {
    if (comparison === 'PREVIOUS_PERIOD') return previousPeriod(period);
    if (comparison === 'PREVIOUS_YEAR') return samePeriodYearEarlier(period);
  }
  return null;
}

type Pairs = { idx: number; previousIdx: number }[];

/** The rollups' statements of the requests asked lately (a few KB each). */
const ROLLUP_STATEMENTS = new StatementTexts(500);

/**
 * Every figure in two statements run side by side: the partners from their days (the longest to
 * compute), and the rest in one — sums and impact from the rollups, the pipeline, and the partners
 * when their counts answer. Each statement is built once for the same request (`StatementTexts`):
 * from `base`, `metrics` and `pairs` alone.
 */
async function fromRollups(
  db: Database,
  base: FigureRequest,
  metrics: readonly MetricCode[],
  pairs: Pairs,
  top: TopGroups | null,
) {
  const key = JSON.stringify([base.dimensions, base.filter ?? null, base.periods, metrics, pairs, top]);
  const partnerMetrics = metrics.filter((code) => PARTNER_METRICS.has(code));
  const partnerRequest = { ...base, metrics: partnerMetrics, pairs };
  // Whole years cut by region and country at most are counted already: read with the rest.
  const counted =
    partnerMetrics.length > 0 && partnerCountLevel(base.dimensions, base.filter, base.periods, pairs) !== null;
  const rest = ROLLUP_STATEMENTS.get(`rest ${key}`, () => {
    const queries: FigureQuery[] = [];
    // The sums also run for partner metrics: they give them their groups (the groups with contributions).
    if (metrics.some((code) => CONTRIBUTION_METRICS.has(code))) {
      // The first groups alone, when the sums alone order them: the main period is the first.
      const kept = top && keptGroups(base.dimensions, metrics, top.orderBy, 0, top.limit);
      queries.push(contributionSumsQuery(base, metrics, kept || null));
    }
    if (metrics.includes('PIPELINE_WEIGHTED_USD')) queries.push(pipelineQuery(base));
    const recorded = metrics.filter((code) => RECORDED.has(code));
    if (recorded.length) queries.push(impactQuery({ ...base, metrics: recorded }));
    const countedQuery = counted ? partnerCountsQuery(partnerRequest) : null;
    if (countedQuery) queries.push(countedQuery);
    return figureStatement(base, queries);
  });
  const partners =
    partnerMetrics.length && !counted
      ? ROLLUP_STATEMENTS.get(`partners ${key}`, () =>
          figureStatement(base, [partnerQuery(partnerRequest, rollupPartnerSource(base))]),
        )
      : null;
  const [restRows, partnerRows] = await Promise.all([
    runFigureStatement(db, base, rest),
    runFigureStatement(db, base, partners),
  ]);
  return [...restRows, ...partnerRows];
}

/** The figures computed from the fact tables alone: one query per kind, active partners with the sums. */
function fromFactTables(db: Database, base: FigureRequest, metrics: readonly MetricCode[], pairs: Pairs) {
  const partnerMetrics = metrics.filter((code) => PARTNER_METRICS.has(code) && code !== 'ACTIVE_PARTNERS');
  const recorded = metrics.filter((code) => RECORDED.has(code));
  return Promise.all([
    metrics.some((code) => CONTRIBUTION_METRICS.has(code)) ? contributionFigures(db, base) : [],
    partnerMetrics.length
      ? partnerFigures(db, { ...base, metrics: partnerMetrics, pairs }, factPartnerSource(base))
      : [],
    metrics.includes('PIPELINE_WEIGHTED_USD') ? pipelineFigures(db, base) : [],
    recorded.length ? impactFigures(db, { ...base, metrics: recorded }) : [],
  ]);
}

/** Runs the SQL for every metric over the main periods and their comparison periods. */
export async function evaluate(
  db: Database,
  request: {
    metrics: readonly MetricCode[];
    dimensions: readonly Dimension[];
    filter: MetricsFilter | null | undefined;
    periods: readonly Period[];
    compare: readonly Comparison[];
    /** Only for a query of one main period. */
    top?: TopGroups | null;
  },
): Promise<Evaluation> {
  const registry = new PeriodRegistry();
  const main = request.periods.map((period) => {
    const idx = registry.add(period);
    const previous = comparisonPeriod(period, request.compare);
    return { idx, previousIdx: previous ? registry.add(previous) : null };
  });
  const wants = (code: string) => request.metrics.includes(code as MetricCode);
  const pairs: { idx: number; previousIdx: number }[] = [];
  if (wants('PARTNER_RETENTION_RATE')) {
    for (const period of [...registry.periods])
      pairs.push({ idx: period.idx, previousIdx: registry.add(previousPeriod(period)) });
  }
  const base = { dimensions: request.dimensions, filter: request.filter, periods: registry.periods };
  const batches = rollupsAllowed()
    ? [await fromRollups(db, base, request.metrics, pairs, request.top ?? null)]
    : await fromFactTables(db, base, request.metrics, pairs);
  // The contributions query also runs for partner metrics, to give them their groups: a row makes
  // its group, and brings only the values asked for.
  const wanted = new Set<string>(request.metrics);
  const figures = new Map<number, Map<string, FigureRow>>();
  let groupCount: number | null = null;
  for (const row of batches.flat()) {
    const count = row.values[GROUP_COUNT as MetricCode];
    if (row.idx === -1 && count !== undefined) {
      groupCount = Number(count);
      continue;
    }
    let byGroup = figures.get(row.idx);
    if (!byGroup) {
      byGroup = new Map();
      figures.set(row.idx, byGroup);
    }
    const key = groupKey(row.keys);
    let figure = byGroup.get(key);
    if (!figure) {
      figure = { idx: row.idx, keys: row.keys, values: {} };
      byGroup.set(key, figure);
    }
    for (const [code, value] of Object.entries(row.values)) {
      if (wanted.has(code)) figure.values[code as MetricCode] = value;
    }
  }
  return { registry, main, figures, groupCount };
}

/** The value of a metric in a slice with no data: 0 for sums and counts, null for averages and rates. */
export function emptyValue(code: MetricCode): string | null {
  const definition = metricDefinition(code);
  return definition.source === 'RATIO' || definition.unit === 'RATE' ? null : '0';
}

/** A metric's value in one period and group, or its empty value. */
export function figureOf(evaluation: Evaluation, idx: number, key: string, code: MetricCode): string | null {
  const value = evaluation.figures.get(idx)?.get(key)?.values[code];
  return value === undefined ? emptyValue(code) : value;
}
