import type { ContributionKind, IncomeStream, PartnerType } from '@panorama/db';
import type { MetricCode } from './catalog';
import type { Period, TimeGrain } from './periods';

export const DIMENSIONS = ['REGION', 'COUNTRY', 'INCOME_STREAM', 'PARTNER_TYPE', 'OBJECTIVE', 'PARTNER'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const COMPARISONS = ['PREVIOUS_PERIOD', 'PREVIOUS_YEAR', 'TARGET'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface MetricsFilter {
  regionCodes?: readonly string[] | null;
  countryIsos?: readonly string[] | null;
  incomeStreams?: readonly IncomeStream[] | null;
  partnerTypes?: readonly PartnerType[] | null;
  objectiveCodes?: readonly string[] | null;
  partnerIds?: readonly number[] | null;
  kind?: ContributionKind | null;
}

export type MetricsOrderKey = { metric: MetricCode } | { dimension: Dimension } | { period: true };

export interface MetricsOrder {
  by: MetricsOrderKey;
  direction: 'asc' | 'desc';
}

export interface MetricsQuery {
  metrics: readonly MetricCode[];
  from: string;
  to: string;
  groupBy?: readonly Dimension[];
  grain?: TimeGrain | null;
  filter?: MetricsFilter | null;
  compare?: readonly Comparison[];
  asOf?: string | null;
  orderBy?: readonly MetricsOrder[];
  limit?: number | null;
}

/** The keys of a row: the group it stands for. Null for dimensions the query does not group by. */
export interface GroupKeys {
  regionCode: string | null;
  countryIso3: string | null;
  incomeStream: IncomeStream | null;
  partnerType: PartnerType | null;
  objectiveCode: string | null;
  partnerId: number | null;
}

export type TargetStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';

/** One metric's figures for one row. Decimal figures are exact strings; null when undefined. */
export interface MetricValue {
  metric: MetricCode;
  value: string | null;
  previous: string | null;
  change: number | null;
  target: string | null;
  attainment: number | null;
  status: TargetStatus | null;
}

export interface MetricsRow extends GroupKeys {
  /** Set when the query has a grain. */
  period: (Period & { label: string }) | null;
  values: MetricValue[];
}

export interface MetricsResult {
  rows: MetricsRow[];
  total: MetricsRow;
}

export const EMPTY_KEYS: GroupKeys = {
  regionCode: null,
  countryIso3: null,
  incomeStream: null,
  partnerType: null,
  objectiveCode: null,
  partnerId: null,
};

/** The key of each dimension in a row's `GroupKeys`. */
export const DIMENSION_KEY: Record<Dimension, keyof GroupKeys> = {
  REGION: 'regionCode',
  COUNTRY: 'countryIso3',
  INCOME_STREAM: 'incomeStream',
  PARTNER_TYPE: 'partnerType',
  OBJECTIVE: 'objectiveCode',
  PARTNER: 'partnerId',
};
