/** The demo's calendar: contributions are dated 2019-01-01 … 2025-12-31. */

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;
export const YEARS: readonly number[] = Array.from(
  { length: LAST_YEAR - FIRST_YEAR + 1 },
  (_, index) => FIRST_YEAR + index,
);
export const YEAR_COUNT = YEARS.length;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;

const DAY_MS = 86_400_000;

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/** `YYYY-MM-DD` of a year, a month (1–12) and a day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `days` days after `iso`. */
export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** A uniformly drawn date in [from, to], both included. */
export function dateBetween(draw: (min: number, max: number) => number, from: string, to: string): string {
  return isoFromDayNumber(draw(dayNumber(from), dayNumber(to)));
}

/** Index of a date's year among YEARS. */
export function yearIndexOf(iso: string): number {
  return Number(iso.slice(0, 4)) - FIRST_YEAR;
}

/** Quarter (1–4) of an ISO date. */
export function quarterOf(iso: string): number {
  return Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
}
