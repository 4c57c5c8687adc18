import { type MetricCode, metricDefinition } from './catalog';
import { addDecimals } from './decimal';
import type { Dimension, GroupKeys, MetricsFilter } from './query';
import { type TargetMap, targetKey } from './sql/targets';

const UNTARGETED_DIMENSIONS: Dimension[] = ['INCOME_STREAM', 'PARTNER_TYPE', 'OBJECTIVE', 'PARTNER'];

export function isRateMetric(code: MetricCode): boolean {
  const definition = metricDefinition(code);
  return definition.source === 'RATIO' || definition.unit === 'RATE';
}

/**
 * The target scopes of a row: grouped or filtered by country → those countries; else by
 * region → those regions; else GLOBAL. Null when the slice is cut by a dimension that has no
 * targets (income stream, partner type, objective, partner, cash/in-kind).
 */
export function targetScopesOf(
  keys: GroupKeys,
  dimensions: readonly Dimension[],
  filter: MetricsFilter | null | undefined,
  countryRegion: Map<string, string>,
): string[] | null {
  if (dimensions.some((dimension) => UNTARGETED_DIMENSIONS.includes(dimension))) return null;
  if (
    filter?.incomeStreams?.length ||
    filter?.partnerTypes?.length ||
    filter?.objectiveCodes?.length ||
    filter?.partnerIds?.length ||
    filter?.kind
  ) {
    return null;
  }
  if (dimensions.includes('COUNTRY')) return keys.countryIso3 ? [keys.countryIso3] : null;
  if (filter?.countryIsos?.length) {
    const countries = dimensions.includes('REGION')
      ? filter.countryIsos.filter((iso3) => countryRegion.get(iso3) === keys.regionCode)
      : [...filter.countryIsos];
    return countries.length ? countries : null;
  }
  if (dimensions.includes('REGION')) return keys.regionCode ? [keys.regionCode] : null;
  if (filter?.regionCodes?.length) return [...filter.regionCodes];
  return ['GLOBAL'];
}

/**
 * The target of a metric for a row's scopes in one period: the sum of the scopes' targets
 * (null when none has one). A rate's target is its single scope's rate; several scopes: none.
 */
export function rowTarget(targets: TargetMap, idx: number, scopes: string[] | null, code: MetricCode): string | null {
  if (!scopes || scopes.length === 0) return null;
  if (isRateMetric(code) && scopes.length > 1) return null;
  let total: string | null = null;
  for (const scope of scopes) {
    const target = targets.get(targetKey(idx, scope, code));
    if (target !== undefined) total = total === null ? target : addDecimals(total, target);
  }
  return total;
}
