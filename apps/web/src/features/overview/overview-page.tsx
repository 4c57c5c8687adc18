import { useCallback } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { formatLongDate } from '../../components/format/date';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useFilters } from '../../lib/filters';
import { AsOfControl } from './as-of-control';
import { CountryMapCard } from './country-map-card';
import { ObjectivesProgress } from './objectives-progress';
import { ImpactByRegion, MonthlyRevenue, RevenueByIncomeStream, RevenueByRegion } from './overview-charts';
import { OverviewKpis } from './overview-kpis';
import { hasAnyFigure } from './overview-model';
import { OverviewPage_Overview, type OverviewPageOverviewQuery } from './overview-query';
import './overview-page.css';

/**
 * The leadership overview: is the strategy on track? Key figures against their targets, revenue
 * and impact by region, the monthly trend, income streams, objectives and a map, for the year
 * chosen in the header, from 1 January to the as-of day.
 */
export function OverviewPage() {
  useDocumentTitle('Overview');
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
          <h1>Overview</h1>
          <p className="page__lead">Revenue and impact against the strategy's objectives, {filters.year}.</p>
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
  data: OverviewPageOverviewQuery | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  year: number;
  regionCode: string | null;
  onRetry: () => void;
}

/** Loading, failed, empty, or the dashboard; a partial error shows above what did load. */
export function OverviewContent({ data, error, fetching, year, regionCode, onRetry }: OverviewContentProps) {
  if (data === undefined) {
    if (error && !fetching) {
      return <ErrorState title="The overview could not be loaded." detail={error.message} onRetry={onRetry} />;
    }
    return <LoadingState label="Loading the overview…" lines={8} />;
  }
  return (
    <>
      {error ? <ErrorState title="Some figures could not be loaded." detail={error.message} onRetry={onRetry} /> : null}
      {hasAnyFigure(data.overview.kpis) ? (
        <OverviewDashboard data={data} regionCode={regionCode} />
      ) : (
        <EmptyState title={`No figures for ${year} yet`}>
          <p>
            Nothing was raised or reported between 1 January and {formatLongDate(data.overview.asOf)}. Choose another
            year, or import contributions and impact records.
          </p>
        </EmptyState>
      )}
    </>
  );
}

interface OverviewDashboardProps {
  data: OverviewPageOverviewQuery;
  regionCode?: string | null;
}

/** The dashboard itself, from the overview query's answer. */
export function OverviewDashboard({ data, regionCode = null }: OverviewDashboardProps) {
  const { overview, metricCatalog } = data;
  const periodText = `1 January to ${formatLongDate(overview.asOf)}`;
  return (
    <div className="overview__body">
      <OverviewKpis kpis={overview.kpis} catalog={metricCatalog} asOf={overview.asOf} />
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
      <ObjectivesProgress objectives={overview.objectives} catalog={metricCatalog} periodText={periodText} />
    </div>
  );
}
