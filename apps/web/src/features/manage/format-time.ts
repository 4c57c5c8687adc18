import { dateFormat } from '../../components/format/date';
import { MISSING_VALUE } from '../../components/format/number';

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
};

/**
 * When something was saved, in the language shown and in UTC, said so (the bureaux span many time
 * zones): `2025-03-07T14:05:00Z` → "7 Mar 2025, 14:05 UTC". Anything but a timestamp is a dash.
 */
export function formatDateTime(timestamp: string | null | undefined): string {
  const date = timestamp ? new Date(timestamp) : null;
  if (!date || Number.isNaN(date.getTime())) return MISSING_VALUE;
  return `${dateFormat(DATE_TIME).format(date)} UTC`;
}

/** Today in UTC, `YYYY-MM-DD`, as the API judges "not in the future". */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
