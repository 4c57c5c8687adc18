import { MISSING_VALUE } from '../format/number';
import type { ResolvedSeries } from './chart-series';

/** What the chart library hands a tooltip: the hovered category and one entry per series. */
interface TooltipEntry {
  dataKey?: unknown;
  value?: unknown;
}

export interface ChartTooltipContentProps {
  active?: boolean;
  label?: string | number;
  payload?: readonly TooltipEntry[];
  series: readonly ResolvedSeries[];
  valueFormat: (value: number) => string;
}

/** The hovered category and each series' value, formatted, beside its colour. */
export function ChartTooltipContent({ active, label, payload, series, valueFormat }: ChartTooltipContentProps) {
  if (!active || !payload || payload.length === 0) return null;
  const values = new Map(payload.map((entry) => [String(entry.dataKey), entry.value]));
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{label}</p>
      <ul className="chart-tooltip__list">
        {series
          .filter((item) => values.has(item.key))
          .map((item) => {
            const value = values.get(item.key);
            return (
              <li key={item.key} className="chart-tooltip__item">
                <span
                  className={`chart-tooltip__swatch chart-tooltip__swatch--${item.kind}`}
                  style={{ background: item.color }}
                />
                <span className="chart-tooltip__name">{item.label}</span>
                <span className="chart-tooltip__value">
                  {typeof value === 'number' && Number.isFinite(value) ? valueFormat(value) : MISSING_VALUE}
                </span>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
