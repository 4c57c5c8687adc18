/** The URL parameters of the contributions page's own filters. */
export const CONTRIBUTION_PARAMS = { kind: 'kind', from: 'from', to: 'to' } as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written as `YYYY-MM-DD` (not 2025-02-30). */
export function isIsoDay(value: string | null | undefined): value is string {
  if (!value || !ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface DayRange {
  from: string;
  to: string;
  /** The first and last days one may choose: the selected year. */
  min: string;
  max: string;
  /** True when the URL narrows the range; false for the year's default. */
  narrowed: boolean;
}

/**
 * The date range of the contributions list: within the selected year, by default all of it up to
 * `asOf` (when chosen). Days from the URL outside the year, or a start after the end, are ignored,
 * so that choosing another year never leaves an empty list behind.
 */
export function contributionRange(
  year: number,
  asOf: string | null,
  fromParam: string | null,
  toParam: string | null,
): DayRange {
  const min = `${year}-01-01`;
  const max = `${year}-12-31`;
  const inYear = (day: string | null): day is string => isIsoDay(day) && day >= min && day <= max;
  const defaultTo = asOf && inYear(asOf) ? asOf : max;
  const from = inYear(fromParam) ? fromParam : min;
  const to = inYear(toParam) && toParam >= from ? toParam : defaultTo >= from ? defaultTo : max;
  return { from, to, min, max, narrowed: from !== min || to !== defaultTo };
}
