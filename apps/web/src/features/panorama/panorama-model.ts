import type { CombinedError } from 'urql';
import { formatEnum } from '../../components/data-table/cell-format';
import { formatPercent } from '../../components/format/number';
import type { MetricUnit } from '../../components/kpi-card/metric-format';
import type { TextKey } from '../../i18n/messages';
import { translate } from '../../i18n/translate';
import type { ResultOf } from '../../lib/graphql';
import type { PanoramaPage_Panorama } from './panorama-page';
import type { PanoramaPipeline_Panorama } from './panorama-pipeline';
import type { RegionSwitcher_Regions } from './region-switcher';

export {
  type IncomeStreamChartRow,
  incomeStreamChartRows,
  type TrendChartRow,
  trendChartRows,
} from '../../components/chart/scorecard-rows';

/**
 * The panorama's view of the API's answer: which figures go where, and the rows the charts and
 * tables draw. Nothing here computes a figure; it picks, labels and reshapes what the API computed.
 * Labels are in the language shown.
 */

/** A metric of the catalog as the panorama reads it: its name, unit and meaning. */
export type MetricDefinition = ResultOf<typeof PanoramaPage_Panorama>['metricCatalog'][number];

/** One metric's value of the year, as the page reads it to tell an empty year. */
type PanoramaKpi = ResultOf<typeof PanoramaPage_Panorama>['panorama']['kpis'][number];

/** A region as the switcher and the not-found state list it. */
export type RegionSummary = ResultOf<typeof RegionSwitcher_Regions>['regions'][number];

/** A stage of the pipeline: how many opportunities, their amount and weighted amount. */
type PipelineStageRow = ResultOf<typeof PanoramaPipeline_Panorama>['pipeline'][number];

/** The first row of cards: the headline figures, the ones the API also averages over the other regions. */
export const HEADLINE_METRICS = [
  'REVENUE_USD',
  'ACTIVE_PARTNERS',
  'NEW_PARTNERS',
  'PARTNER_RETENTION_RATE',
  'PIPELINE_WEIGHTED_USD',
  'BENEFICIARIES_REACHED',
] as const satisfies readonly MetricDefinition['code'][];

/** The strategy's pillars, in its order: the messages of their names and leads. */
export const PILLARS: readonly { code: string; label: TextKey; lead: TextKey }[] = [
  { code: 'INCOME', label: 'pillar.INCOME', lead: 'pillar.INCOME.lead' },
  { code: 'IMPACT', label: 'pillar.IMPACT', lead: 'pillar.IMPACT.lead' },
  { code: 'INNOVATION', label: 'pillar.INNOVATION', lead: 'pillar.INNOVATION.lead' },
  { code: 'ENABLER', label: 'pillar.ENABLER', lead: 'pillar.ENABLER.lead' },
];

/** The catalog by metric code. */
export function catalogByCode(catalog: readonly MetricDefinition[]): ReadonlyMap<string, MetricDefinition> {
  return new Map(catalog.map((definition) => [definition.code, definition]));
}

/** The figures by metric code. */
export function valuesByMetric<T extends { metric: string }>(values: readonly T[]): ReadonlyMap<string, T> {
  return new Map(values.map((value) => [value.metric, value]));
}

/** The second row of cards: the impact, innovation and enabler metrics, in catalog order. */
export function supportingMetrics(catalog: readonly MetricDefinition[]): string[] {
  const headline = new Set<string>(HEADLINE_METRICS);
  return catalog
    .filter((definition) => definition.pillar !== 'INCOME' && !headline.has(definition.code))
    .map((definition) => definition.code);
}

/** True when the year has any figure at all (an empty year answers zeros and nulls). */
export function hasAnyFigure(kpis: readonly PanoramaKpi[]): boolean {
  return kpis.some((kpi) => typeof kpi.value === 'number' && kpi.value !== 0);
}

/** True when the API refused the region code: the region does not exist. */
export function isUnknownRegion(error: CombinedError | undefined): boolean {
  return (
    error?.graphQLErrors.some(
      (graphqlError) =>
        graphqlError.extensions?.code === 'BAD_USER_INPUT' && graphqlError.extensions?.argument === 'regionCode',
    ) ?? false
  );
}

/** A bureau in a few words: "RBN · Nairobi", "HQ · Rome". */
export function regionShortName(region: Pick<RegionSummary, 'code' | 'city'>): string {
  return region.city ? `${region.code} · ${region.city}` : region.code;
}

/** A region's place: 1 → "1st", 2 → "2nd", 13 → "13th", 22 → "22nd" ("1re", "2e"; "1.ª", "2.ª"). */
export function ordinal(position: number): string {
  return translate('panorama.ordinal', { count: position }, { ordinal: true });
}

/** "2nd of 7 regions by revenue". */
export function rankText(rank: number, regionCount: number): string {
  return translate('panorama.rank', { count: regionCount, rank: ordinal(rank) });
}

export interface PeerComparison {
  direction: 'higher' | 'lower' | 'level';
  /** "9% higher", "7.3 points lower", "on a par". */
  text: string;
}

/**
 * How the region's value stands against the other regions' average: a relative difference, or
 * for a rate the difference in percentage points (a rate of a rate says little). Null when either
 * is missing, or the average is 0.
 */
export function comparePeer(
  value: number | null | undefined,
  peer: number | null | undefined,
  unit: MetricUnit,
): PeerComparison | null {
  if (typeof value !== 'number' || typeof peer !== 'number' || !Number.isFinite(value) || !Number.isFinite(peer)) {
    return null;
  }
  const level: PeerComparison = { direction: 'level', text: translate('peer.level') };
  if (unit === 'RATE') {
    const points = Math.round((value - peer) * 1000) / 10;
    if (points === 0) return level;
    const direction = points > 0 ? 'higher' : 'lower';
    const key = direction === 'higher' ? 'peer.pointsHigher' : 'peer.pointsLower';
    return { direction, text: translate(key, { count: Math.abs(points) }) };
  }
  if (peer === 0) return null;
  const ratio = value / peer - 1;
  const whole = { maximumFractionDigits: 0 };
  const amount = formatPercent(Math.abs(ratio), whole);
  if (amount === formatPercent(0, whole)) return level;
  const direction = ratio > 0 ? 'higher' : 'lower';
  return { direction, text: translate(direction === 'higher' ? 'peer.higher' : 'peer.lower', { amount }) };
}

export interface PipelineChartRow extends Record<string, unknown> {
  stage: string;
  amount: number;
  weighted: number;
}

/** The pipeline's stages as chart categories, in the API's order (the order a deal moves in). */
export function pipelineChartRows(stages: readonly PipelineStageRow[]): PipelineChartRow[] {
  return stages.map((stage) => ({
    stage: formatEnum(stage.stage),
    amount: stage.amountUsd,
    weighted: stage.weightedUsd,
  }));
}

export interface PillarGroup<T extends { objective: { pillar: string } }> {
  code: string;
  label: string;
  lead: string;
  objectives: T[];
}

/** The objectives under their pillars, in the strategy's order; a pillar without objectives is left out. */
export function objectivesByPillar<T extends { objective: { pillar: string } }>(
  objectives: readonly T[],
): PillarGroup<T>[] {
  const known = new Set<string>(PILLARS.map((pillar) => pillar.code));
  const groups: PillarGroup<T>[] = PILLARS.map((pillar) => ({
    code: pillar.code,
    label: translate(pillar.label),
    lead: translate(pillar.lead),
    objectives: objectives.filter((progress) => progress.objective.pillar === pillar.code),
  }));
  const others = objectives.filter((progress) => !known.has(progress.objective.pillar));
  if (others.length > 0) groups.push({ code: 'OTHER', label: translate('pillar.OTHER'), lead: '', objectives: others });
  return groups.filter((group) => group.objectives.length > 0);
}
