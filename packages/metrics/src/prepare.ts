import type { Database } from '@panorama/db';
import { buckets, type Period, yearOf } from './periods';
import { DIMENSION_KEY, type Dimension, EMPTY_KEYS, type GroupKeys, type MetricsQuery } from './query';
import type { IndexedPeriod } from './sql/figures';
import { periodTargets, type TargetMap, targetedScopes, targetedScopesWithTargets } from './sql/targets';
import { isRateMetric } from './targets-of-rows';
import { type ReferenceCodes, validateCodes, validateQueryShape } from './validate';

/**
 * A metrics query made ready to answer: its shape and codes checked, its periods cut, the groups
 * that have a target (they appear even without data) and the targets the rows will need.
 */

export function keysOf(dimensions: readonly Dimension[], values: readonly (string | null)[]): GroupKeys {
  const keys: GroupKeys = { ...EMPTY_KEYS };
  dimensions.forEach((dimension, index) => {
    const value = values[index] ?? null;
    const name = DIMENSION_KEY[dimension];
    (keys as unknown as Record<string, string | number | null>)[name] =
      name === 'partnerId' && value !== null ? Number(value) : value;
  });
  return keys;
}

const onlyPlaces = (dimensions: readonly Dimension[]) =>
  dimensions.length > 0 && dimensions.every((d) => d === 'REGION' || d === 'COUNTRY');

/**
 * Groups that have a target but perhaps no data: they appear with zeros. With `withTargets`, the
 * targets over the whole range of every scope of the groups' kind with one, whatever the filter,
 * in the same statement (else null).
 */
async function targetGroups(
  db: Database,
  query: MetricsQuery,
  dimensions: readonly Dimension[],
  range: Period,
  withTargets: boolean,
): Promise<{ groups: (string | null)[][]; rangeTargets: TargetMap | null }> {
  if (!onlyPlaces(dimensions) || !query.compare?.includes('TARGET')) return { groups: [], rangeTargets: null };
  const scopeType = dimensions.includes('COUNTRY') ? 'COUNTRY' : 'REGION';
  const request = {
    metrics: query.metrics,
    scopeType,
    fromYear: yearOf(query.from),
    toYear: yearOf(query.to),
  } as const;
  const { scopes, targets } = withTargets
    ? await targetedScopesWithTargets(db, { ...request, periods: [{ idx: 0, ...range }], isRate: isRateMetric })
    : { scopes: await targetedScopes(db, request), targets: null };
  const groups = scopes
    .filter(({ scopeCode, regionCode }) => {
      const region = scopeType === 'REGION' ? scopeCode : regionCode;
      if (query.filter?.regionCodes?.length && !query.filter.regionCodes.includes(region)) return false;
      if (scopeType === 'COUNTRY' && query.filter?.countryIsos?.length)
        return query.filter.countryIsos.includes(scopeCode);
      return !(scopeType === 'REGION' && query.filter?.countryIsos?.length);
    })
    .map(({ scopeCode, regionCode }) =>
      dimensions.map((dimension) =>
        dimension === 'COUNTRY' ? scopeCode : scopeType === 'REGION' ? scopeCode : regionCode,
      ),
    );
  return { groups, rangeTargets: targets };
}

export async function targetsFor(
  db: Database,
  query: MetricsQuery,
  periods: readonly IndexedPeriod[],
  scopeCodes: Set<string>,
): Promise<TargetMap> {
  if (!query.compare?.includes('TARGET') || scopeCodes.size === 0) return new Map();
  return periodTargets(db, { metrics: query.metrics, scopeCodes: [...scopeCodes], periods, isRate: isRateMetric });
}

export interface PreparedQuery {
  dimensions: Dimension[];
  references: ReferenceCodes;
  range: Period;
  periods: Period[];
  extraGroups: (string | null)[][];
  /**
   * The targets over the whole range of every scope of the groups' kind with one (grouped by
   * region or country only), when prepared with them (`prepareTargets`).
   */
  rangeTargets: TargetMap | null;
}

export async function prepare(db: Database, query: MetricsQuery, withTargets = false): Promise<PreparedQuery> {
  const dimensions = validateQueryShape(query);
  const range: Period = { from: query.from, to: query.to };
  const [references, targeted] = await Promise.all([
    validateCodes(db, query),
    targetGroups(db, query, dimensions, range, withTargets),
  ]);
  return {
    dimensions,
    references,
    range,
    periods: buckets(range, query.grain),
    extraGroups: targeted.groups,
    rangeTargets: targeted.rangeTargets,
  };
}
