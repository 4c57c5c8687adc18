import { currentLocale } from '../../i18n/current-language';
import { MISSING_VALUE } from './number';

/**
 * Moments for people (when a token was created, when sign-in opens again, when a change was
 * made), in the language shown and the viewer's own time zone: the API gives ISO 8601 timestamps
 * in UTC. Calendar days (`2025-06-30`) are `format/date.ts`'s.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function timestampFormat(options: Intl.DateTimeFormatOptions, locale: string): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface TimestampOptions {
  /** The time zone to write in; default: the viewer's. */
  timeZone?: string;
}

/** `2025-06-30T14:05:00Z` → "Jun 30, 2025, 4:05 PM" (in Paris; "30 juin 2025, 16:05" in French); a dash when missing. */
export function formatTimestamp(iso: string | null | undefined, { timeZone }: TimestampOptions = {}): string {
  const date = parse(iso);
  if (!date) return MISSING_VALUE;
  return timestampFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }, currentLocale()).format(date);
}

/** The time of day alone when the moment is today, else the day and the time: "4:05 PM", "Jul 1, 2025, 9:00 AM". */
export function formatMomentFrom(
  iso: string | null | undefined,
  now: Date = new Date(),
  { timeZone }: TimestampOptions = {},
): string {
  const date = parse(iso);
  if (!date) return MISSING_VALUE;
  const day = timestampFormat({ dateStyle: 'short', timeZone }, 'en-CA');
  if (day.format(date) !== day.format(now)) return formatTimestamp(iso, { timeZone });
  return timestampFormat({ timeStyle: 'short', timeZone }, currentLocale()).format(date);
}

/** How far the moment is from now, in words: "in 15 minutes", "in 2 hours", "3 days ago". */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return MISSING_VALUE;
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' });
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return format.format(Math.round(seconds), 'second');
  if (magnitude < 3_600) return format.format(Math.round(seconds / 60), 'minute');
  if (magnitude < 86_400) return format.format(Math.round(seconds / 3_600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** The UTC calendar day of a moment, as an ISO day (`2025-06-30`), for date inputs and filters. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
