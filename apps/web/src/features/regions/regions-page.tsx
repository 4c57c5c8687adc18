import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate } from '../../components/data-table/cell-format';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { ErrorState, LoadingState } from '../../components/query-state/query-state';
import { metricLabel } from '../../i18n/catalog-labels';
import { useLanguage, useT } from '../../i18n/language-provider';
import { translate } from '../../i18n/translate';
import { useFilters } from '../../lib/filters';
import { graphql } from '../../lib/graphql';
import { MetricSelect, MetricSelect_MetricDefinition } from './metric-select';
import { compareRegions, laterDay, periodEnd } from './region-comparison';
import { RegionsChart } from './regions-chart';
import { type ComparedMetric, RegionsTable } from './regions-table';
import './regions.css';

/** The URL parameter of the metric compared: `?metric=ACTIVE_PARTNERS`. */
export const METRIC_PARAM = 'metric';
export const DEFAULT_METRIC = 'REVENUE_USD';

/** The metrics one may compare: what the select shows, and what the comparison needs of the one chosen. */
export const RegionsPage_MetricCatalog = graphql(
  `
    query RegionsPage_MetricCatalog {
      metricCatalog {
        code
        label
        unit
        additive
        ...MetricSelect_MetricDefinition
      }
    }
  `,
  [MetricSelect_MetricDefinition],
);

/** The last day of the year with data, as `overview` defaults its `asOf`: the latest gift or record. */
export const RegionsPage_LastDay = graphql(`
  query RegionsPage_LastDay($from: Date!, $to: Date!) {
    contributions(first: 1, filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }) {
      nodes {
        id
        date
      }
    }
    impactRecords(first: 1, filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }) {
      nodes {
        id
        date
      }
    }
  }
`);

/** Every region's figures for one metric, against the year before and its target, and the total of all. */
export const RegionsPage_Comparison = graphql(`
  query RegionsPage_Comparison($metric: MetricCode!, $from: Date!, $to: Date!, $asOf: Date) {
    metrics(
      metrics: [$metric]
      from: $from
      to: $to
      asOf: $asOf
      groupBy: [REGION]
      compare: [PREVIOUS_YEAR, TARGET]
    ) {
      rows {
        region {
          id
          code
          name
          city
        }
        values {
          value
          previous
          change
          target
          attainment
          status
        }
      }
      total {
        values {
          value
        }
      }
    }
  }
`);

/** What the figures cover, in words and in the language shown. */
export function periodNote(year: number, to: string): string {
  const previousYear = year - 1;
  if (to === `${year}-12-31`) return translate('regions.periodWhole', { year, previousYear });
  return translate('regions.periodToDate', { date: formatDate(to), previousYear });
}

/** All bureaux side by side for one metric of the catalog: a chart and a sortable table. */
export function RegionsPage() {
  const t = useT();
  const [language] = useLanguage();
  useDocumentTitle(t('nav.regions'));
  const [{ year, asOf }] = useFilters();
  const [params, setParams] = useSearchParams();
  const metricCode = params.get(METRIC_PARAM) ?? DEFAULT_METRIC;
  const setMetric = useCallback(
    (code: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (code === DEFAULT_METRIC) next.delete(METRIC_PARAM);
        else next.set(METRIC_PARAM, code);
        return next;
      }),
    [setParams],
  );

  const [catalog, reexecuteCatalog] = useQuery({ query: RegionsPage_MetricCatalog });
  const yearRange = { from: `${year}-01-01`, to: `${year}-12-31` };
  const [lastDay, reexecuteLastDay] = useQuery({ query: RegionsPage_LastDay, variables: yearRange, pause: !!asOf });
  const lastDayWithData = laterDay(
    lastDay.data?.contributions.nodes[0]?.date,
    lastDay.data?.impactRecords.nodes[0]?.date,
  );
  const lastDayKnown = !!asOf || lastDay.data !== undefined;
  const to = periodEnd(year, asOf, lastDayWithData);

  const metric = catalog.data?.metricCatalog.find((item) => item.code === metricCode);
  const [comparison, reexecuteComparison] = useQuery({
    query: RegionsPage_Comparison,
    variables: { metric: metric?.code ?? DEFAULT_METRIC, from: yearRange.from, to, asOf },
    pause: !metric || !lastDayKnown,
  });
  const retry = useCallback(() => {
    for (const reexecute of [reexecuteCatalog, reexecuteLastDay, reexecuteComparison]) {
      reexecute({ requestPolicy: 'network-only' });
    }
  }, [reexecuteCatalog, reexecuteLastDay, reexecuteComparison]);

  const metricsResult = comparison.data?.metrics;
  const rows = useMemo(
    () =>
      metricsResult && metric
        ? compareRegions(metricsResult.rows, metricsResult.total.values[0]?.value, metric.additive)
        : [],
    [metricsResult, metric],
  );
  const compared: ComparedMetric | undefined = useMemo(
    () =>
      metric && {
        code: metric.code,
        label: metricLabel(metric, language),
        unit: metric.unit,
        additive: metric.additive,
      },
    [metric, language],
  );
  const error = catalog.error ?? lastDay.error ?? comparison.error;
  const unknownMetric = catalog.data && !metric;

  return (
    <article className="page regions-page">
      <header className="page__header">
        <h1>{t('nav.regions')}</h1>
        <p className="page__lead">{t('regions.lead', { year })}</p>
      </header>
      {error ? <ErrorState title={t('regions.error')} detail={error.message} onRetry={retry} /> : null}
      {unknownMetric ? (
        <ErrorState title={t('regions.unknownMetric', { code: metricCode })} detail={t('regions.unknownMetricHelp')} />
      ) : null}
      {catalog.data ? (
        <div className="card card--padded regions-controls">
          <MetricSelect metrics={catalog.data.metricCatalog} value={metric ? metricCode : ''} onChange={setMetric} />
        </div>
      ) : catalog.fetching ? (
        <LoadingState label={t('regions.loading')} lines={1} />
      ) : null}
      {compared ? (
        <>
          <section className="card card--padded regions-chart" aria-labelledby="regions-chart-title">
            <h2 id="regions-chart-title">
              {t('regions.chartTitle', { label: compared.label, previousYear: year - 1 })}
            </h2>
            {rows.length > 0 ? (
              <RegionsChart rows={rows} metric={compared} year={year} />
            ) : comparison.fetching || !lastDayKnown ? (
              <LoadingState label={t('regions.chartLoading')} lines={4} />
            ) : null}
          </section>
          <section className="card" aria-busy={comparison.fetching}>
            <RegionsTable
              rows={rows}
              metric={compared}
              year={year}
              note={periodNote(year, to)}
              loading={comparison.fetching || !lastDayKnown}
            />
          </section>
        </>
      ) : null}
    </article>
  );
}
