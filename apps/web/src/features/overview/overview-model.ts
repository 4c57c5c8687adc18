import type { TextKey } from '../../i18n/messages';
import { translate } from '../../i18n/translate';
import type { ResultOf } from '../../lib/graphql';
import type { CountryMapCard_CountryMap } from './country-map-card';
import type { OverviewObjectiveProgress } from './objectives-progress';
import type { RegionCharts_Overview } from './overview-charts';
import type { OverviewPage_Overview } from './overview-page';

export {
  type IncomeStreamChartRow,
  incomeStreamChartRows,
  type TrendChartRow,
  trendChartRows,
} from '../../components/chart/scorecard-rows';

/**
 * The overview's view of the API's answers: which figures go where, and the rows the charts draw.
 * Nothing here computes a figure; it picks, labels and reshapes what the API computed.
 */

/** A metric of the catalog as the overview reads it: its name, unit and meaning. */
export type MetricDefinition = ResultOf<typeof OverviewPage_Overview>['metricCatalog'][number];

/** A code of the metric catalog. */
type MetricCode = MetricDefinition['code'];

/** One metric's figure of the year, as the page reads it to tell an empty year. */
type OverviewKpi = ResultOf<typeof OverviewPage_Overview>['overview']['kpis'][number];

/** One region's key figures, as the region charts read them. */
type OverviewRegionRow = ResultOf<typeof RegionCharts_Overview>['regions'][number];

/** One country office's figure for the map's metric. */
type CountryMapRow = ResultOf<typeof CountryMapCard_CountryMap>['metrics']['rows'][number];

/** The first row of cards: the strategy's headline figures. */
export const HEADLINE_METRICS = [
  'REVENUE_USD',
  'ACTIVE_PARTNERS',
  'NEW_PARTNERS',
  'PARTNER_RETENTION_RATE',
  'PIPELINE_WEIGHTED_USD',
  'BENEFICIARIES_REACHED',
] as const satisfies readonly MetricCode[];

/** What the map can shade countries by. */
export const MAP_METRICS = [
  'REVENUE_USD',
  'ACTIVE_PARTNERS',
  'BENEFICIARIES_REACHED',
] as const satisfies readonly MetricCode[];
export type MapMetric = (typeof MAP_METRICS)[number];

/** The strategy's pillars, in its order: the messages of their names and leads. */
export const PILLARS: readonly { code: string; label: TextKey; lead: TextKey }[] = [
  { code: 'INCOME', label: 'pillar.INCOME', lead: 'pillar.INCOME.lead' },
  { code: 'IMPACT', label: 'pillar.IMPACT', lead: 'pillar.IMPACT.lead' },
  { code: 'INNOVATION', label: 'pillar.INNOVATION', lead: 'pillar.INNOVATION.lead' },
  { code: 'ENABLER', label: 'pillar.ENABLER', lead: 'pillar.ENABLER.lead2021' },
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

/** True when the year has any figure at all (an empty database answers zeros and nulls). */
export function hasAnyFigure(kpis: readonly OverviewKpi[]): boolean {
  return kpis.some((kpi) => typeof kpi.value === 'number' && kpi.value !== 0);
}

/** A bureau as a chart's category: its code and city, short enough for an axis ("RBN · Nairobi"). */
export function regionLabel(region: OverviewRegionRow['region']): string {
  if (!region) return translate('common.noRegion');
  return region.city ? `${region.code} · ${region.city}` : region.code;
}

export interface RegionChartRow extends Record<string, unknown> {
  region: string;
  actual: number | null;
  target: number | null;
}

/** One metric of each region, actual beside target, in the API's order. */
export function regionChartRows(rows: readonly OverviewRegionRow[], metric: string): RegionChartRow[] {
  return rows.map((row) => {
    const figure = row.values.find((value) => value.metric === metric);
    return { region: regionLabel(row.region), actual: figure?.value ?? null, target: figure?.target ?? null };
  });
}

export interface PillarGroup {
  code: string;
  label: string;
  lead: string;
  objectives: OverviewObjectiveProgress[];
}

/**
 * The objectives under their pillars, in the strategy's order and named in the language shown; a
 * pillar without objectives is left out.
 */
export function objectivesByPillar(objectives: readonly OverviewObjectiveProgress[]): PillarGroup[] {
  const known = new Set<string>(PILLARS.map((pillar) => pillar.code));
  const groups: PillarGroup[] = PILLARS.map((pillar) => ({
    code: pillar.code,
    label: translate(pillar.label),
    lead: translate(pillar.lead),
    objectives: objectives.filter((progress) => progress.objective.pillar === pillar.code),
  }));
  const others = objectives.filter((progress) => !known.has(progress.objective.pillar));
  if (others.length > 0) groups.push({ code: 'OTHER', label: translate('pillar.OTHER'), lead: '', objectives: others });
  return groups.filter((group) => group.objectives.length > 0);
}

export interface CountryFigures {
  /** Values by ISO3, for the map. */
  values: Record<string, number | null>;
  /** Names by ISO3, from the API. */
  names: Record<string, string>;
  /** The countries with a value, in the API's order (largest first). */
  ranked: { iso3: string; name: string; value: number }[];
}

/** The map's figures from the `metrics` rows; the row without a country (raised by HQ or a bureau) is left out. */
export function countryFigures(rows: readonly CountryMapRow[]): CountryFigures {
  const values: Record<string, number | null> = {};
  const names: Record<string, string> = {};
  const ranked: CountryFigures['ranked'] = [];
  for (const row of rows) {
    if (!row.country) continue;
    const value = row.values[0]?.value ?? null;
    values[row.country.iso3] = value;
    names[row.country.iso3] = row.country.name;
    if (typeof value === 'number') ranked.push({ iso3: row.country.iso3, name: row.country.name, value });
  }
  return { values, names, ranked };
}
