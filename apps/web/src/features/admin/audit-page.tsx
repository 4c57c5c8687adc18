import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Badge } from '../../components/badge/badge';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { fetchAllPages } from '../../components/data-table/fetch-all-pages';
import { DateInput, SearchInput, type SelectOption, ToolbarSelect } from '../../components/data-table/toolbar';
import { oneOf, RegionFilter } from '../../components/data-table/toolbar-filters';
import { useCursorPagination } from '../../components/data-table/use-cursor-pagination';
import { useSearchParam } from '../../components/data-table/use-search-param';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { formatTimestamp } from '../../components/format/timestamp';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql';
import { AuditChanges } from './audit-changes';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, changesSummary } from './audit-model';
import './admin.css';

/** A page of the audit trail, newest first; entries have no ID of their own: the cursor names each row. */
export const AuditPage_AuditLog = graphql(`
  query AuditPage_AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          at
          userEmail
          action
          entity
          entityId
          regionCode
          before
          after
          changedFields
        }
      }
    }
  }
`);

type AuditLogAnswer = ResultOf<typeof AuditPage_AuditLog>['auditLog'];
export type AuditRow = AuditLogAnswer['edges'][number]['node'] & { cursor: string };
type AuditFilter = NonNullable<VariablesOf<typeof AuditPage_AuditLog>['filter']>;

/** The URL parameters of the audit page's filters. */
export const AUDIT_PARAMS = {
  user: 'user',
  region: 'region',
  entity: 'entity',
  action: 'action',
  from: 'from',
  to: 'to',
} as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NO_ROWS: AuditRow[] = [];

function rowsOf(connection: AuditLogAnswer): AuditRow[] {
  return connection.edges.map((edge) => ({ ...edge.node, cursor: edge.cursor }));
}

export interface AuditFilterValues {
  user: string | null;
  region: string | null;
  entity: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

/** The API's audit filter: only the conditions set (an unusable value in the URL is left out). */
export function auditFilter(values: AuditFilterValues): AuditFilter {
  const filter: AuditFilter = {};
  if (values.user) filter.userEmails = [values.user];
  if (values.region) filter.regionCodes = [values.region];
  const entity = oneOf(AUDIT_ENTITIES, values.entity);
  if (entity) filter.entities = [entity];
  const action = oneOf(AUDIT_ACTIONS, values.action);
  if (action) filter.actions = [action];
  if (values.from && ISO_DAY.test(values.from)) filter.from = values.from;
  if (values.to && ISO_DAY.test(values.to)) filter.to = values.to;
  return filter;
}

/** An entity's name in words: "FieldNeed" → "Field need"; one the dashboard does not know, as it is. */
function entityLabel(entity: string, t: Translate): string {
  const known = oneOf(AUDIT_ENTITIES, entity);
  return known ? t(`auditEntity.${known}`) : entity;
}

/** The columns of the audit table; CSV also gets the rows before and after, as JSON. */
function auditColumns(t: Translate): DataColumn<AuditRow>[] {
  const column = dataColumns<AuditRow>();
  return [
    column.text({
      id: 'at',
      header: t('audit.at'),
      value: (row) => row.at,
      sortable: false,
      rowHeader: true,
      cell: (row) => <time dateTime={row.at}>{formatTimestamp(row.at)}</time>,
    }),
    column.text({ id: 'userEmail', header: t('audit.who'), value: (row) => row.userEmail, sortable: false }),
    column.text({
      id: 'action',
      header: t('audit.action'),
      value: (row) => row.action,
      sortable: false,
      cell: (row) => t(`auditAction.${row.action}`),
    }),
    column.text({
      id: 'entity',
      header: t('audit.what'),
      value: (row) => row.entity,
      sortable: false,
      cell: (row) => (
        <>
          {entityLabel(row.entity, t)} <span className="audit-entity-id nowrap">#{row.entityId}</span>
        </>
      ),
    }),
    column.text({ id: 'entityId', header: t('audit.entityId'), value: (row) => row.entityId, csvOnly: true }),
    column.text({
      id: 'regionCode',
      header: t('columns.region'),
      value: (row) => row.regionCode,
      sortable: false,
      cell: (row) =>
        row.regionCode ? <Badge tone={row.regionCode === 'HQ' ? 'neutral' : 'accent'}>{row.regionCode}</Badge> : '—',
    }),
    column.text({
      id: 'changes',
      header: t('audit.changes'),
      value: (row) => changesSummary(row),
      sortable: false,
      wide: true,
      cell: (row) => <AuditChanges entry={row} />,
    }),
    column.text({
      id: 'changedFields',
      header: t('audit.changedFields'),
      value: (row) => row.changedFields.join(' '),
      csvOnly: true,
    }),
    column.text({ id: 'before', header: t('audit.before'), value: (row) => row.before, csvOnly: true }),
    column.text({ id: 'after', header: t('audit.after'), value: (row) => row.after, csvOnly: true }),
  ];
}

/**
 * `/audit` (ADMIN, LEADERSHIP): the audit trail, newest first, a page at a time from the server,
 * filtered by user, region, kind of thing, action and days (in the URL); each entry's changed
 * fields with their values before and after.
 */
export function AuditPage() {
  const t = useT();
  useDocumentTitle(t('audit.title'));
  const client = useClient();
  const [user, setUser] = useSearchParam(AUDIT_PARAMS.user);
  const [region, setRegion] = useSearchParam(AUDIT_PARAMS.region);
  const [entity, setEntity] = useSearchParam(AUDIT_PARAMS.entity);
  const [action, setAction] = useSearchParam(AUDIT_PARAMS.action);
  const [from, setFrom] = useSearchParam(AUDIT_PARAMS.from);
  const [to, setTo] = useSearchParam(AUDIT_PARAMS.to);
  const [, setParams] = useSearchParams();
  const columns = useMemo(() => auditColumns(t), [t]);

  const filter = useMemo(
    () => auditFilter({ user, region, entity, action, from, to }),
    [user, region, entity, action, from, to],
  );
  const pager = useCursorPagination(JSON.stringify(filter));
  const variables = { first: pager.first, after: pager.after, filter };
  const [result, reexecute] = useQuery({ query: AuditPage_AuditLog, variables });
  const connection = result.data?.auditLog;
  const rows = useMemo(() => (connection ? rowsOf(connection) : NO_ROWS), [connection]);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const entityOptions: SelectOption[] = AUDIT_ENTITIES.map((value) => ({ value, label: entityLabel(value, t) }));
  const actionOptions: SelectOption[] = AUDIT_ACTIONS.map((value) => ({ value, label: t(`auditAction.${value}`) }));
  const filtered = Object.keys(filter).length > 0;
  const clearFilters = () =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const name of Object.values(AUDIT_PARAMS)) next.delete(name);
      return next;
    });

  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('audit.title')}</h1>
        <p className="page__lead">
          {t('audit.lead')}
          {connection ? ` ${t('audit.total', { count: connection.totalCount })}` : null}
        </p>
      </header>
      {result.error ? <ErrorState title={t('audit.error')} detail={result.error.message} onRetry={retry} /> : null}
      <section className="card account-table audit-table" aria-busy={result.fetching}>
        <DataTable
          caption={t('audit.title')}
          captionHidden
          columns={columns}
          data={rows}
          getRowId={(row) => row.cursor}
          server={{
            sorting: [],
            onSortingChange: () => {},
            pagination: pager.pagination,
            onPaginationChange: (next) => pager.changePage(next, connection?.pageInfo.endCursor),
            rowCount: connection?.totalCount ?? 0,
            hasNextPage: connection?.pageInfo.hasNextPage ?? false,
            fetchAllRows: (onProgress) =>
              fetchAllPages({
                client,
                query: AuditPage_AuditLog,
                variables,
                connection: (data) => ({ ...data.auditLog, nodes: rowsOf(data.auditLog) }),
                onProgress,
              }),
          }}
          loading={result.fetching}
          loadingLabel={t('audit.loading')}
          emptyTitle={filtered ? t('audit.noMatch') : t('audit.empty')}
          empty={
            filtered ? (
              <button type="button" className="button" onClick={clearFilters}>
                {t('audit.clear')}
              </button>
            ) : (
              <p>{t('audit.emptyBody')}</p>
            )
          }
          toolbar={
            <>
              <SearchInput
                label={t('audit.user')}
                value={user ?? ''}
                placeholder={t('audit.userPlaceholder')}
                onChange={(value) => setUser(value || null, { replace: true })}
              />
              <RegionFilter value={region} onChange={setRegion} />
              <ToolbarSelect
                label={t('audit.entity')}
                value={oneOf(AUDIT_ENTITIES, entity)}
                options={entityOptions}
                onChange={setEntity}
                allLabel={t('audit.allEntities')}
              />
              <ToolbarSelect
                label={t('audit.action')}
                value={oneOf(AUDIT_ACTIONS, action)}
                options={actionOptions}
                onChange={setAction}
                allLabel={t('audit.allActions')}
              />
              <DateInput
                label={t('audit.from')}
                value={filter.from ?? ''}
                max={filter.to ?? undefined}
                onChange={(day) => setFrom(day || null)}
              />
              <DateInput
                label={t('audit.to')}
                value={filter.to ?? ''}
                min={filter.from ?? undefined}
                onChange={(day) => setTo(day || null)}
              />
            </>
          }
          toolbarLabel={t('audit.toolbar')}
          csvFileName="audit-trail"
        />
      </section>
    </article>
  );
}
