import type { ContributionKind, IncomeStream, PartnerScope, PartnerType, TargetScope } from '@panorama/db';

/** A valid contributions row, normalized: codes upper-cased, text trimmed, money as a 2-decimal string. */
export interface ContributionRow {
  externalRef: string;
  date: string;
  /** Exact decimal string with 2 decimals, e.g. `1250.00`. */
  amountUsd: string;
  incomeStream: IncomeStream;
  kind: ContributionKind;
  partnerRef: string;
  partnerName: string;
  partnerType: PartnerType;
  regionCode: string;
  countryIso3: string | null;
  objectiveCode: string;
  partnershipRef: string | null;
}

/** A valid impact-records row, normalized; `value` has 4 decimals, like the column. */
export interface ImpactRow {
  externalRef: string;
  date: string;
  metricCode: string;
  value: string;
  regionCode: string;
  countryIso3: string | null;
  objectiveCode: string;
  partnershipRef: string | null;
}

/** A valid targets row, normalized; the CSV's `scope` is split into its type and code. */
export interface TargetRow {
  metricCode: string;
  scopeType: TargetScope;
  /** `GLOBAL`, the region code or the country ISO3. */
  scopeCode: string;
  regionCode: string | null;
  countryIso3: string | null;
  year: number;
  quarter: number | null;
  value: string;
}

/** A valid partners row, normalized. */
export interface PartnerRow {
  externalRef: string;
  name: string;
  partnerType: PartnerType;
  scope: PartnerScope;
  regionCode: string;
  countryIso3: string | null;
  sector: string | null;
}

/** The row type of each kind of file. */
export interface RowsByKind {
  contributions: ContributionRow;
  impact: ImpactRow;
  targets: TargetRow;
  partners: PartnerRow;
}
