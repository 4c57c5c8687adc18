import { useCallback } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { formatLongDate, periodText } from '../../components/format/date';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { useFilters } from '../../lib/filters';
import { graphql, type ResultOf } from '../../lib/graphql';
import { AsOfControl } from './as-of-control';
import { CountryMapCard } from './country-map-card';
import { ObjectivesProgress, ObjectivesProgress_Overview } from './objectives-progress';
import {
  ImpactByRegion,
  MonthlyRevenue,
  MonthlyRevenue_Overview,
  RegionCharts_Overview,
  RevenueByIncomeStream,
  RevenueByIncomeStream_Overview,
  RevenueByRegion,
} from './overview-charts';
import { OverviewKpis, OverviewKpis_Overview } from './overview-kpis';
import { hasAnyFigure } from './overview-model';
import './overview-page.css';

/**
 * Everything the overview shows but the map, in one request: each section asks for its fields in
 * its own file; the page reads the year, the day and whether the year has any figure.
 */
export const OverviewPage_Overview = graphql(
  `
    query OverviewPage_Overview($year: Int!, $asOf: Date) {
      overview(year: $year, asOf: $asOf) {
        year
        asOf
        kpis {
          metric
          value
        }
        ...OverviewKpis_Overview
        ...RegionCharts_Overview
        ...MonthlyRevenue_Overview
        ...RevenueByIncomeStream_Overview
        ...ObjectivesProgress_Overview
      }
      metricCatalog {
        code
        label
        unit
        description
        pillar
      }
    }
  `,
  [
    OverviewKpis_Overview,
    RegionCharts_Overview,
    MonthlyRevenue_Overview,
    RevenueByIncomeStream_Overview,
    ObjectivesProgress_Overview,
  ],
);

/** The overview query's answer. */
export type OverviewAnswer = ResultOf<typeof OverviewPage_Overview>;

/**
 * The leadership overview: is the strategy on track? Key figures against their targets, revenue
 * and impact by region, the monthly trend, income streams, objectives and a map, for the year
 * chosen in the header, from 1 January to the as-of day.
 */
export function OverviewPage() {
  const t = useT();
  useDocumentTitle(t('nav.overview'));
  const [filters, setFilters] = useFilters();
  const [result, reexecuteQuery] = useQuery({
    query: OverviewPage_Overview,
    variables: { year: filters.year, asOf: filters.asOf },
  });
  const retry = useCallback(() => reexecuteQuery({ requestPolicy: 'network-only' }), [reexecuteQuery]);
  const onAsOfChange = useCallback((asOf: string | null) => setFilters({ asOf }), [setFilters]);

  return (
    <article className="page overview">
      <header className="page__header overview__header">
        <div>
          <h1>{t('nav.overview')}</h1>
          <p className="page__lead">{t('overview.lead', { year: filters.year })}</p>
        </div>
        <AsOfControl
          year={filters.year}
          chosen={filters.asOf}
          readAt={result.data?.overview.asOf ?? null}
          onChange={onAsOfChange}
        />
      </header>
      <div aria-busy={result.fetching}>
        <OverviewContent
          data={result.data}
          error={result.error}
          fetching={result.fetching}
          year={filters.year}
          regionCode={filters.regionCode}
          onRetry={retry}
        />
      </div>
    </article>
  );
}

interface OverviewContentProps {
  /** The answer: undefined while it loads, null when the API answered no data (an error says why). */
  data: OverviewAnswer | null | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  year: number;
  regionCode: string | null;
  onRetry: () => void;
}

/** Loading, failed, empty, or the dashboard; a partial error shows above what did load. */
export function OverviewContent({ data, error, fetching, year, regionCode, onRetry }: OverviewContentProps) {
  const t = useT();
  if (!data) {
    if (error && !fetching) {
      return <ErrorState title={t('overview.error')} detail={error.message} onRetry={onRetry} />;
    }
    return <LoadingState label={t('overview.loading')} lines={8} />;
  }
  return (
    <>
      {error ? <ErrorState title={t('common.partialError')} detail={error.message} onRetry={onRetry} /> : null}
      {hasAnyFigure(data.overview.kpis) ? (
        <OverviewDashboard data={data} regionCode={regionCode} />
      ) : (
        <EmptyState title={t('overview.emptyTitle', { year })}>
          <p>{t('overview.emptyBody', { date: formatLongDate(data.overview.asOf) })}</p>
        </EmptyState>
      )}
    </>
  );
}

interface OverviewDashboardProps {
  data: OverviewAnswer;
  regionCode?: string | null;
}

/** The dashboard itself, from the overview query's answer. */
export function OverviewDashboard({ data, regionCode = null }: OverviewDashboardProps) {
  const { overview, metricCatalog } = data;
  return (
    <div className="overview__body">
      <OverviewKpis overview={overview} catalog={metricCatalog} />
      <div className="overview-grid">
        <RevenueByRegion overview={overview} />
        <ImpactByRegion overview={overview} />
        <MonthlyRevenue overview={overview} />
        <RevenueByIncomeStream overview={overview} />
      </div>
      <CountryMapCard
        year={overview.year}
        asOf={overview.asOf}
        catalog={metricCatalog}
        initialRegionCode={regionCode}
      />
      <ObjectivesProgress overview={overview} catalog={metricCatalog} periodText={periodText(overview.asOf)} />
    </div>
  );
}
