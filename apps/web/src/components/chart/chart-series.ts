import { chartColor } from './palette';

/** One measure drawn by a chart: which field of the rows, its name in the legend, how it looks. */
export interface ChartSeries {
  /** The field of each row that holds the value. */
  key: string;
  /** Its name in the legend, the tooltip and the data table. */
  label: string;
  /** A colour; default: the palette's next one. */
  color?: string;
  /** Draw it as bars or a line; default: the chart's kind. */
  kind?: 'bar' | 'line';
}

export type ChartKind = 'bar' | 'line' | 'horizontal-bar';

/** A series with its colour and shape settled. */
export interface ResolvedSeries extends ChartSeries {
  color: string;
  kind: 'bar' | 'line';
}

/** Gives each series its colour (its own, or the palette's in order) and its shape. */
export function resolveSeries(series: readonly ChartSeries[], chartKind: ChartKind): ResolvedSeries[] {
  return series.map((item, index) => ({
    ...item,
    color: item.color ?? chartColor(index),
    kind: item.kind ?? (chartKind === 'line' ? 'line' : 'bar'),
  }));
}

/** A field name as a column heading: `incomeStream` → "Income stream". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A cell of a row as text: numbers through the chart's formatter, missing values as a dash. */
export function formatCell(value: unknown, valueFormat: (value: number) => string, missing: string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? valueFormat(value) : missing;
  if (value === null || value === undefined || value === '') return missing;
  return String(value);
}

/** A category (the x axis' value) as text, never through the value formatter: 2025 stays "2025". */
export function formatCategory(value: unknown, missing: string): string {
  return value === null || value === undefined || value === '' ? missing : String(value);
}

/** Room for the longest category label on a horizontal bar chart's axis, in pixels. */
export function categoryAxisWidth(labels: readonly string[]): number {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return Math.min(220, Math.max(48, Math.round(longest * 7.5 + 20)));
}
