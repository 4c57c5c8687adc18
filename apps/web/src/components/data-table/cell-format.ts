import { currentLocale } from '../../i18n/current-language';
import { isTextKey, translate } from '../../i18n/translate';
import { dateFormat } from '../format/date';
import { formatNumber, formatPercent, formatUsd, MISSING_VALUE } from '../format/number';
import type { MetricUnit } from '../kpi-card/metric-format';

export type { MetricUnit };

export interface MetricFormatOptions {
  /** `$1.2M` rather than `$1,234,567.89`, for charts and tight cells. */
  compact?: boolean;
}

/**
 * A metric's value in its unit: dollars for USD, a percentage for a rate, tonnes to one decimal,
 * whole numbers for counts, people, meals and days.
 */
export function formatMetricValue(
  value: number | null | undefined,
  unit: MetricUnit | string,
  { compact = false }: MetricFormatOptions = {},
): string {
  switch (unit) {
    case 'USD':
      return formatUsd(value, { compact });
    case 'RATE':
      return formatPercent(value);
    case 'TONNES':
      return formatNumber(value, { maximumFractionDigits: 1 });
    default:
      return formatNumber(value);
  }
}

const SHORT_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO day for people, in the language shown: `"2025-03-07"` → `"Mar 7, 2025"`; anything else is a dash. */
export function formatDate(isoDay: string | null | undefined): string {
  const match = isoDay ? ISO_DAY.exec(isoDay) : null;
  if (!match) return MISSING_VALUE;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return Number.isNaN(date.getTime()) ? MISSING_VALUE : dateFormat(SHORT_DATE, currentLocale()).format(date);
}

/**
 * An API enum value in words, in the language shown: `"GIVING_CHANNEL"` → `"Giving channel"`,
 * `"HNWI"` → `"HNWI"`. A value without a message (one newer than the dashboard) is the value in
 * sentence case. CSV exports keep the value itself, which is what imports and the API accept.
 */
export function formatEnum(value: string | null | undefined): string {
  if (!value) return MISSING_VALUE;
  const key = `enum.${value}`;
  if (isTextKey(key)) return translate(key);
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1–50 of 1,234": the rows a page shows, out of how many match. */
export function formatRowRange(pageIndex: number, pageSize: number, rowCount: number, shown?: number): string {
  if (rowCount <= 0) return translate('table.noRows');
  const first = pageIndex * pageSize + 1;
  const last = Math.min(rowCount, pageIndex * pageSize + (shown ?? pageSize));
  const total = formatNumber(rowCount);
  if (first > last) return translate('table.noneOf', { total });
  return translate('table.rowRange', { first: formatNumber(first), last: formatNumber(last), total });
}
