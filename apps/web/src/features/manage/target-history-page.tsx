import { type ReactNode, useCallback, useId } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { MISSING_VALUE } from '../../components/format/number';
import { formatMetricValueFull } from '../../components/kpi-card/metric-format';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import type { ResultOf } from '../../lib/graphql';
import { formatDateTime } from './format-time';
import { manageRegionPath } from './manage-paths';
import { TargetHistory_Query } from './target-documents';
import { periodLabel, scopeLabel, unitOf } from './targets-model';
import './manage.css';

type TargetHistoryAnswer = ResultOf<typeof TargetHistory_Query>;
type HistoryNode = NonNullable<TargetHistoryAnswer['node']>;
type HistoryTarget = Extract<HistoryNode, { __typename: 'Target' }>;

/**
 * A target's history (route `targets/:id`): every value it has had, newest first, with the value
 * each replaced, who set it and when. Anyone who reads targets reads their history.
 */
export function TargetHistoryPage() {
  const t = useT();
  const id = useParams().id ?? '';
  const [result, reexecute] = useQuery({ query: TargetHistory_Query, variables: { id } });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const node = result.data?.node;
  const target = node?.__typename === 'Target' ? (node as HistoryTarget) : null;
  const catalog = result.data?.metricCatalog ?? [];
  const metric = target ? catalog.find((candidate) => candidate.code === target.metricCode) : undefined;
  const metricName = metric ? metricLabel(metric) : (target?.metricCode ?? '');
  useDocumentTitle(target ? t('manage.history.documentTitle', { metric: metricName }) : t('manage.history.title'));

  let content: ReactNode;
  // An address that holds no ID at all is a target that does not exist, not a failure.
  const badId = result.error?.graphQLErrors.some((error) => error.extensions?.code === 'BAD_USER_INPUT');
  if (!result.data && !badId) {
    content =
      result.error && !result.fetching ? (
        <ErrorState title={t('manage.history.error')} detail={result.error.message} onRetry={retry} />
      ) : (
        <LoadingState label={t('manage.history.loading')} lines={4} />
      );
  } else if (!target) {
    content = (
      <EmptyState title={t('manage.history.notFound')}>
        <p>{t('manage.history.notFoundBody')}</p>
      </EmptyState>
    );
  } else {
    content = <TargetVersions target={target} unit={unitOf(catalog, target.metricCode)} />;
  }

  const regionCode = target ? (target.region?.code ?? target.country?.region.code ?? null) : null;
  return (
    <article className="page manage">
      <header className="page__header">
        {regionCode ? (
          <p className="manage__back">
            <Link to={manageRegionPath(regionCode, { section: 'targets', targetYear: target?.year })}>
              {t('manage.history.back', { code: regionCode })}
            </Link>
          </p>
        ) : null}
        <p className="manage__eyebrow">{t('manage.history.title')}</p>
        <h1>{target ? metricName : t('manage.history.title')}</h1>
        {target ? (
          <p className="page__lead">
            {scopeLabel(target, t)} · {periodLabel(target.year, target.quarter, t)} ·{' '}
            {t('manage.history.current', {
              value: formatMetricValueFull(target.value, unitOf(catalog, target.metricCode)),
              version: target.version,
            })}
          </p>
        ) : null}
      </header>
      <div aria-busy={result.fetching || undefined}>{content}</div>
    </article>
  );
}

/** The versions of a target, newest first. */
function TargetVersions({ target, unit }: { target: HistoryTarget; unit: ReturnType<typeof unitOf> }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="card manage-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.history.versions')}</h2>
      <div className="table-scroll">
        <table className="data-table manage-table">
          <caption className="visually-hidden">{t('manage.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('manage.targets.version')}
              </th>
              <th scope="col" className="numeric">
                {t('manage.targets.value')}
              </th>
              <th scope="col" className="numeric">
                {t('manage.history.previousValue')}
              </th>
              <th scope="col">{t('manage.targets.setBy')}</th>
              <th scope="col">{t('manage.targets.setAt')}</th>
            </tr>
          </thead>
          <tbody>
            {target.versions.map((version) => (
              <tr key={version.version}>
                <th scope="row" className="numeric">
                  {version.version}
                </th>
                <td className="numeric">{formatMetricValueFull(version.value, unit)}</td>
                <td className="numeric">
                  {version.previousValue === null ? (
                    <>
                      <span aria-hidden="true">{MISSING_VALUE}</span>
                      <span className="visually-hidden">{t('manage.history.firstValue')}</span>
                    </>
                  ) : (
                    formatMetricValueFull(version.previousValue, unit)
                  )}
                </td>
                <td>{version.setBy}</td>
                <td>
                  <time dateTime={version.setAt}>{formatDateTime(version.setAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
