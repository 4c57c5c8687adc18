import { useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { formatDate } from '../../components/data-table/cell-format';
import { DataTable } from '../../components/data-table/data-table';
import { fetchAllPages } from '../../components/data-table/fetch-all-pages';
import { orderOf, type ServerOrder, sortingOf } from '../../components/data-table/server-order';
import { SearchInput } from '../../components/data-table/toolbar';
import {
  oneOf,
  PARTNER_TYPES,
  type PartnerType,
  PartnerTypeFilter,
  RegionFilter,
} from '../../components/data-table/toolbar-filters';
import { useCursorPagination } from '../../components/data-table/use-cursor-pagination';
import { useSearchParam } from '../../components/data-table/use-search-param';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { useFilters } from '../../lib/filters';
import { graphql, type ResultOf, readFragment, type VariablesOf } from '../../lib/graphql';
import {
  PARTNER_ORDER_FIELDS,
  PartnerColumns_Partner,
  type PartnerNode,
  partnerColumns,
  partnerPath,
  withRevenue,
} from './partners-columns';

/** The URL parameter of the name search: `?q=acme`. */
export const SEARCH_PARAM = 'q';

type PartnerOrderField = (typeof PARTNER_ORDER_FIELDS)[keyof typeof PARTNER_ORDER_FIELDS];
const DEFAULT_ORDER: ServerOrder<PartnerOrderField> = { field: 'NAME', direction: 'ASC' };
const NO_PARTNERS: PartnerNode[] = [];

export const PartnersPage_Partners = graphql(
  `
    query PartnersPage_Partners($first: Int!, $after: String, $filter: PartnerFilter, $orderBy: PartnerOrder) {
      partners(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PartnerColumns_Partner
        }
      }
    }
  `,
  [PartnerColumns_Partner],
);

/** The API's `PartnerFilter`, as the page sends it. */
type PartnerFilterInput = NonNullable<VariablesOf<typeof PartnersPage_Partners>['filter']>;

/** The revenue of one page of partners: one query for the page, grouped by partner. */
export const PartnersPage_Revenue = graphql(`
  query PartnersPage_Revenue($partnerIds: [ID!]!, $from: Date!, $to: Date!) {
    metrics(metrics: [REVENUE_USD], from: $from, to: $to, groupBy: [PARTNER], filter: { partnerIds: $partnerIds }) {
      rows {
        partner {
          id
        }
        values {
          value
        }
      }
    }
  }
`);

const NO_REVENUE: ResultOf<typeof PartnersPage_Revenue>['metrics']['rows'] = [];

/** The partner filter of the API: only the conditions set. */
export function partnerFilter(
  search: string | null,
  regionCode: string | null,
  partnerType: PartnerType | null,
): PartnerFilterInput {
  const filter: PartnerFilterInput = {};
  if (search) filter.search = search;
  if (regionCode) filter.regionCodes = [regionCode];
  if (partnerType) filter.partnerTypes = [partnerType];
  return filter;
}

/** Every partner, a page at a time: searchable by name, filtered by type and bureau, with the year's revenue. */
export function PartnersPage() {
  const t = useT();
  useDocumentTitle(t('nav.partners'));
  const navigate = useNavigate();
  const { search: locationSearch } = useLocation();
  const client = useClient();
  const [{ year, asOf, regionCode, partnerType: typeParam }, setFilters] = useFilters();
  const partnerType = oneOf(PARTNER_TYPES, typeParam);
  const [search, setSearch] = useSearchParam(SEARCH_PARAM);
  const [order, setOrder] = useState(DEFAULT_ORDER);

  const filter = useMemo(() => partnerFilter(search, regionCode, partnerType), [search, regionCode, partnerType]);
  const pager = useCursorPagination(JSON.stringify([filter, order]));
  const variables: VariablesOf<typeof PartnersPage_Partners> = {
    first: pager.first,
    after: pager.after,
    filter,
    orderBy: order,
  };
  const [result, reexecute] = useQuery({ query: PartnersPage_Partners, variables });
  const connection = result.data?.partners;
  const nodes = useMemo(
    () => (connection ? readFragment(PartnerColumns_Partner, connection.nodes) : NO_PARTNERS),
    [connection],
  );

  const period = { from: `${year}-01-01`, to: asOf ?? `${year}-12-31` };
  const partnerIds = useMemo(() => nodes.map((partner) => partner.id), [nodes]);
  const [revenue, reexecuteRevenue] = useQuery({
    query: PartnersPage_Revenue,
    variables: { partnerIds, ...period },
    pause: partnerIds.length === 0,
  });
  const revenueRows = revenue.fetching ? undefined : revenue.error ? NO_REVENUE : revenue.data?.metrics.rows;
  const rows = useMemo(() => withRevenue(nodes, revenueRows), [nodes, revenueRows]);
  const revenueHeader = asOf
    ? t('partners.revenueTo', { year, date: formatDate(asOf) })
    : t('partners.revenueIn', { year });
  const columns = useMemo(() => partnerColumns(revenueHeader, t), [revenueHeader, t]);
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteRevenue({ requestPolicy: 'network-only' });
  }, [reexecute, reexecuteRevenue]);

  const error = result.error ?? revenue.error;
  const filtered = Object.keys(filter).length > 0;

  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('nav.partners')}</h1>
        <p className="page__lead">
          {asOf ? t('partners.leadTo', { year, date: formatDate(asOf) }) : t('partners.lead', { year })}
        </p>
      </header>
      {error ? (
        <ErrorState
          title={result.error ? t('partners.error') : t('partners.revenueError')}
          detail={error.message}
          onRetry={retry}
        />
      ) : null}
      <section className="card" aria-busy={result.fetching}>
        <DataTable
          caption={t('nav.partners')}
          captionHidden
          columns={columns}
          data={rows}
          getRowId={(row) => row.id}
          server={{
            sorting: sortingOf(order, PARTNER_ORDER_FIELDS),
            onSortingChange: (sorting) => setOrder(orderOf(sorting, PARTNER_ORDER_FIELDS, DEFAULT_ORDER)),
            pagination: pager.pagination,
            onPaginationChange: (next) => pager.changePage(next, connection?.pageInfo.endCursor),
            rowCount: connection?.totalCount ?? 0,
            hasNextPage: connection?.pageInfo.hasNextPage ?? false,
            fetchAllRows: (onProgress) =>
              fetchAllPages({
                client,
                query: PartnersPage_Partners,
                variables,
                connection: (data) => data.partners,
                toRows: async (page) => {
                  const partners = readFragment(PartnerColumns_Partner, page);
                  const answer = await client
                    .query(PartnersPage_Revenue, { partnerIds: partners.map((partner) => partner.id), ...period })
                    .toPromise();
                  if (answer.error) throw answer.error;
                  return withRevenue(partners, answer.data?.metrics.rows ?? []);
                },
                onProgress,
              }),
          }}
          loading={result.fetching}
          loadingLabel={t('partners.loading')}
          emptyTitle={filtered ? t('partners.noMatch') : t('partners.empty')}
          empty={
            filtered ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSearch(null);
                  setFilters({ regionCode: null, partnerType: null });
                }}
              >
                {t('partners.clear')}
              </button>
            ) : (
              <p>{t('partners.emptyBody')}</p>
            )
          }
          onRowActivate={(row) => navigate({ pathname: partnerPath(row.id), search: locationSearch })}
          toolbar={
            <>
              <SearchInput
                label={t('partners.search')}
                placeholder={t('partners.searchPlaceholder')}
                value={search ?? ''}
                onChange={(text) => setSearch(text || null, { replace: true })}
              />
              <PartnerTypeFilter value={partnerType} onChange={(value) => setFilters({ partnerType: value })} />
              <RegionFilter
                label={t('partners.managedBy')}
                value={regionCode}
                onChange={(value) => setFilters({ regionCode: value })}
              />
            </>
          }
          toolbarLabel={t('partners.toolbar')}
          csvFileName={`partners-${year}`}
        />
      </section>
    </article>
  );
}
