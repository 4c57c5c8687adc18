import { gql } from 'urql';
import { CHART_ROLE_COLORS, Chart } from '../../components/chart/chart';
import { formatUsd } from '../../components/format/number';
import { EmptyState } from '../../components/query-state/query-state';
import { incomeStreamChartRows, trendChartRows } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

const formatUsdCompact = (value: number) => formatUsd(value, { compact: true });

export interface PanoramaTrendFields {
  year: number;
  asOf: string;
  region: { code: string };
  trend: {
    period: { from: string; label: string } | null;
    values: { value: number | null; previous: number | null }[];
  }[];
}

/** Revenue month by month, with the same month a year earlier. */
export const PanoramaTrend_Panorama = gql<PanoramaTrendFields>`
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
`;

/** Revenue month by month: bars for this year, a line for the year before. */
export function PanoramaTrend({ panorama }: { panorama: PanoramaTrendFields }) {
  const rows = trendChartRows(panorama.trend, panorama.asOf);
  const previousYear = panorama.year - 1;
  return (
    <PanoramaPanel
      title="Monthly revenue"
      lead={`${panorama.year} month by month, with ${previousYear} beside it`}
      className="panorama-chart-panel"
    >
      {rows.length === 0 ? (
        <EmptyState title="No monthly figures yet" />
      ) : (
        <Chart
          data={rows}
          xKey="month"
          kind="bar"
          series={[
            { key: 'value', label: String(panorama.year), color: CHART_ROLE_COLORS.actual },
            { key: 'previous', label: String(previousYear), color: CHART_ROLE_COLORS.previous, kind: 'line' },
          ]}
          valueFormat={formatUsdCompact}
          height={280}
          ariaLabel={`Revenue of ${panorama.region.code} by month, ${panorama.year} and ${previousYear}`}
        />
      )}
    </PanoramaPanel>
  );
}

export interface PanoramaIncomeStreamsFields {
  year: number;
  region: { code: string };
  byIncomeStream: { incomeStream: string | null; values: { value: number | null; previous: number | null }[] }[];
}

/** Revenue by income stream, against the same days a year earlier. */
export const PanoramaIncomeStreams_Panorama = gql<PanoramaIncomeStreamsFields>`
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
`;

/** Revenue of each income stream, beside the same days a year earlier. */
export function PanoramaIncomeStreams({ panorama }: { panorama: PanoramaIncomeStreamsFields }) {
  const rows = incomeStreamChartRows(panorama.byIncomeStream);
  const previousYear = panorama.year - 1;
  return (
    <PanoramaPanel
      title="Revenue by income stream"
      lead={`To date, against the same days of ${previousYear}`}
      className="panorama-chart-panel"
    >
      {rows.length === 0 ? (
        <EmptyState title="No revenue by income stream yet" />
      ) : (
        <Chart
          data={rows}
          xKey="stream"
          kind="bar"
          series={[
            { key: 'value', label: String(panorama.year), color: CHART_ROLE_COLORS.actual },
            { key: 'previous', label: String(previousYear), color: CHART_ROLE_COLORS.previous },
          ]}
          valueFormat={formatUsdCompact}
          height={280}
          ariaLabel={`Revenue of ${panorama.region.code} by income stream to date, ${panorama.year} against ${previousYear}`}
        />
      )}
    </PanoramaPanel>
  );
}
