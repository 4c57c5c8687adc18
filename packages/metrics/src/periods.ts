/**
 * Periods: closed date ranges `[from, to]` of ISO dates (`YYYY-MM-DD`), cut into calendar
 * buckets, and their previous periods, as DESIGN.md defines them.
 */

export type TimeGrain = 'YEAR' | 'QUARTER' | 'MONTH';

export interface Period {
  from: string;
  to: string;
}

/*
 * Dates are counted as days since 1970-01-01 in the proleptic Gregorian calendar, with integer
 * arithmetic only (H. Hinnant's civil-date algorithms, in 400-year eras of 146,097 days): every
 * status and period of an answer goes through these, and Date objects with their ISO strings
 * cost more than the rest of the arithmetic. A date past its month (2025-02-30) counts on into
 * the next month, as Date.UTC does; isIsoDate turns it away.
 */

/** Days from 1970-01-01 to `isoDate` (`YYYY-MM-DD`). */
function dayNumber(isoDate: string): number {
  const month = Number(isoDate.slice(5, 7));
  const year = Number(isoDate.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + Number(isoDate.slice(8, 10)) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The ISO date (`YYYY-MM-DD`) `days` days after 1970-01-01. */
function isoDayOf(days: number): string {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

export function addDays(isoDate: string, days: number): string {
  return isoDayOf(dayNumber(isoDate) + days);
}

/** Days from `from` to `to`, both included. */
export function daysIn(period: Period): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function lastDayOfMonth(year: number, month: number): string {
  return addDays(month === 12 ? formatIsoDate(year + 1, 1, 1) : formatIsoDate(year, month + 1, 1), -1);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: lastDayOfMonth(year, firstMonth + 2) };
}

export function monthPeriod(year: number, month: number): Period {
  return { from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
}

function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The calendar period of `grain` that contains `isoDate`. */
export function calendarPeriod(grain: TimeGrain, isoDate: string): Period {
  const year = yearOf(isoDate);
  const month = monthOf(isoDate);
  if (grain === 'YEAR') return yearPeriod(year);
  if (grain === 'QUARTER') return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
  return monthPeriod(year, month);
}

/** Cuts `[from, to]` at calendar boundaries of `grain`; the first and last bucket may be partial. */
export function buckets(period: Period, grain: TimeGrain | null | undefined): Period[] {
  if (!grain) return [period];
  const result: Period[] = [];
  let start = period.from;
  while (start <= period.to) {
    const calendar = calendarPeriod(grain, start);
    const end = calendar.to < period.to ? calendar.to : period.to;
    result.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return result;
}

/** The calendar grain `period` is exactly one whole unit of, if any. */
export function wholeCalendarGrain(period: Period): TimeGrain | null {
  for (const grain of ['YEAR', 'QUARTER', 'MONTH'] as const) {
    if (samePeriod(calendarPeriod(grain, period.from), period)) return grain;
  }
  return null;
}

/**
 * The previous period: the calendar year, quarter or month before a whole one; for any other
 * range, the range of equal length ending the day before `from`.
 */
export function previousPeriod(period: Period): Period {
  const grain = wholeCalendarGrain(period);
  if (grain) return calendarPeriod(grain, addDays(period.from, -1));
  const to = addDays(period.from, -1);
  return { from: addDays(to, -(daysIn(period) - 1)), to };
}

/** The same date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(isoDate: string): string {
  const year = yearOf(isoDate) - 1;
  const monthDay = isoDate.slice(5);
  if (monthDay === '02-29') return `${year}-02-28`;
  return `${year}-${monthDay}`;
}

/** The same period a year earlier: both ends shifted back one year. */
export function samePeriodYearEarlier(period: Period): Period {
  return { from: yearEarlier(period.from), to: yearEarlier(period.to) };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A human label: `2025`, `2025-Q1`, `Mar 2025`, or `2025-01-15 – 2025-02-10` for other ranges. */
export function periodLabel(period: Period): string {
  const grain = wholeCalendarGrain(period);
  const year = yearOf(period.from);
  if (grain === 'YEAR') return String(year);
  if (grain === 'QUARTER') return `${year}-Q${Math.floor((monthOf(period.from) - 1) / 3) + 1}`;
  if (grain === 'MONTH') return `${MONTH_NAMES[monthOf(period.from) - 1]} ${year}`;
  return `${period.from} – ${period.to}`;
}

/** Days of `period` that fall inside `within` (0 when they do not meet). */
export function overlapDays(period: Period, within: Period): number {
  const from = period.from > within.from ? period.from : within.from;
  const to = period.to < within.to ? period.to : within.to;
  return from > to ? 0 : daysIn({ from, to });
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isoDayOf(dayNumber(value)) === value;
}
