import { type SQL, sql } from 'drizzle-orm';
import type { Dimension, MetricsFilter } from '../query';
import type { RollupGrain } from './coverage';
import { activeFilters, FILTER_DIMENSION, type SourceShape } from './sources';

/**
 * The rollups the engine reads (see `packages/db/src/schema/rollups.ts`), and which one answers a
 * query: the smallest whose slices carry every dimension the query groups or filters by.
 */
export interface Rollup {
  table: string;
  /** The bucket grains it keeps. */
  grains: RollupGrain[];
  /** The dimensions its slices carry (partner type through the partner, for the partner rollups). */
  dimensions: readonly Dimension[];
  /** Partner type is read from partners, joined on the rollup's partner. */
  partnerTypeOfPartner: boolean;
  /** Its slices are cut by cash/in-kind kind (the partner days rollups are not). */
  kinds: boolean;
}

const CONTRIBUTION_TOTALS_BY_REGION: Rollup = {
  table: 'contribution_totals_by_region',
  grains: ['Y', 'M', 'D'],
  dimensions: ['REGION', 'INCOME_STREAM', 'PARTNER_TYPE'],
  partnerTypeOfPartner: false,
  kinds: true,
};
const CONTRIBUTION_TOTALS: Rollup = {
  table: 'contribution_totals',
  grains: ['Y', 'M'],
  dimensions: ['REGION', 'COUNTRY', 'INCOME_STREAM', 'PARTNER_TYPE', 'OBJECTIVE'],
  partnerTypeOfPartner: false,
  kinds: true,
};
const PARTNER_ACTIVITY_BY_REGION: Rollup = {
  table: 'partner_activity_by_region',
  grains: ['Y'],
  dimensions: ['REGION', 'INCOME_STREAM', 'PARTNER_TYPE', 'PARTNER'],
  partnerTypeOfPartner: true,
  kinds: true,
};
const PARTNER_ACTIVITY: Rollup = {
  table: 'partner_activity',
  grains: ['Y'],
  dimensions: ['REGION', 'COUNTRY', 'INCOME_STREAM', 'PARTNER_TYPE', 'OBJECTIVE', 'PARTNER'],
  partnerTypeOfPartner: true,
  kinds: true,
};
/** Partners' days alone, all streams and kinds together: far fewer rows for the partner figures. */
const PARTNER_DAYS: Rollup = {
  table: 'partner_days',
  grains: ['Y'],
  dimensions: ['PARTNER_TYPE', 'PARTNER'],
  partnerTypeOfPartner: true,
  kinds: false,
};
const PARTNER_DAYS_BY_REGION: Rollup = {
  table: 'partner_days_by_region',
  grains: ['Y'],
  dimensions: ['REGION', 'PARTNER_TYPE', 'PARTNER'],
  partnerTypeOfPartner: true,
  kinds: false,
};
const PARTNER_DAYS_BY_COUNTRY: Rollup = {
  table: 'partner_days_by_country',
  grains: ['Y'],
  dimensions: ['REGION', 'COUNTRY', 'PARTNER_TYPE', 'PARTNER'],
  partnerTypeOfPartner: true,
  kinds: false,
};
export const IMPACT_TOTALS: Rollup = {
  table: 'impact_totals',
  grains: ['Y', 'M'],
  dimensions: ['REGION', 'COUNTRY', 'OBJECTIVE'],
  partnerTypeOfPartner: false,
  kinds: true,
};

/** The dimensions a query groups or filters by (`kind` is in every contribution rollup). */
function usedDimensions(dimensions: readonly Dimension[], filter: MetricsFilter | null | undefined): Set<Dimension> {
  const used = new Set(dimensions);
  for (const name of activeFilters(filter)) if (name !== 'kind') used.add(FILTER_DIMENSION[name]);
  return used;
}

function carries(rollup: Rollup, used: Set<Dimension>, filter: MetricsFilter | null | undefined): boolean {
  if (!rollup.kinds && activeFilters(filter).includes('kind')) return false;
  return [...used].every((dimension) => rollup.dimensions.includes(dimension));
}

/** The rollup that sums revenue and counts for a query's slices. */
export function contributionSumsRollup(dimensions: readonly Dimension[], filter: MetricsFilter | null | undefined) {
  const used = usedDimensions(dimensions, filter);
  const candidates = [CONTRIBUTION_TOTALS_BY_REGION, CONTRIBUTION_TOTALS, PARTNER_ACTIVITY_BY_REGION, PARTNER_ACTIVITY];
  return candidates.find((rollup) => carries(rollup, used, filter)) ?? PARTNER_ACTIVITY;
}

/** The rollup of partners' days and first days for a query's slices. */
export function partnerActivityRollup(dimensions: readonly Dimension[], filter: MetricsFilter | null | undefined) {
  const used = usedDimensions(dimensions, filter);
  const candidates = [PARTNER_DAYS, PARTNER_DAYS_BY_REGION, PARTNER_ACTIVITY_BY_REGION, PARTNER_DAYS_BY_COUNTRY];
  return candidates.find((rollup) => carries(rollup, used, filter)) ?? PARTNER_ACTIVITY;
}

const COLUMNS: Record<Dimension, string> = {
  REGION: 'r.region_code',
  COUNTRY: 'r.country_iso3',
  INCOME_STREAM: 'r.income_stream',
  PARTNER_TYPE: 'r.partner_type',
  OBJECTIVE: 'r.objective_code',
  PARTNER: 'r.partner_id',
};

/** A rollup as a source of slices (alias `r`), joined with partners only when partner type is needed. */
export function rollupShape(
  rollup: Rollup,
  dimensions: readonly Dimension[],
  filter: MetricsFilter | null | undefined,
): SourceShape {
  const joinsPartners = rollup.partnerTypeOfPartner && usedDimensions(dimensions, filter).has('PARTNER_TYPE');
  const carried = (Object.entries(FILTER_DIMENSION) as [keyof typeof FILTER_DIMENSION, Dimension][]).filter(
    ([, dimension]) => rollup.dimensions.includes(dimension),
  );
  const columns: Partial<Record<Dimension, SQL>> = {};
  for (const dimension of rollup.dimensions) {
    const column = dimension === 'PARTNER_TYPE' && rollup.partnerTypeOfPartner ? 'pa.partner_type' : COLUMNS[dimension];
    columns[dimension] = sql.raw(column);
  }
  return {
    alias: 'r',
    from: sql.raw(joinsPartners ? `${rollup.table} r JOIN partners pa ON pa.id = r.partner_id` : `${rollup.table} r`),
    dateColumn: sql.raw('r.bucket'),
    dimensions: columns,
    filters: [...carried.map(([name]) => name), ...(rollup.kinds ? (['kind'] as const) : [])],
    lacks: rollup.table,
  };
}
