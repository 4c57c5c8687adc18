import { CHART_ROLE_COLORS, Chart } from '../../components/chart/chart';
import { formatUsd } from '../../components/format/number';
import { EmptyState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import { incomeStreamChartRows, trendChartRows } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

const formatUsdCompact = (value: number) => formatUsd(value, { compact: true });

/** Revenue month by month, with the same month a year earlier. */
export const PanoramaTrend_Panorama = graphql(`
  fragment PanoramaTrend_Panorama on Panorama {
    year
    asOf
    region {
      id
      code
    }
    trend {
      period {
        from
        label
      }
      values {
        value
        previous
      }
    }
  }
`);

/** Revenue month by month: bars for this year, a line for the year before. */
export function PanoramaTrend({ panorama: data }: { panorama: FragmentOf<typeof PanoramaTrend_Panorama> }) {
  const t = useT();
  const panorama = readFragment(PanoramaTrend_Panorama, data);
  const rows = trendChartRows(panorama.trend, panorama.asOf);
  const { year } = panorama;
  const previousYear = year - 1;
  return (
    <PanoramaPanel
      title={t('chart.monthlyRevenue')}
      lead={t('chart.monthlyRevenueLead', { year, previousYear })}
      className="panorama-chart-panel"
    >
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
          height={280}
          ariaLabel={t('panorama.monthlyRevenueChart', { code: panorama.region.code, year, previousYear })}
        />
      )}
    </PanoramaPanel>
  );
}

/** Revenue by income stream, against the same days a year earlier. */
export const PanoramaIncomeStreams_Panorama = graphql(`
  fragment PanoramaIncomeStreams_Panorama on Panorama {
    year
    region {
      id
      code
    }
    byIncomeStream {
      incomeStream
      values {
        value
        previous
      }
    }
  }
`);

/** Revenue of each income stream, beside the same days a year earlier. */
export function PanoramaIncomeStreams({
  panorama: data,
}: {
  panorama: FragmentOf<typeof PanoramaIncomeStreams_Panorama>;
}) {
  const t = useT();
  const panorama = readFragment(PanoramaIncomeStreams_Panorama, data);
  const rows = incomeStreamChartRows(panorama.byIncomeStream);
  const { year } = panorama;
  const previousYear = year - 1;
  return (
    <PanoramaPanel
      title={t('chart.byIncomeStream')}
      lead={t('chart.byIncomeStreamLead', { previousYear })}
      className="panorama-chart-panel"
    >
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
          height={280}
          ariaLabel={t('panorama.byIncomeStreamChart', { code: panorama.region.code, year, previousYear })}
        />
      )}
    </PanoramaPanel>
  );
}
