import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { useFilters } from '../../lib/filters';
import { graphql, type ResultOf } from '../../lib/graphql';
import { mayWriteRegion, type Viewer } from './access';
import { FieldNeedsSection } from './field-needs-section';
import { MANAGE_SECTIONS, type ManageSection, parseSection } from './manage-paths';
import { PipelineSection } from './pipeline-section';
import { StoriesSection } from './stories-section';
import { targetYear } from './targets-model';
import { TargetsSection } from './targets-section';
import './manage.css';

/** Who is asking, the region and what its forms need: its country offices, the strategy's years, the catalog. */
export const ManageRegionPage_Query = graphql(`
  query ManageRegionPage($code: String!) {
    me {
      id
      role
      region {
        code
      }
    }
    region(code: $code) {
      id
      code
      name
      countries {
        iso3
        name
      }
    }
    strategyPeriod {
      firstYear
      lastYear
    }
    metricCatalog {
      code
      label
      unit
    }
  }
`);

export type ManageRegionAnswer = ResultOf<typeof ManageRegionPage_Query>;

const SECTION_LABELS = {
  targets: 'manage.section.targets',
  stories: 'manage.section.stories',
  pipeline: 'manage.section.pipeline',
  needs: 'manage.section.needs',
} as const satisfies Record<ManageSection, string>;

/**
 * Where a region's data is changed (route `regions/:code/manage`): its targets, stories from the
 * field, pipeline and field needs, one section at a time (`?section=`). Administrators and the
 * region's own team see the forms; everyone else reads the same data and is told who edits it.
 */
export function ManageRegionPage() {
  const t = useT();
  const code = (useParams().code ?? '').trim().toUpperCase();
  useDocumentTitle(t('manage.documentTitle', { code }));
  const [result, reexecute] = useQuery({ query: ManageRegionPage_Query, variables: { code } });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const data = result.data?.region?.code === code || result.data?.region === null ? result.data : undefined;

  if (!data) {
    return (
      <article className="page manage">
        <ManageHeader code={code} name={null} />
        {result.error && !result.fetching ? (
          <ErrorState title={t('manage.error')} detail={result.error.message} onRetry={retry} />
        ) : (
          <LoadingState label={t('manage.loading')} lines={8} />
        )}
      </article>
    );
  }
  if (!data.region) {
    return (
      <article className="page manage">
        <ManageHeader code={code} name={null} />
        <EmptyState title={t('manage.notFound', { code })}>
          <p>
            <Link to="/regions">{t('manage.notFoundLink')}</Link>
          </p>
        </EmptyState>
      </article>
    );
  }
  return <ManageRegion data={{ ...data, region: data.region }} />;
}

interface ManageRegionProps {
  data: ManageRegionAnswer & { region: NonNullable<ManageRegionAnswer['region']> };
}

/** The page of a region that exists: who may write, the sections' tabs, the section chosen. */
export function ManageRegion({ data }: ManageRegionProps) {
  const t = useT();
  const { region, me, strategyPeriod, metricCatalog } = data;
  const [params, setParams] = useSearchParams();
  const [filters] = useFilters();
  const section = parseSection(params.get('section'));
  const year = targetYear(params.get('targetYear'), filters.year, strategyPeriod);
  const canWrite = mayWriteRegion(me, region.code);
  const onYearChange = useCallback(
    (next: number) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('targetYear', String(next));
        return updated;
      }),
    [setParams],
  );

  function sectionSearch(next: ManageSection): string {
    const updated = new URLSearchParams(params);
    if (next === 'targets') updated.delete('section');
    else updated.set('section', next);
    const search = updated.toString();
    return search ? `?${search}` : '';
  }

  return (
    <article className="page manage">
      <ManageHeader code={region.code} name={region.name} />
      <AccessNotice viewer={me} regionCode={region.code} canWrite={canWrite} />
      <nav className="manage-tabs" aria-label={t('manage.sections')}>
        <ul>
          {MANAGE_SECTIONS.map((option) => (
            <li key={option}>
              <Link
                to={{ search: sectionSearch(option) }}
                className="manage-tabs__link"
                aria-current={option === section ? 'page' : undefined}
              >
                {t(SECTION_LABELS[option])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'targets' ? (
        <TargetsSection
          regionCode={region.code}
          countries={region.countries}
          catalog={metricCatalog}
          period={strategyPeriod}
          year={year}
          onYearChange={onYearChange}
          canWrite={canWrite}
        />
      ) : null}
      {section === 'stories' ? (
        <StoriesSection regionCode={region.code} countries={region.countries} canWrite={canWrite} />
      ) : null}
      {section === 'pipeline' ? <PipelineSection regionCode={region.code} canWrite={canWrite} /> : null}
      {section === 'needs' ? (
        <FieldNeedsSection regionCode={region.code} countries={region.countries} canWrite={canWrite} />
      ) : null}
    </article>
  );
}

/** The page's title block, with the way back to the region's panorama. */
function ManageHeader({ code, name }: { code: string; name: string | null }) {
  const t = useT();
  const [params] = useSearchParams();
  // The panorama keeps the filters that travel (year, as-of day); the page's own parameters stay here.
  const back = new URLSearchParams(params);
  back.delete('section');
  back.delete('targetYear');
  const search = back.toString();
  return (
    <header className="page__header manage-header">
      <p className="manage__back">
        <Link to={`/regions/${encodeURIComponent(code)}${search ? `?${search}` : ''}`}>
          {t('manage.backToPanorama', { code })}
        </Link>
      </p>
      <p className="manage__eyebrow">{t('manage.eyebrow', { code })}</p>
      <h1>{name ?? code}</h1>
      <p className="page__lead">{t('manage.lead')}</p>
    </header>
  );
}

interface AccessNoticeProps {
  viewer: Viewer | null;
  regionCode: string;
  canWrite: boolean;
}

/** Says whether the reader may change the region's data, and if not, who may. */
export function AccessNotice({ viewer, regionCode, canWrite }: AccessNoticeProps) {
  const t = useT();
  if (canWrite) {
    return (
      <p className="manage-access manage-access--writer">
        {viewer?.role === 'ADMIN' ? t('manage.access.admin') : t('manage.access.regional', { code: regionCode })}
      </p>
    );
  }
  let reason: string;
  if (!viewer) reason = t('manage.access.signedOut', { code: regionCode });
  else if (viewer.role === 'REGIONAL' && viewer.region)
    reason = t('manage.access.otherRegion', { code: regionCode, yours: viewer.region.code });
  else reason = t('manage.access.readOnlyRole', { code: regionCode, role: roleName(viewer.role, t) });
  return (
    <div className="manage-access manage-access--reader" role="note" aria-label={t('manage.access.readOnly')}>
      <p className="manage-access__title">{t('manage.access.readOnly')}</p>
      <p>{reason}</p>
    </div>
  );
}

function roleName(role: string, t: ReturnType<typeof useT>): string {
  switch (role) {
    case 'ADMIN':
      return t('manage.role.ADMIN');
    case 'LEADERSHIP':
      return t('manage.role.LEADERSHIP');
    case 'ANALYST':
      return t('manage.role.ANALYST');
    case 'REGIONAL':
      return t('manage.role.REGIONAL');
    default:
      return role;
  }
}
