import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { formatDate } from '../../components/data-table/cell-format';
import { DataTable } from '../../components/data-table/data-table';
import { fetchAllPages } from '../../components/data-table/fetch-all-pages';
import { orderOf, type ServerOrder, sortingOf } from '../../components/data-table/server-order';
import { DateInput } from '../../components/data-table/toolbar';
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  ContributionKindFilter,
  INCOME_STREAMS,
  type IncomeStream,
  IncomeStreamFilter,
  oneOf,
  RegionFilter,
} from '../../components/data-table/toolbar-filters';
import { useCursorPagination } from '../../components/data-table/use-cursor-pagination';
import { useSearchParam } from '../../components/data-table/use-search-param';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { formatUsd } from '../../components/format/number';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { useFilters } from '../../lib/filters';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql';
import {
  CONTRIBUTION_ORDER_FIELDS,
  ContributionColumns_Contribution,
  type ContributionNode,
  type ContributionOrderField,
  contributionColumns,
} from './contribution-columns';
import { CONTRIBUTION_PARAMS, contributionRange } from './contribution-range';

const DEFAULT_ORDER: ServerOrder<ContributionOrderField> = { field: 'DATE', direction: 'DESC' };
const NO_CONTRIBUTIONS: ContributionNode[] = [];

export const ContributionsPage_Contributions = graphql(
  `
    query ContributionsPage_Contributions(
      $first: Int!
      $after: String
      $filter: ContributionFilter
      $orderBy: ContributionOrder
    ) {
      contributions(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ContributionColumns_Contribution
        }
      }
    }
  `,
  [ContributionColumns_Contribution],
);

/** The API's `ContributionFilter`, as the page sends it. */
export type ContributionFilterInput = NonNullable<VariablesOf<typeof ContributionsPage_Contributions>['filter']>;

/** The amount of every contribution that matches (computed in SQL), for the line above the table. */
export const ContributionsPage_Total = graphql(`
  query ContributionsPage_Total($from: Date!, $to: Date!, $filter: MetricsFilter) {
    metrics(metrics: [REVENUE_USD], from: $from, to: $to, filter: $filter) {
      total {
        values {
          value
        }
      }
    }
  }
`);

/** The API's contribution filter: the date range, then only the conditions set. */
export function contributionFilter(
  range: { from: string; to: string },
  regionCode: string | null,
  incomeStream: IncomeStream | null,
  kind: ContributionKind | null,
): ContributionFilterInput {
  const filter: ContributionFilterInput = { dateFrom: range.from, dateTo: range.to };
  if (regionCode) filter.regionCodes = [regionCode];
  if (incomeStream) filter.incomeStreams = [incomeStream];
  if (kind) filter.kinds = [kind];
  return filter;
}

/** Every gift and payment, a page at a time, filtered by region, stream, kind and dates. */
export function ContributionsPage() {
  const t = useT();
  useDocumentTitle(t('nav.contributions'));
  const columns = useMemo(() => contributionColumns({}, t), [t]);
  const client = useClient();
  const [{ year, asOf, regionCode, incomeStream: streamParam }, setFilters] = useFilters();
  const incomeStream = oneOf(INCOME_STREAMS, streamParam);
  const [kindParam, setKind] = useSearchParam(CONTRIBUTION_PARAMS.kind);
  const kind = oneOf(CONTRIBUTION_KINDS, kindParam);
  const [fromParam, setFrom] = useSearchParam(CONTRIBUTION_PARAMS.from);
  const [toParam, setTo] = useSearchParam(CONTRIBUTION_PARAMS.to);
  const range = contributionRange(year, asOf, fromParam, toParam);
  const [order, setOrder] = useState(DEFAULT_ORDER);

  const filter = useMemo(
    () => contributionFilter(range, regionCode, incomeStream, kind),
    [range.from, range.to, regionCode, incomeStream, kind],
  );
  const pager = useCursorPagination(JSON.stringify([filter, order]));
  const variables: VariablesOf<typeof ContributionsPage_Contributions> = {
    first: pager.first,
    after: pager.after,
    filter,
    orderBy: order,
  };
  const [result, reexecute] = useQuery({ query: ContributionsPage_Contributions, variables });
  const connection = result.data?.contributions;
  const nodes = useMemo(
    () => (connection ? readFragment(ContributionColumns_Contribution, connection.nodes) : NO_CONTRIBUTIONS),
    [connection],
  );

  const [total, reexecuteTotal] = useQuery({
    query: ContributionsPage_Total,
    variables: {
      from: range.from,
      to: range.to,
      filter: {
        ...(filter.regionCodes ? { regionCodes: filter.regionCodes } : {}),
        ...(filter.incomeStreams ? { incomeStreams: filter.incomeStreams } : {}),
        ...(kind ? { kind } : {}),
      },
    },
  });
  const totalAmount = total.data?.metrics.total.values[0]?.value;
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteTotal({ requestPolicy: 'network-only' });
  }, [reexecute, reexecuteTotal]);

  const filtered = range.narrowed || !!regionCode || !!incomeStream || !!kind;
  const clearFilters = () => {
    setFilters({ regionCode: null, incomeStream: null });
    setKind(null);
    setFrom(null);
    setTo(null);
  };

  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('nav.contributions')}</h1>
        <p className="page__lead">
          {t('contributions.lead', { from: formatDate(range.from), to: formatDate(range.to) })}
          {connection && totalAmount !== undefined
            ? ` ${t('contributions.total', { count: connection.totalCount, amount: formatUsd(totalAmount) })}`
            : null}
        </p>
      </header>
      {result.error ? (
        <ErrorState title={t('contributions.error')} detail={result.error.message} onRetry={retry} />
      ) : null}
      <section className="card" aria-busy={result.fetching}>
        <DataTable
          caption={t('nav.contributions')}
          captionHidden
          columns={columns}
          data={nodes}
          getRowId={(row) => row.id}
          server={{
            sorting: sortingOf(order, CONTRIBUTION_ORDER_FIELDS),
            onSortingChange: (sorting) => setOrder(orderOf(sorting, CONTRIBUTION_ORDER_FIELDS, DEFAULT_ORDER)),
            pagination: pager.pagination,
            onPaginationChange: (next) => pager.changePage(next, connection?.pageInfo.endCursor),
            rowCount: connection?.totalCount ?? 0,
            hasNextPage: connection?.pageInfo.hasNextPage ?? false,
            fetchAllRows: (onProgress) =>
              fetchAllPages({
                client,
                query: ContributionsPage_Contributions,
                variables,
                connection: (data) => data.contributions,
                toRows: (page) => readFragment(ContributionColumns_Contribution, page),
                onProgress,
              }),
          }}
          loading={result.fetching}
          loadingLabel={t('contributions.loading')}
          emptyTitle={filtered ? t('contributions.noMatch') : t('contributions.empty', { year })}
          empty={
            filtered ? (
              <button type="button" className="button" onClick={clearFilters}>
                {t('contributions.clear')}
              </button>
            ) : (
              <p>{t('contributions.emptyBody')}</p>
            )
          }
          toolbar={
            <>
              <RegionFilter value={regionCode} onChange={(value) => setFilters({ regionCode: value })} />
              <IncomeStreamFilter value={incomeStream} onChange={(value) => setFilters({ incomeStream: value })} />
              <ContributionKindFilter value={kind} onChange={setKind} />
              <DateInput
                label={t('contributions.from')}
                value={range.from}
                min={range.min}
                max={range.to}
                onChange={(day) => setFrom(day && day !== range.min ? day : null)}
              />
              <DateInput
                label={t('contributions.to')}
                value={range.to}
                min={range.from}
                max={range.max}
                onChange={(day) => setTo(day || null)}
              />
            </>
          }
          toolbarLabel={t('contributions.toolbar')}
          csvFileName={`contributions-${range.from}-to-${range.to}`}
        />
      </section>
    </article>
  );
}
