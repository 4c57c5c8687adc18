import { currentLongDateLocale } from '../../i18n/current-language';
import { translate } from '../../i18n/translate';

/**
 * Days for people, in the language shown, and the days a year-to-date figure covers: from
 * 1 January of its year to its as-of day. Days are calendar days: formatted in UTC.
 */

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter for `locale` (default: the language shown's locale of dates in words).
 * Intl.DateTimeFormat is costly to build: one per locale and distinct set of options, reused.
 */
export function dateFormat(options: Intl.DateTimeFormatOptions, locale = currentLongDateLocale()): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** `2025-06-30` → "30 June 2025" ("30 juin 2025"); anything but an ISO day is given back as it is. */
export function formatLongDate(isoDate: string): string {
  return ISO_DAY.test(isoDate) ? dateFormat(LONG_DATE).format(utcDate(isoDate)) : isoDate;
}

/** `2025-06-30` → "30 June" ("30 juin"). */
export function formatDayMonth(isoDate: string): string {
  return ISO_DAY.test(isoDate) ? dateFormat(DAY_MONTH).format(utcDate(isoDate)) : isoDate;
}

/** "1 January to 30 June 2025" ("du 1er janvier au 30 juin 2025"): the days a year-to-date figure covers. */
export function periodText(asOf: string): string {
  return translate('date.period', { date: formatLongDate(asOf) });
}

/**
 * The share of the year gone by at the end of `asOf` (30 June 2025: 181/365): where a yearly
 * figure should stand by then if it runs to plan, as the API's status rule reads it.
 */
export function yearElapsedShare(asOf: string): number {
  const day = utcDate(asOf);
  const year = day.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const elapsed = (day.getTime() - start) / 86_400_000 + 1;
  return Math.min(1, Math.max(0, elapsed / daysInYear));
}

/** The first and last day of a year, for the as-of date input's range. */
export function yearBounds(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}
