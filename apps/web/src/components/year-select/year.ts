/** The first year the dashboard reports on. */
export const FIRST_YEAR = 2019;
/** The last (current) year the dashboard reports on. */
export const LAST_YEAR = 2025;
/** The year shown when the URL names none, or names one out of range. */
export const DEFAULT_YEAR = LAST_YEAR;
/** The URL search parameter that holds the selected year: `?year=2025`. */
export const YEAR_PARAM = 'year';

/** The years one can choose, most recent first. */
export const REPORTING_YEARS: readonly number[] = Array.from(
  { length: LAST_YEAR - FIRST_YEAR + 1 },
  (_, index) => LAST_YEAR - index,
);

/** Reads a year from a URL parameter; anything but a reporting year gives the default. */
export function parseYear(value: string | null | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) return DEFAULT_YEAR;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : DEFAULT_YEAR;
}
