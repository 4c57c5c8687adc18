import { type JSX, useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../i18n/language-provider';
import { formatNumber } from '../format/number';
import { ChartDataTable } from './chart-data-table';
import {
  type ChartSeries,
  categoryAxisWidth,
  formatCategory,
  humanizeKey,
  type ResolvedSeries,
  resolveSeries,
} from './chart-series';
import { ChartTooltipContent } from './chart-tooltip';
import { CHART_AXIS_TEXT_COLOR, CHART_CURSOR_COLOR, CHART_GRID_COLOR } from './palette';
import './chart.css';

export type { ChartKind, ChartSeries } from './chart-series';
export { CHART_PALETTE, CHART_ROLE_COLORS } from './palette';

export interface ChartProps<Row extends Record<string, unknown>> {
  /** One row per category (a region, a month), with a field per series. */
  data: readonly Row[];
  /** The field that names each row's category. */
  xKey: keyof Row & string;
  /** What the categories are, heading their column in the data table: "Region". Default: `xKey` in words. */
  categoryLabel?: string;
  /** The measures to draw. */
  series: readonly ChartSeries[];
  /** Vertical bars, lines, or horizontal bars (categories down the side: long names, rankings). */
  kind: 'bar' | 'line' | 'horizontal-bar';
  /** Formats values on the value axis, in the tooltip and in the data table; default: a plain number. */
  valueFormat?: (value: number) => string;
  /** Height in pixels; the width follows the container. Default 280. */
  height?: number;
  /** What the chart shows, said to screen readers: "Revenue by region, actual and target, 2025". */
  ariaLabel: string;
  /** Stack the bars of each category rather than setting them side by side. */
  stacked?: boolean;
}

const defaultValueFormat = (value: number) => formatNumber(value);
const AXIS_TICK = { fill: CHART_AXIS_TEXT_COLOR, fontSize: 12 };
const BAR_RADIUS_VERTICAL: [number, number, number, number] = [3, 3, 0, 0];
const BAR_RADIUS_HORIZONTAL: [number, number, number, number] = [0, 3, 3, 0];

/**
 * The dashboard's one chart: bars, lines or horizontal bars over categories, with a formatted
 * tooltip, a legend, and a data table for screen readers. Pages use this, never the chart library.
 */
export function Chart<Row extends Record<string, unknown>>({
  data,
  xKey,
  categoryLabel = humanizeKey(xKey),
  series,
  kind,
  valueFormat = defaultValueFormat,
  height = 280,
  ariaLabel,
  stacked = false,
}: ChartProps<Row>): JSX.Element {
  const [language] = useLanguage();
  const resolved = useMemo(() => resolveSeries(series, kind), [series, kind]);
  const horizontal = kind === 'horizontal-bar';
  // The chart library types its keys against its own row type; ours is checked by ChartProps.
  const categoryKey: string = xKey;
  const categoryWidth = useMemo(
    () => (horizontal ? categoryAxisWidth(data.map((row) => formatCategory(row[xKey], ''))) : 0),
    [horizontal, data, xKey],
  );

  return (
    <figure className="chart">
      <div className="chart__canvas" role="img" aria-label={ariaLabel} style={{ height }}>
        <ComposedChart
          // Drawn again in another language: the axes' figures come from `valueFormat`, which follows it.
          key={language}
          responsive
          style={{ width: '100%', height: '100%' }}
          data={data as unknown as Record<string, unknown>[]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          barGap={2}
          barCategoryGap={horizontal ? '22%' : '18%'}
        >
          <CartesianGrid stroke={CHART_GRID_COLOR} vertical={horizontal} horizontal={!horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={valueFormat} tick={AXIS_TICK} tickLine={false} axisLine={false} />
              <YAxis
                type="category"
                dataKey={categoryKey}
                width={categoryWidth}
                tick={AXIS_TICK}
                tickLine={false}
                axisLine={{ stroke: CHART_GRID_COLOR }}
                interval={0}
              />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: CHART_GRID_COLOR }} />
              <YAxis tickFormatter={valueFormat} tick={AXIS_TICK} tickLine={false} axisLine={false} width={64} />
            </>
          )}
          <Tooltip
            cursor={{ fill: CHART_CURSOR_COLOR, stroke: CHART_GRID_COLOR }}
            isAnimationActive={false}
            content={(props) => (
              <ChartTooltipContent
                active={props.active}
                label={props.label}
                payload={props.payload}
                series={resolved}
                valueFormat={valueFormat}
              />
            )}
          />
          <Legend
            verticalAlign="top"
            align="right"
            height={32}
            iconSize={10}
            itemSorter={null}
            formatter={(label) => <span className="chart__legend-label">{label}</span>}
          />
          {resolved.map((item) => renderSeries(item, horizontal, stacked))}
        </ComposedChart>
      </div>
      <ChartDataTable
        caption={ariaLabel}
        categoryLabel={categoryLabel}
        data={data}
        xKey={xKey}
        series={series}
        valueFormat={valueFormat}
      />
    </figure>
  );
}

/** One series as the chart library's element: a bar (stacked or side by side) or a line. */
function renderSeries(item: ResolvedSeries, horizontal: boolean, stacked: boolean) {
  if (item.kind === 'line') {
    return (
      <Line
        key={item.key}
        dataKey={item.key}
        name={item.label}
        type="monotone"
        stroke={item.color}
        strokeWidth={2}
        dot={{ r: 2.5, fill: item.color, strokeWidth: 0 }}
        activeDot={{ r: 4 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    );
  }
  return (
    <Bar
      key={item.key}
      dataKey={item.key}
      name={item.label}
      fill={item.color}
      stackId={stacked ? 'stack' : undefined}
      radius={stacked ? 0 : horizontal ? BAR_RADIUS_HORIZONTAL : BAR_RADIUS_VERTICAL}
      maxBarSize={horizontal ? 18 : 36}
      isAnimationActive={false}
    />
  );
}
