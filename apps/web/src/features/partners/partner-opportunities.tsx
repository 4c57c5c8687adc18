import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { graphql, type ResultOf } from '../../lib/graphql';

/** The most opportunities the section lists. */
export const OPPORTUNITY_LIMIT = 100;

/** The pipeline with the partner (partners' own field: the root list has no partner filter). */
export const PartnerOpportunities_Opportunities = graphql(`
  query PartnerOpportunities_Opportunities($id: ID!, $first: Int!) {
    node(id: $id) {
      __typename
      id
      ... on Partner {
        opportunities(first: $first) {
          totalCount
          nodes {
            id
            name
            stage
            amountUsd
            probability
            weightedAmountUsd
            expectedCloseDate
            region {
              id
              code
            }
          }
        }
      }
    }
  }
`);

/** The node the query answered, when it is the partner. */
type PartnerWithOpportunities = Extract<
  NonNullable<ResultOf<typeof PartnerOpportunities_Opportunities>['node']>,
  { __typename: 'Partner' }
>;

/** An opportunity as the section lists it. */
export type OpportunityNode = PartnerWithOpportunities['opportunities']['nodes'][number];

/** The columns of the opportunities table, in the language of `t`. */
function opportunityColumns(t: Translate): DataColumn<OpportunityNode>[] {
  const column = dataColumns<OpportunityNode>();
  return [
    column.text({
      id: 'name',
      header: t('columns.opportunity'),
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
    }),
    column.enumeration({ id: 'stage', header: t('category.stage'), value: (row) => row.stage }),
    column.date({ id: 'expectedCloseDate', header: t('columns.expectedClose'), value: (row) => row.expectedCloseDate }),
    column.usd({
      id: 'amountUsd',
      header: t('columns.amount'),
      csvHeader: t('columns.inUsd', { header: t('columns.amount') }),
      value: (row) => row.amountUsd,
    }),
    column.percent({
      id: 'probability',
      header: t('columns.probability'),
      csvHeader: t('columns.inRatio', { header: t('columns.probability') }),
      value: (row) => row.probability,
    }),
    column.usd({
      id: 'weightedAmountUsd',
      header: t('pipeline.weighted'),
      csvHeader: t('columns.inUsd', { header: t('pipeline.weighted') }),
      value: (row) => row.weightedAmountUsd,
    }),
    column.text({ id: 'region', header: t('columns.region'), value: (row) => row.region.code }),
  ];
}
const NO_OPPORTUNITIES: OpportunityNode[] = [];

/** The partner's opportunities in the prospecting pipeline, soonest expected close first. */
export function PartnerOpportunities({ partnerId, partnerRef }: { partnerId: string; partnerRef: string }) {
  const t = useT();
  const columns = useMemo(() => opportunityColumns(t), [t]);
  const [result, reexecute] = useQuery({
    query: PartnerOpportunities_Opportunities,
    variables: { id: partnerId, first: OPPORTUNITY_LIMIT },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const node = result.data?.node;
  const connection = node?.__typename === 'Partner' ? node.opportunities : undefined;
  return (
    <section className="card partner-section partner-section--table" aria-labelledby="partner-opportunities-title">
      <DataTable
        caption={t('partner.opportunities.title')}
        captionHidden
        heading={<h2 id="partner-opportunities-title">{t('partner.opportunities.title')}</h2>}
        error={
          result.error && !result.fetching ? (
            <ErrorState title={t('partner.opportunities.error')} detail={result.error.message} onRetry={retry} />
          ) : undefined
        }
        columns={columns}
        data={connection?.nodes ?? NO_OPPORTUNITIES}
        getRowId={(row) => row.id}
        initialSorting={[{ id: 'expectedCloseDate', desc: false }]}
        loading={result.fetching}
        loadingLabel={t('partner.opportunities.loading')}
        emptyTitle={t('partner.opportunities.empty')}
        empty={<p>{t('partner.opportunities.emptyBody')}</p>}
        csvFileName={`opportunities-${partnerRef}`}
      />
    </section>
  );
}
