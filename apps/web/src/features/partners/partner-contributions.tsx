import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { DataTable } from '../../components/data-table/data-table';
import { fetchAllPages } from '../../components/data-table/fetch-all-pages';
import { orderOf, type ServerOrder, sortingOf } from '../../components/data-table/server-order';
import { PAGE_SIZES, useCursorPagination } from '../../components/data-table/use-cursor-pagination';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { graphql, readFragment, type VariablesOf } from '../../lib/graphql';
import {
  CONTRIBUTION_ORDER_FIELDS,
  ContributionColumns_Contribution,
  type ContributionNode,
  type ContributionOrderField,
  contributionColumns,
} from '../contributions/contribution-columns';

const DEFAULT_ORDER: ServerOrder<ContributionOrderField> = { field: 'DATE', direction: 'DESC' };
const NO_CONTRIBUTIONS: ContributionNode[] = [];
const PAGE_SIZE = 25;

/** The partner's contributions, a page at a time. */
export const PartnerContributions_Contributions = graphql(
  `
    query PartnerContributions_Contributions(
      $partnerIds: [ID!]!
      $first: Int!
      $after: String
      $orderBy: ContributionOrder
    ) {
      contributions(first: $first, after: $after, filter: { partnerIds: $partnerIds }, orderBy: $orderBy) {
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

interface PartnerContributionsProps {
  partnerId: string;
  /** The partner's reference, to name the CSV file. */
  partnerRef: string;
}

/** The partner's recent contributions, newest first, every year. */
export function PartnerContributions({ partnerId, partnerRef }: PartnerContributionsProps) {
  const t = useT();
  const columns = useMemo(() => contributionColumns({ withoutPartner: true }, t), [t]);
  const client = useClient();
  const [order, setOrder] = useState(DEFAULT_ORDER);
  const pager = useCursorPagination(JSON.stringify([partnerId, order]), PAGE_SIZE);
  const variables: VariablesOf<typeof PartnerContributions_Contributions> = {
    partnerIds: [partnerId],
    first: pager.first,
    after: pager.after,
    orderBy: order,
  };
  const [result, reexecute] = useQuery({ query: PartnerContributions_Contributions, variables });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const connection = result.data?.contributions;
  const nodes = useMemo(
    () => (connection ? readFragment(ContributionColumns_Contribution, connection.nodes) : NO_CONTRIBUTIONS),
    [connection],
  );

  return (
    <section className="card partner-section partner-section--table" aria-labelledby="partner-contributions-title">
      <DataTable
        caption={t('nav.contributions')}
        captionHidden
        heading={<h2 id="partner-contributions-title">{t('nav.contributions')}</h2>}
        error={
          result.error && !result.fetching ? (
            <ErrorState title={t('contributions.error')} detail={result.error.message} onRetry={retry} />
          ) : undefined
        }
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
          pageSizes: [PAGE_SIZE, ...PAGE_SIZES.filter((size) => size > PAGE_SIZE)],
          fetchAllRows: (onProgress) =>
            fetchAllPages({
              client,
              query: PartnerContributions_Contributions,
              variables,
              connection: (data) => data.contributions,
              toRows: (page) => readFragment(ContributionColumns_Contribution, page),
              onProgress,
            }),
        }}
        loading={result.fetching}
        loadingLabel={t('contributions.loading')}
        emptyTitle={t('partner.contributions.empty')}
        empty={<p>{t('partner.contributions.emptyBody')}</p>}
        csvFileName={`contributions-${partnerRef}`}
      />
    </section>
  );
}
