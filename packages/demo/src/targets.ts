import type { TargetScope } from '@panorama/db/schema';
import { METRICS, type MetricDefinition } from '@panorama/metrics/catalog';
import { YEAR_COUNT, YEARS } from './calendar';
import type { ContributionStats } from './contribution-stats';
import type { Geography } from './geography';
import type { ImpactStats } from './impact';
import { centsToDecimal, scaledToDecimal } from './money';
import type { PipelineStats } from './pipeline';
import type { Random } from './random';
import type { Cell } from './tables';

export const TARGET_COLUMNS = [
  'id',
  'metric_code',
  'scope_type',
  'scope_code',
  'region_code',
  'country_iso3',
  'year',
  'quarter',
  'value',
  'version',
  'set_by',
  'set_at',
] as const;
export const TARGET_VERSION_COLUMNS = [
  'id',
  'target_id',
  'version',
  'value',
  'previous_value',
  'set_by',
  'set_at',
] as const;

export const TARGET_AUTHOR = 'demo';
/** Years with an open pipeline to aim at: open opportunities are expected to close from 2025. */
const PIPELINE_YEARS = new Set([YEAR_COUNT - 1]);
/** The year whose revenue targets are also set per quarter. */
const QUARTER_YEAR = YEAR_COUNT - 1;

/** How a metric's figures are held while targets are computed: the integer unit and its text form. */
type Scale = 'cents' | 'count' | 'units' | 'rate';

interface Sources {
  rng: Random;
  geography: Geography;
  contributions: ContributionStats;
  impact: ImpactStats;
  pipeline: PipelineStats;
}

function scaleOf(metric: MetricDefinition): Scale {
  if (metric.unit === 'RATE') return 'rate';
  if (metric.source === 'IMPACT_RECORDS') return 'units';
  return metric.unit === 'USD' ? 'cents' : 'count';
}

function format(scale: Scale, value: number): string {
  if (scale === 'cents') return centsToDecimal(value);
  if (scale === 'units') return scaledToDecimal(value, 4);
  if (scale === 'rate') return value.toFixed(4);
  return String(value);
}

/** Rounds to three significant digits, as targets are set, and never below `unit`. */
function roundTarget(value: number, unit = 1): number {
  if (value <= 0) return 0;
  const step = Math.max(unit, 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2));
  return Math.round(value / step) * step;
}

/** The actual figure of a metric for a region (index, or null for all) in a year; null when none applies. */
function actual(sources: Sources, metric: MetricDefinition, region: number | null, year: number): number | null {
  const { contributions: stats, geography } = sources;
  const sum = (cells: Float64Array) => {
    if (region !== null) return cells[region * YEAR_COUNT + year] as number;
    let total = 0;
    for (let index = 0; index < stats.regionCount; index++) total += cells[index * YEAR_COUNT + year] as number;
    return total;
  };
  const regionCodes = region === null ? geography.regionCodes : [geography.regionCodes[region] as string];
  switch (metric.code) {
    case 'REVENUE_USD':
      return sum(stats.revenue);
    case 'CASH_REVENUE_USD':
      return sum(stats.cashRevenue);
    case 'IN_KIND_REVENUE_USD':
      return sum(stats.inKindRevenue);
    case 'CONTRIBUTION_COUNT':
      return sum(stats.count);
    case 'ACTIVE_PARTNERS':
      return stats.activePartners(region, year);
    case 'NEW_PARTNERS':
      return stats.newPartners(region, year);
    case 'PARTNER_RETENTION_RATE':
      return stats.retention(region, year) ?? stats.retention(region, year + 1) ?? 0.7;
    case 'PIPELINE_WEIGHTED_USD':
      if (!PIPELINE_YEARS.has(year)) return null;
      return regionCodes.reduce((total, code) => total + sources.pipeline.weightedCents(code, year), 0);
  }
  if (metric.source !== 'IMPACT_RECORDS') return null;
  return regionCodes.reduce((total, code) => total + sources.impact.total(metric.code, code, year), 0);
}

/** A target from an actual figure and a stance (target ÷ actual), never zero. */
function targetFrom(scale: Scale, value: number, stance: number): number {
  if (scale === 'rate') return Math.min(0.95, Math.max(0.05, Math.round(value * stance * 100) / 100));
  // Money to the dollar (at least $1,000), counts and impact figures to the whole unit.
  const unit = { cents: 100, count: 1, units: 10_000 }[scale];
  const floor = { cents: 100_000, count: 1, units: 10_000 }[scale];
  return Math.max(floor, roundTarget(Math.round(value * stance), unit));
}

class TargetRows {
  readonly targets: Cell[][] = [];
  readonly versions: Cell[][] = [];

  add(metric: string, scope: TargetScope, code: string, year: number, quarter: number | null, value: string): void {
    const id = this.targets.length + 1;
    const setAt = `${year - 1}-12-15 09:00:00+00`;
    const region = scope === 'REGION' ? code : null;
    const country = scope === 'COUNTRY' ? code : null;
    this.targets.push([id, metric, scope, code, region, country, year, quarter, value, 1, TARGET_AUTHOR, setAt]);
    this.versions.push([id, id, 1, value, null, TARGET_AUTHOR, setAt]);
  }
}

/** Revenue per quarter: the year's target split like the year's actual revenue, summing to it exactly. */
function quarterTargets(yearTarget: number, actuals: number[]): number[] {
  const total = actuals.reduce((sum, value) => sum + value, 0);
  const quarters = actuals
    .slice(0, 3)
    .map((value) => roundTarget(total > 0 ? (yearTarget * value) / total : yearTarget / 4));
  return [...quarters, Math.max(0, yearTarget - quarters.reduce((sum, value) => sum + value, 0))];
}

/**
 * Targets 2019–2025 of every metric (ratios excepted) for every region, HQ and the whole
 * organisation, a few countries, and 2025 revenue by quarter. Each region's targets sit
 * ahead of or behind what it raised by its profile's stance, so some regions are on track
 * and some are not. Version 1, set by `demo`.
 */
export function generateTargets(sources: Sources): { targets: Cell[][]; versions: Cell[][] } {
  const { rng, geography, contributions: stats } = sources;
  const rows = new TargetRows();
  const metrics = (METRICS as readonly MetricDefinition[]).filter((metric) => metric.source !== 'RATIO');
  const stances = geography.regionCodes.map((code) =>
    Array.from({ length: YEAR_COUNT }, () => geography.profile(code).targetStance * (1 + 0.03 * rng.normal())),
  );
  const stance = (region: number, year: number) => (stances[region]?.[year] ?? 1) * (1 + 0.02 * rng.normal());
  const revenueTargets = new Map<string, number>();
  const leaders = leadingCountries(sources);
  for (let year = 0; year < YEAR_COUNT; year++) {
    const calendarYear = YEARS[year] as number;
    for (const metric of metrics) {
      const scale = scaleOf(metric);
      let sum = 0;
      let any = false;
      geography.regionCodes.forEach((code, region) => {
        const value = actual(sources, metric, region, year);
        if (value === null) return;
        const target = targetFrom(scale, value, stance(region, year));
        if (metric.code === 'REVENUE_USD') revenueTargets.set(`${code}|${year}`, target);
        sum += target;
        any = true;
        rows.add(metric.code, 'REGION', code, calendarYear, null, format(scale, target));
      });
      if (!any) continue;
      const global =
        metric.additive && scale !== 'rate'
          ? sum
          : targetFrom(scale, actual(sources, metric, null, year) ?? 0, 1 + 0.03 * rng.normal());
      if (metric.code === 'REVENUE_USD') revenueTargets.set(`GLOBAL|${year}`, global);
      rows.add(metric.code, 'GLOBAL', 'GLOBAL', calendarYear, null, format(scale, global));
    }
    // The biggest country of each bureau gets targets of its own.
    for (const [bureau, country] of leaders) {
      const cell = geography.countryIndex(country) * YEAR_COUNT + year;
      const regionIndex = geography.regionIndex(bureau);
      const revenue = stats.countryRevenue[cell] as number;
      if (revenue === 0) continue;
      const revenueTarget = targetFrom('cents', revenue, stance(regionIndex, year));
      const countTarget = targetFrom('count', stats.countryCount[cell] as number, stance(regionIndex, year));
      rows.add('REVENUE_USD', 'COUNTRY', country, calendarYear, null, format('cents', revenueTarget));
      rows.add('CONTRIBUTION_COUNT', 'COUNTRY', country, calendarYear, null, format('count', countTarget));
    }
  }
  const quarterYear = YEARS[QUARTER_YEAR] as number;
  for (const code of [...geography.regionCodes, 'GLOBAL']) {
    const yearTarget = revenueTargets.get(`${code}|${QUARTER_YEAR}`);
    if (yearTarget === undefined) continue;
    const regions = code === 'GLOBAL' ? geography.regionCodes.map((_, index) => index) : [geography.regionIndex(code)];
    const actuals = [0, 1, 2, 3].map((quarter) =>
      regions.reduce(
        (sum, region) => sum + (stats.quarterRevenue[(region * YEAR_COUNT + QUARTER_YEAR) * 4 + quarter] as number),
        0,
      ),
    );
    quarterTargets(yearTarget, actuals).forEach((value, quarter) => {
      rows.add(
        'REVENUE_USD',
        code === 'GLOBAL' ? 'GLOBAL' : 'REGION',
        code,
        quarterYear,
        quarter + 1,
        format('cents', value),
      );
    });
  }
  return rows;
}

/** Each bureau's country with the most revenue over all years. */
function leadingCountries(sources: Sources): [bureau: string, country: string][] {
  const { geography, contributions: stats } = sources;
  const total = (iso3: string) => {
    let sum = 0;
    for (let year = 0; year < YEAR_COUNT; year++)
      sum += stats.countryRevenue[geography.countryIndex(iso3) * YEAR_COUNT + year] as number;
    return sum;
  };
  return geography.bureauCodes.flatMap((bureau) => {
    const countries = geography.countriesOn(bureau, '9999-12-31');
    const best = [...countries].sort((a, b) => total(b) - total(a) || a.localeCompare(b))[0];
    return best && total(best) > 0 ? [[bureau, best] as [string, string]] : [];
  });
}
