import { type ReactNode, useId } from 'react';
import { CHART_ROLE_COLORS, Chart, type ChartSeries } from '../../components/chart/chart';
import { formatUsd } from '../../components/format/number';
import { formatCompactNumber } from '../../components/kpi-card/metric-format';
import { EmptyState } from '../../components/query-state/query-state';
import { incomeStreamChartRows, regionChartRows, trendChartRows } from './overview-model';
import type { Overview } from './overview-query';

const formatUsdCompact = (value: number) => formatUsd(value, { compact: true });

/** Height of a horizontal bar chart: room for each category's pair of bars, the legend and the axis. */
function barListHeight(categories: number): number {
  return Math.max(180, categories * 40 + 64);
}

interface PanelProps {
  title: string;
  lead: string;
  children: ReactNode;
  className?: string;
}

/** A titled card of the overview's grid. */
export function OverviewPanel({ title, lead, children, className = '' }: PanelProps) {
  const titleId = useId();
  return (
    <section className={`card overview-panel ${className}`.trim()} aria-labelledby={titleId}>
      <header className="overview-panel__header">
        <h2 id={titleId} className="overview-panel__title">
          {title}
        </h2>
        <p className="overview-panel__lead">{lead}</p>
      </header>
      {children}
    </section>
  );
}

interface ChartsProps {
  overview: Overview;
}

function targetSeries(actualLabel: string, actualColor: string): ChartSeries[] {
  return [
    { key: 'actual', label: actualLabel, color: actualColor },
    { key: 'target', label: 'Full-year target', color: CHART_ROLE_COLORS.target },
  ];
}

/** Revenue of each region against its full-year target. */
export function RevenueByRegion({ overview }: ChartsProps) {
  const rows = regionChartRows(overview.regions, 'REVENUE_USD');
  return (
    <OverviewPanel title="Revenue by region" lead={`Raised to date against the full-year target, ${overview.year}`}>
      {rows.length === 0 ? (
        <EmptyState title="No regional revenue yet" />
      ) : (
        <Chart
          data={rows}
          xKey="region"
          kind="horizontal-bar"
          series={targetSeries('Raised to date', CHART_ROLE_COLORS.actual)}
          valueFormat={formatUsdCompact}
          height={barListHeight(rows.length)}
          ariaLabel={`Revenue by region to date against the full-year target, ${overview.year}`}
        />
      )}
    </OverviewPanel>
  );
}

/** Beneficiaries reached in each region against its full-year target. */
export function ImpactByRegion({ overview }: ChartsProps) {
  const rows = regionChartRows(overview.regions, 'BENEFICIARIES_REACHED');
  return (
    <OverviewPanel
      title="Beneficiaries reached by region"
      lead={`People reached to date against the full-year target, ${overview.year}`}
    >
      {rows.length === 0 ? (
        <EmptyState title="No regional impact yet" />
      ) : (
        <Chart
          data={rows}
          xKey="region"
          kind="horizontal-bar"
          series={targetSeries('Reached to date', CHART_ROLE_COLORS.secondary)}
          valueFormat={formatCompactNumber}
          height={barListHeight(rows.length)}
          ariaLabel={`Beneficiaries reached by region to date against the full-year target, ${overview.year}`}
        />
      )}
    </OverviewPanel>
  );
}

/** Revenue month by month, bars for this year and a line for the year before. */
export function MonthlyRevenue({ overview }: ChartsProps) {
  const rows = trendChartRows(overview.trend, overview.asOf);
  const previousYear = overview.year - 1;
  return (
    <OverviewPanel title="Monthly revenue" lead={`${overview.year} month by month, with ${previousYear} beside it`}>
      {rows.length === 0 ? (
        <EmptyState title="No monthly figures yet" />
      ) : (
        <Chart
          data={rows}
          xKey="month"
          kind="bar"
          series={[
            { key: 'value', label: String(overview.year), color: CHART_ROLE_COLORS.actual },
            { key: 'previous', label: String(previousYear), color: CHART_ROLE_COLORS.previous, kind: 'line' },
          ]}
          valueFormat={formatUsdCompact}
          height={300}
          ariaLabel={`Revenue by month, ${overview.year} and ${previousYear}`}
        />
      )}
    </OverviewPanel>
  );
}

/** Revenue of each income stream, beside the same days a year earlier. */
export function RevenueByIncomeStream({ overview }: ChartsProps) {
  const rows = incomeStreamChartRows(overview.byIncomeStream);
  const previousYear = overview.year - 1;
  return (
    <OverviewPanel title="Revenue by income stream" lead={`To date, against the same days of ${previousYear}`}>
      {rows.length === 0 ? (
        <EmptyState title="No revenue by income stream yet" />
      ) : (
        <Chart
          data={rows}
          xKey="stream"
          kind="bar"
          series={[
            { key: 'value', label: String(overview.year), color: CHART_ROLE_COLORS.actual },
            { key: 'previous', label: String(previousYear), color: CHART_ROLE_COLORS.previous },
          ]}
          valueFormat={formatUsdCompact}
          height={300}
          ariaLabel={`Revenue by income stream to date, ${overview.year} against ${previousYear}`}
        />
      )}
    </OverviewPanel>
  );
}
