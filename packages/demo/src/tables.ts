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
