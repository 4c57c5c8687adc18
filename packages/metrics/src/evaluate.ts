import type { Database } from '@panorama/db';
import { type MetricCode, metricDefinition, RECORDED_METRICS } from './catalog';
import { type Period, previousPeriod, samePeriodYearEarlier } from './periods';
import type { Comparison, Dimension, MetricsFilter } from './query';
import {
  contributionFigures,
  type FigureRow,
  type IndexedPeriod,
  impactFigures,
  newPartnerFigures,
  pipelineFigures,
  retentionFigures,
} from './sql/figures';

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

/** Runs the SQL for every metric over the main periods and their comparison periods. */
export async function evaluate(
  db: Database,
  request: {
    metrics: readonly MetricCode[];
    dimensions: readonly Dimension[];
    filter: MetricsFilter | null | undefined;
    periods: readonly Period[];
    compare: readonly Comparison[];
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
  const recorded = request.metrics.filter((code) => RECORDED.has(code));
  const batches = await Promise.all([
    request.metrics.some((code) => CONTRIBUTION_METRICS.has(code)) ? contributionFigures(db, base) : [],
    wants('NEW_PARTNERS') ? newPartnerFigures(db, base) : [],
    wants('PARTNER_RETENTION_RATE') ? retentionFigures(db, { ...base, pairs }) : [],
    wants('PIPELINE_WEIGHTED_USD') ? pipelineFigures(db, base) : [],
    recorded.length ? impactFigures(db, { ...base, metrics: recorded }) : [],
  ]);
  const figures = new Map<number, Map<string, FigureRow>>();
  for (const row of batches.flat()) {
    const byGroup = figures.get(row.idx) ?? new Map<string, FigureRow>();
    figures.set(row.idx, byGroup);
    const key = groupKey(row.keys);
    const existing = byGroup.get(key);
    if (existing) Object.assign(existing.values, row.values);
    else byGroup.set(key, { ...row, values: { ...row.values } });
  }
  // The contributions query also ran for partner metrics, to give them their groups; keep only what was asked.
  for (const byGroup of figures.values()) {
    for (const row of byGroup.values()) {
      for (const code of Object.keys(row.values)) if (!wants(code)) delete row.values[code as MetricCode];
    }
  }
  return { registry, main, figures };
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
