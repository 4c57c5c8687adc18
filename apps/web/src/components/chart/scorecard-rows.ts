import { currentLocale } from '../../i18n/current-language';
import { isTextKey, translate } from '../../i18n/translate';
import { dateFormat } from '../format/date';

/**
 * The rows of the charts a year's scorecard draws (the overview and a region's panorama):
 * revenue month by month beside last year, and revenue by income stream, named in the language shown.
 */

/** An income stream as a chart names it ("Major donors"); an unknown code as it is. */
function incomeStreamLabel(code: string | null): string {
  if (!code) return translate('incomeStream.unknown');
  const key = `incomeStream.${code}`;
  return isTextKey(key) ? translate(key) : code;
}

export interface TrendChartRow extends Record<string, unknown> {
  month: string;
  value: number | null;
  previous: number | null;
}

interface TrendRow {
  period: { from: string; label: string } | null;
  values: { value: number | null; previous?: number | null }[];
}

const MONTH_NAME: Intl.DateTimeFormatOptions = { month: 'short', timeZone: 'UTC' };

/**
 * Revenue month by month, beside the same month a year earlier. Months that begin after `asOf`
 * have no value yet (the figures stop at asOf); last year's months are all shown.
 */
export function trendChartRows(rows: readonly TrendRow[], asOf: string): TrendChartRow[] {
  return rows.map((row) => {
    const figure = row.values[0];
    const from = row.period?.from;
    const month = from
      ? dateFormat(MONTH_NAME, currentLocale()).format(new Date(`${from}T00:00:00Z`))
      : (row.period?.label ?? '');
    const afterAsOf = from !== undefined && from > asOf;
    return { month, value: afterAsOf ? null : (figure?.value ?? null), previous: figure?.previous ?? null };
  });
}

export interface IncomeStreamChartRow extends Record<string, unknown> {
  stream: string;
  value: number | null;
  previous: number | null;
}

interface IncomeStreamRow {
  incomeStream: string | null;
  values: { value: number | null; previous?: number | null }[];
}

/** Revenue of each income stream, beside the same days a year earlier. */
export function incomeStreamChartRows(rows: readonly IncomeStreamRow[]): IncomeStreamChartRow[] {
  return rows.map((row) => {
    const figure = row.values[0];
    return {
      stream: incomeStreamLabel(row.incomeStream),
      value: figure?.value ?? null,
      previous: figure?.previous ?? null,
    };
  });
}
