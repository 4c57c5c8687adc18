import { useCallback } from 'react';
import { gql, useQuery } from 'urql';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorState } from '../../components/query-state/query-state';

/** The most opportunities the section lists. */
export const OPPORTUNITY_LIMIT = 100;

export interface OpportunityNode {
  id: string;
  name: string;
  stage: string;
  amountUsd: number;
  probability: number;
  weightedAmountUsd: number;
  expectedCloseDate: string;
  region: { code: string };
}

interface OpportunitiesQuery {
  node: { __typename: string; opportunities?: { totalCount: number; nodes: OpportunityNode[] } } | null;
}

/** The pipeline with the partner (partners' own field: the root list has no partner filter). */
export const PartnerOpportunities_Opportunities = gql<OpportunitiesQuery, { id: string; first: number }>`
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
`;

const column = dataColumns<OpportunityNode>();
const COLUMNS: DataColumn<OpportunityNode>[] = [
  column.text({ id: 'name', header: 'Opportunity', value: (row) => row.name, rowHeader: true, wide: true }),
  column.enumeration({ id: 'stage', header: 'Stage', value: (row) => row.stage }),
  column.date({ id: 'expectedCloseDate', header: 'Expected close', value: (row) => row.expectedCloseDate }),
  column.usd({ id: 'amountUsd', header: 'Amount', csvHeader: 'Amount (USD)', value: (row) => row.amountUsd }),
  column.percent({
    id: 'probability',
    header: 'Probability',
    csvHeader: 'Probability (ratio)',
    value: (row) => row.probability,
  }),
  column.usd({
    id: 'weightedAmountUsd',
    header: 'Weighted',
    csvHeader: 'Weighted (USD)',
    value: (row) => row.weightedAmountUsd,
  }),
  column.text({ id: 'region', header: 'Region', value: (row) => row.region.code }),
];
const NO_OPPORTUNITIES: OpportunityNode[] = [];

/** The partner's opportunities in the prospecting pipeline, soonest expected close first. */
export function PartnerOpportunities({ partnerId, partnerRef }: { partnerId: string; partnerRef: string }) {
  const [result, reexecute] = useQuery({
    query: PartnerOpportunities_Opportunities,
    variables: { id: partnerId, first: OPPORTUNITY_LIMIT },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const connection = result.data?.node?.opportunities;
  return (
    <section className="card partner-section partner-section--table" aria-labelledby="partner-opportunities-title">
      <DataTable
        caption="Opportunities"
        captionHidden
        heading={<h2 id="partner-opportunities-title">Opportunities</h2>}
        error={
          result.error && !result.fetching ? (
            <ErrorState title="The opportunities could not be loaded." detail={result.error.message} onRetry={retry} />
          ) : undefined
        }
        columns={COLUMNS}
        data={connection?.nodes ?? NO_OPPORTUNITIES}
        getRowId={(row) => row.id}
        initialSorting={[{ id: 'expectedCloseDate', desc: false }]}
        loading={result.fetching}
        loadingLabel="Loading opportunities…"
        emptyTitle="No opportunities"
        empty={<p>Nothing in the pipeline with this partner.</p>}
        csvFileName={`opportunities-${partnerRef}`}
      />
    </section>
  );
}
