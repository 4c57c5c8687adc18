import { type MetricUnit, parseUnit } from '../../components/kpi-card/metric-format';
import type { Translate } from '../../i18n/translate';

/**
 * The targets section's view of the API's targets: how a target's scope and period read, the
 * order of the table, and how a target is found by its key (metric × scope × year × quarter).
 */

/** A metric of the catalog, as the page reads it. */
export interface CatalogMetric {
  code: string;
  label: string;
  unit: string;
}

/** What identifies a target, besides its year. */
export interface TargetKey {
  metricCode: string;
  scopeType: string;
  scopeCode: string;
  quarter: number | null;
}

/** A target as the table shows it. */
export interface TargetRow extends TargetKey {
  id: string;
  year: number;
  value: number;
  version: number;
  setBy: string;
  setAt: string;
  country: { iso3: string; name: string } | null;
}

/** The unit of a metric of the catalog; a plain number for one the catalog does not know. */
export function unitOf(catalog: readonly CatalogMetric[], metricCode: string): MetricUnit {
  return parseUnit(catalog.find((metric) => metric.code === metricCode)?.unit);
}

/** Whether two targets are the same one (of the same year). */
export function sameKey(a: TargetKey, b: TargetKey): boolean {
  return (
    a.metricCode === b.metricCode &&
    a.scopeType === b.scopeType &&
    a.scopeCode === b.scopeCode &&
    a.quarter === b.quarter
  );
}

/** "RBN (whole region)", "Kenya": whom a target is for. */
export function scopeLabel(
  target: { scopeType: string; scopeCode: string; country?: { name: string } | null },
  t: Translate,
): string {
  switch (target.scopeType) {
    case 'REGION':
      return t('manage.targets.wholeRegion', { code: target.scopeCode });
    case 'COUNTRY':
      return target.country?.name ?? target.scopeCode;
    default:
      return t('enum.GLOBAL');
  }
}

/** "2025" or "Q2 2025": the days a target covers. */
export function periodLabel(year: number, quarter: number | null, t: Translate): string {
  return quarter ? t('manage.targets.quarterOf', { quarter, year }) : String(year);
}

/**
 * The table's order: the region's own targets first, then each country office's by name; within
 * a scope, metrics in catalog order, the whole year before its quarters.
 */
export function sortTargets<T extends TargetRow>(targets: readonly T[], catalog: readonly CatalogMetric[]): T[] {
  const metricIndex = (code: string) => {
    const index = catalog.findIndex((metric) => metric.code === code);
    return index === -1 ? catalog.length : index;
  };
  const scopeName = (target: T) => (target.scopeType === 'REGION' ? '' : (target.country?.name ?? target.scopeCode));
  return [...targets].sort(
    (a, b) =>
      scopeName(a).localeCompare(scopeName(b)) ||
      metricIndex(a.metricCode) - metricIndex(b.metricCode) ||
      (a.quarter ?? 0) - (b.quarter ?? 0),
  );
}

/** The year the targets section opens on: the one asked for if in the strategy, else the nearest. */
export function targetYear(asked: string | null, fallback: number, period: { firstYear: number; lastYear: number }) {
  const year = asked && /^\d{4}$/.test(asked) ? Number(asked) : fallback;
  return Math.min(period.lastYear, Math.max(period.firstYear, year));
}

/** The years of the strategy, latest first, for the year select. */
export function strategyYears(period: { firstYear: number; lastYear: number }): number[] {
  return Array.from({ length: period.lastYear - period.firstYear + 1 }, (_, index) => period.lastYear - index);
}
