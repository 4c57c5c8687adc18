import { useMemo } from 'react';
import { CHART_ROLE_COLORS, Chart, type ChartSeries } from '../../components/chart/chart';
import { formatMetricValue } from '../../components/data-table/cell-format';
import { useT } from '../../i18n/language-provider';
import type { RegionComparison } from './region-comparison';
import type { ComparedMetric } from './regions-table';

interface RegionsChartProps {
  rows: readonly RegionComparison[];
  metric: ComparedMetric;
  year: number;
}

/** One bar group per region: actual, target and the year before, in the regions' code order. */
export function regionChartRows(rows: readonly RegionComparison[]) {
  return [...rows]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((row) => ({ region: row.code, actual: row.value, target: row.target, previous: row.previous }));
}

/** Actual vs target vs previous year, region by region. */
export function RegionsChart({ rows, metric, year }: RegionsChartProps) {
  const t = useT();
  const data = useMemo(() => regionChartRows(rows), [rows]);
  const series = useMemo<ChartSeries[]>(
    () => [
      { key: 'actual', label: String(year), color: CHART_ROLE_COLORS.actual },
      { key: 'target', label: t('columns.target'), color: CHART_ROLE_COLORS.target },
      { key: 'previous', label: String(year - 1), color: CHART_ROLE_COLORS.previous },
    ],
    [year, t],
  );
  return (
    <Chart
      data={data}
      xKey="region"
      categoryLabel={t('category.region')}
      series={series}
      kind="bar"
      height={300}
      valueFormat={(value) => formatMetricValue(value, metric.unit, { compact: true })}
      ariaLabel={t('regions.chart', { label: metric.label, year, previousYear: year - 1 })}
    />
  );
}
