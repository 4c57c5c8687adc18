/**
 * The rows of the charts a year's scorecard draws (the overview and a region's panorama):
 * revenue month by month beside last year, and revenue by income stream.
 */

export const INCOME_STREAM_LABELS: Readonly<Record<string, string>> = {
  CORPORATE: 'Corporate',
  FOUNDATION: 'Foundations',
  HNWI: 'Major donors',
  INDIVIDUAL_GIVING: 'Individual giving',
};

export interface TrendChartRow extends Record<string, unknown> {
  month: string;
  value: number | null;
  previous: number | null;
}

interface TrendRow {
  period: { from: string; label: string } | null;
  values: { value: number | null; previous?: number | null }[];
}

const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/**
 * Revenue month by month, beside the same month a year earlier. Months that begin after `asOf`
 * have no value yet (the figures stop at asOf); last year's months are all shown.
 */
export function trendChartRows(rows: readonly TrendRow[], asOf: string): TrendChartRow[] {
  return rows.map((row) => {
    const figure = row.values[0];
    const from = row.period?.from;
    const month = from ? monthName.format(new Date(`${from}T00:00:00Z`)) : (row.period?.label ?? '');
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
    const code = row.incomeStream ?? '';
    return {
      stream: INCOME_STREAM_LABELS[code] ?? (code || 'Unknown'),
      value: figure?.value ?? null,
      previous: figure?.previous ?? null,
    };
  });
}
