import type { Database } from '@panorama/db';
import { keysOf, type PreparedQuery, prepare, targetsFor } from './prepare';
import { EMPTY_KEYS, type GroupKeys, type MetricsQuery } from './query';
import type { IndexedPeriod } from './sql/figures';
import type { TargetMap } from './sql/targets';
import { rowTarget, targetScopesOf } from './targets-of-rows';

/** A query's targets, prepared (checked, and the groups that have a target found) before its groups are known. */
export interface PreparedTargets {
  query: MetricsQuery;
  prepared: PreparedQuery;
}

export async function prepareTargets(db: Database, query: MetricsQuery): Promise<PreparedTargets> {
  const targeted = { ...query, compare: ['TARGET' as const] };
  // Filtered by country, the groups' targets are looked up once the groups are known.
  return { query: targeted, prepared: await prepare(db, targeted, !query.filter?.countryIsos?.length) };
}

/**
 * The targets a prepared query's groups can have, looked up before the groups are known, so that
 * the lookup runs while the figures are measured: ungrouped, the one group's scopes; grouped by
 * region or country (not filtered by country), every scope of that kind with a target — a
 * group's scope is one of them or has none — which `prepareTargets` read with the scopes
 * themselves. Null when only the groups can tell.
 */
export async function targetsBeforeGroups(
  db: Database,
  { query, prepared }: PreparedTargets,
): Promise<TargetMap | null> {
  const { dimensions, references } = prepared;
  if (dimensions.length > 0) return prepared.rangeTargets;
  const scopeCodes = targetScopesOf(EMPTY_KEYS, dimensions, query.filter, references.countryRegion) ?? [];
  return targetsFor(db, query, [{ idx: 0, ...prepared.range }], new Set(scopeCodes));
}

/**
 * The targets alone, over the query's range, of the given groups and of every group that has a
 * target (for `compare: [TARGET]` semantics without computing any value); from `known` when they
 * were looked up already (`targetsBeforeGroups`).
 */
export async function computeTargets(
  db: Database,
  { query, prepared }: PreparedTargets,
  groups: readonly GroupKeys[],
  known: TargetMap | null = null,
): Promise<{ keys: GroupKeys; targets: (string | null)[] }[]> {
  const { dimensions } = prepared;
  const all = new Map<string, GroupKeys>();
  const add = ({ regionCode, countryIso3, incomeStream, partnerType, objectiveCode, partnerId }: GroupKeys) => {
    const keys = { regionCode, countryIso3, incomeStream, partnerType, objectiveCode, partnerId };
    all.set(JSON.stringify(keys), keys);
  };
  for (const keys of groups) add(keys);
  for (const values of prepared.extraGroups) add(keysOf(dimensions, values));
  const period: IndexedPeriod = { idx: 0, ...prepared.range };
  const scoped = [...all.values()].map((keys) => ({
    keys,
    scopes: targetScopesOf(keys, dimensions, query.filter, prepared.references.countryRegion),
  }));
  const scopeCodes = new Set(scoped.flatMap(({ scopes }) => scopes ?? []));
  const targets = known ?? (await targetsFor(db, query, [period], scopeCodes));
  return scoped.map(({ keys, scopes }) => ({
    keys,
    targets: query.metrics.map((metric) => rowTarget(targets, 0, scopes, metric)),
  }));
}
