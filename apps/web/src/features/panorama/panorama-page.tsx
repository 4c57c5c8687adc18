import { useCallback } from 'react';
import { useParams } from 'react-router';
import { type CombinedError, useQuery } from 'urql';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { periodText } from '../../components/format/date';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { useFilters } from '../../lib/filters';
import { graphql, type ResultOf } from '../../lib/graphql';
import {
  PanoramaIncomeStreams,
  PanoramaIncomeStreams_Panorama,
  PanoramaTrend,
  PanoramaTrend_Panorama,
} from './panorama-charts';
import { PanoramaCountries, PanoramaCountries_Panorama } from './panorama-countries';
import { PanoramaFieldNeeds, PanoramaFieldNeeds_Panorama } from './panorama-field-needs';
import { PanoramaHeader, PanoramaHeader_Panorama } from './panorama-header';
import { PanoramaKpis, PanoramaKpis_Panorama } from './panorama-kpis';
import { hasAnyFigure, isUnknownRegion } from './panorama-model';
import { PanoramaNotFound } from './panorama-not-found';
import { PanoramaObjectives, PanoramaObjectives_Panorama } from './panorama-objectives';
import { PanoramaPartners, PanoramaPartners_Panorama } from './panorama-partners';
import { PanoramaPipeline, PanoramaPipeline_Panorama } from './panorama-pipeline';
import { PanoramaStories, PanoramaStories_Panorama } from './panorama-stories';
import './panorama.css';
import './panorama-sections.css';
import './panorama-print.css';

/**
 * The whole panorama in one request: each section asks for its fields in its own file; the page
 * reads which region and year answered, the day, and whether the year has any figure.
 */
export const PanoramaPage_Panorama = graphql(
  `
    query PanoramaPage_Panorama($regionCode: String!, $year: Int!, $asOf: Date) {
      panorama(regionCode: $regionCode, year: $year, asOf: $asOf) {
        year
        asOf
        region {
          id
          code
        }
        kpis {
          metric
          value
        }
        ...PanoramaHeader_Panorama
        ...PanoramaKpis_Panorama
        ...PanoramaObjectives_Panorama
        ...PanoramaTrend_Panorama
        ...PanoramaIncomeStreams_Panorama
        ...PanoramaCountries_Panorama
        ...PanoramaPartners_Panorama
        ...PanoramaPipeline_Panorama
        ...PanoramaFieldNeeds_Panorama
        ...PanoramaStories_Panorama
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
    PanoramaHeader_Panorama,
    PanoramaKpis_Panorama,
    PanoramaObjectives_Panorama,
    PanoramaTrend_Panorama,
    PanoramaIncomeStreams_Panorama,
    PanoramaCountries_Panorama,
    PanoramaPartners_Panorama,
    PanoramaPipeline_Panorama,
    PanoramaFieldNeeds_Panorama,
    PanoramaStories_Panorama,
  ],
);

/** The panorama query's answer. */
export type PanoramaAnswer = ResultOf<typeof PanoramaPage_Panorama>;

/**
 * A region's panorama, for its team and for a printed brief: the region against its targets and
 * against the other regions, objective by objective, month by month, country by country, with
 * its partners, pipeline, field needs and stories. Year and as-of day come from the URL.
 */
export function PanoramaPage() {
  const params = useParams();
  const code = (params.code ?? '').trim().toUpperCase();
  const t = useT();
  useDocumentTitle(t('panorama.documentTitle', { code }));
  const [filters, setFilters] = useFilters();
  const [result, reexecuteQuery] = useQuery({
    query: PanoramaPage_Panorama,
    variables: { regionCode: code, year: filters.year, asOf: filters.asOf },
  });
  const retry = useCallback(() => reexecuteQuery({ requestPolicy: 'network-only' }), [reexecuteQuery]);
  const onAsOfChange = useCallback((asOf: string | null) => setFilters({ asOf }), [setFilters]);

  if (isUnknownRegion(result.error)) return <PanoramaNotFound code={code} />;
  // While another region or year loads, the previous answer is not shown as if it were this one.
  const matches = result.data?.panorama.region.code === code && result.data.panorama.year === filters.year;
  const data = matches ? result.data : undefined;
  return (
    <article className="page panorama">
      <PanoramaHeader
        code={code}
        year={filters.year}
        chosenAsOf={filters.asOf}
        onAsOfChange={onAsOfChange}
        panorama={data?.panorama}
      />
      <div className="panorama__body" aria-busy={result.fetching}>
        <PanoramaContent data={data} error={result.error} fetching={result.fetching} onRetry={retry} />
      </div>
    </article>
  );
}

interface PanoramaContentProps {
  /** The answer: undefined while it loads, null when the API answered no data (an error says why). */
  data: PanoramaAnswer | null | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  onRetry: () => void;
}

/** Loading, failed, empty, or the panorama; a partial error shows above what did load. */
export function PanoramaContent({ data, error, fetching, onRetry }: PanoramaContentProps) {
  const t = useT();
  if (!data) {
    if (error && !fetching) {
      return <ErrorState title={t('panorama.error')} detail={error.message} onRetry={onRetry} />;
    }
    return <LoadingState label={t('panorama.loading')} lines={8} />;
  }
  const { panorama } = data;
  return (
    <>
      {error ? <ErrorState title={t('common.partialError')} detail={error.message} onRetry={onRetry} /> : null}
      {hasAnyFigure(panorama.kpis) ? (
        <PanoramaDashboard data={data} />
      ) : (
        <>
          <EmptyState title={t('panorama.emptyTitle', { code: panorama.region.code, year: panorama.year })}>
            <p>{t('panorama.emptyBody', { period: periodText(panorama.asOf) })}</p>
          </EmptyState>
          <PanoramaFieldNeeds panorama={panorama} />
          <PanoramaStories panorama={panorama} />
        </>
      )}
    </>
  );
}

/** The panorama itself, from the query's answer. */
export function PanoramaDashboard({ data }: { data: PanoramaAnswer }) {
  const { panorama, metricCatalog } = data;
  return (
    <>
      <PanoramaKpis panorama={panorama} catalog={metricCatalog} />
      <PanoramaTrend panorama={panorama} />
      <div className="panorama-grid">
        <PanoramaIncomeStreams panorama={panorama} />
        <PanoramaPipeline panorama={panorama} />
      </div>
      <PanoramaObjectives panorama={panorama} catalog={metricCatalog} />
      <PanoramaCountries panorama={panorama} />
      <PanoramaPartners panorama={panorama} />
      <PanoramaFieldNeeds panorama={panorama} />
      <PanoramaStories panorama={panorama} />
    </>
  );
}
