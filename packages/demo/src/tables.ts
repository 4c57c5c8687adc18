/** A value of a row to load: text, a number, or SQL NULL. */
export type Cell = string | number | null;

/** A table to load: its name and the columns each row gives, in order. */
export interface TableSpec {
  name: string;
  columns: readonly string[];
}

/**
 * The tables the demo fills, parents first. Reference tables (regions, countries,
 * country_memberships, objectives) are never touched.
 */
export const DEMO_TABLES = [
  'partners',
  'partnerships',
  'contributions',
  'impact_records',
  'targets',
  'target_versions',
  'opportunities',
  'field_needs',
  'stories',
] as const;

export type DemoTable = (typeof DEMO_TABLES)[number];

/** Rows loaded per demo table. */
export type TableCounts = Record<DemoTable, number>;

/**
 * The rollups kept from contributions and impact records (see `@panorama/db`'s schema): the seed
 * defers their upkeep while it loads and rebuilds them once, at the end of its transaction.
 */
export const ROLLUP_TABLES = [
  'contribution_totals',
  'contribution_totals_by_region',
  'partner_activity',
  'partner_activity_by_region',
  'partner_days_by_country',
  'partner_days_by_region',
  'partner_days',
  'partner_counts',
  'impact_totals',
] as const;
