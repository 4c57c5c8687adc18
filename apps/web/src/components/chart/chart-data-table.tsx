import { MISSING_VALUE } from '../format/number';
import { type ChartSeries, formatCategory, formatCell } from './chart-series';

interface ChartDataTableProps<Row extends Record<string, unknown>> {
  caption: string;
  /** The heading of the categories' column: "Region", "Month". */
  categoryLabel: string;
  data: readonly Row[];
  xKey: keyof Row & string;
  series: readonly ChartSeries[];
  valueFormat: (value: number) => string;
}

/**
 * The chart's figures as a table, for screen readers (a picture of bars says nothing to them).
 * Visually hidden: sighted users read the chart and its tooltip.
 */
export function ChartDataTable<Row extends Record<string, unknown>>({
  caption,
  categoryLabel,
  data,
  xKey,
  series,
  valueFormat,
}: ChartDataTableProps<Row>) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{categoryLabel}</th>
          {series.map((item) => (
            <th key={item.key} scope="col">
              {item.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.map((row, index) => (
          // Rows have no identity beyond their category, which may repeat; they are never reordered.
          <tr key={index}>
            <th scope="row">{formatCategory(row[xKey], MISSING_VALUE)}</th>
            {series.map((item) => (
              <td key={item.key}>{formatCell(row[item.key], valueFormat, MISSING_VALUE)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
