import { type ReactNode, useId } from 'react';
import { CHART_ROLE_COLORS, Chart, type ChartSeries } from '../../components/chart/chart';
import { formatUsd } from '../../components/format/number';
import { formatCompactNumber } from '../../components/kpi-card/metric-format';
import { EmptyState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import { incomeStreamChartRows, regionChartRows, trendChartRows } from './overview-model';

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

/** The key figures of each region against its targets: for the revenue and impact charts. */
export const RegionCharts_Overview = graphql(`
  fragment RegionCharts_Overview on Overview {
    year
    regions {
      region {
        code
        name
        city
      }
      values {
        metric
        value
        target
        attainment
        status
      }
    }
  }
`);

/** Revenue month by month, with the same month a year earlier. */
export const MonthlyRevenue_Overview = graphql(`
  fragment MonthlyRevenue_Overview on Overview {
    year
    asOf
    trend {
      period {
        from
        label
      }
      values {
        metric
        value
        previous
      }
    }
  }
`);

/** Revenue by income stream, against the same days a year earlier. */
export const RevenueByIncomeStream_Overview = graphql(`
  fragment RevenueByIncomeStream_Overview on Overview {
    year
    byIncomeStream {
      incomeStream
      values {
        metric
        value
        previous
        change
      }
    }
  }
`);

function targetSeries(t: Translate, actualLabel: string, actualColor: string): ChartSeries[] {
  return [
    { key: 'actual', label: actualLabel, color: actualColor },
    { key: 'target', label: t('chart.fullYearTarget'), color: CHART_ROLE_COLORS.target },
  ];
}

/** Revenue of each region against its full-year target. */
export function RevenueByRegion({ overview }: { overview: FragmentOf<typeof RegionCharts_Overview> }) {
  const t = useT();
  const { regions, year } = readFragment(RegionCharts_Overview, overview);
  const rows = regionChartRows(regions, 'REVENUE_USD');
  return (
    <OverviewPanel title={t('overview.revenueByRegion')} lead={t('overview.revenueByRegionLead', { year })}>
      {rows.length === 0 ? (
        <EmptyState title={t('overview.revenueByRegionEmpty')} />
      ) : (
        <Chart
          data={rows}
          xKey="region"
          categoryLabel={t('category.region')}
          kind="horizontal-bar"
          series={targetSeries(t, t('chart.raisedToDate'), CHART_ROLE_COLORS.actual)}
          valueFormat={formatUsdCompact}
          height={barListHeight(rows.length)}
          ariaLabel={t('overview.revenueByRegionChart', { year })}
        />
      )}
    </OverviewPanel>
  );
}

/** Beneficiaries reached in each region against its full-year target. */
export function ImpactByRegion({ overview }: { overview: FragmentOf<typeof RegionCharts_Overview> }) {
  const t = useT();
  const { regions, year } = readFragment(RegionCharts_Overview, overview);
  const rows = regionChartRows(regions, 'BENEFICIARIES_REACHED');
  return (
    <OverviewPanel title={t('overview.impactByRegion')} lead={t('overview.impactByRegionLead', { year })}>
      {rows.length === 0 ? (
        <EmptyState title={t('overview.impactByRegionEmpty')} />
      ) : (
        <Chart
          data={rows}
          xKey="region"
          categoryLabel={t('category.region')}
          kind="horizontal-bar"
          series={targetSeries(t, t('chart.reachedToDate'), CHART_ROLE_COLORS.secondary)}
          valueFormat={formatCompactNumber}
          height={barListHeight(rows.length)}
          ariaLabel={t('overview.impactByRegionChart', { year })}
        />
      )}
    </OverviewPanel>
  );
}

/** Revenue month by month, bars for this year and a line for the year before. */
export function MonthlyRevenue({ overview }: { overview: FragmentOf<typeof MonthlyRevenue_Overview> }) {
  const t = useT();
  const { trend, asOf, year } = readFragment(MonthlyRevenue_Overview, overview);
  const rows = trendChartRows(trend, asOf);
  const previousYear = year - 1;
  return (
    <OverviewPanel title={t('chart.monthlyRevenue')} lead={t('chart.monthlyRevenueLead', { year, previousYear })}>
      {rows.length === 0 ? (
        <EmptyState title={t('chart.monthlyRevenueEmpty')} />
      ) : (
        <Chart
          data={rows}
          xKey="month"
          categoryLabel={t('category.month')}
          kind="bar"
          series={[
            { key: 'value', label: String(year), color: CHART_ROLE_COLORS.actual },
            { key: 'previous', label: String(previousYear), color: CHART_ROLE_COLORS.previous, kind: 'line' },
          ]}
          valueFormat={formatUsdCompact}
          height={300}
          ariaLabel={t('overview.monthlyRevenueChart', { year, previousYear })}
        />
      )}
    </OverviewPanel>
  );
}

/** Revenue of each income stream, beside the same days a year earlier. */
export function RevenueByIncomeStream({ overview }: { overview: FragmentOf<typeof RevenueByIncomeStream_Overview> }) {
  const t = useT();
  const { byIncomeStream, year } = readFragment(RevenueByIncomeStream_Overview, overview);
  const rows = incomeStreamChartRows(byIncomeStream);
  const previousYear = year - 1;
  return (
    <OverviewPanel title={t('chart.byIncomeStream')} lead={t('chart.byIncomeStreamLead', { previousYear })}>
      {rows.length === 0 ? (
        <EmptyState title={t('chart.byIncomeStreamEmpty')} />
      ) : (
        <Chart
          data={rows}
          xKey="stream"
          categoryLabel={t('category.stream')}
          kind="bar"
          series={[
            { key: 'value', label: String(year), color: CHART_ROLE_COLORS.actual },
            { key: 'previous', label: String(previousYear), color: CHART_ROLE_COLORS.previous },
          ]}
          valueFormat={formatUsdCompact}
          height={300}
          ariaLabel={t('overview.byIncomeStreamChart', { year, previousYear })}
        />
      )}
    </OverviewPanel>
  );
}
