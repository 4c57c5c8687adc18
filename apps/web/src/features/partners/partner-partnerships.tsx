import { useCallback } from 'react';
import { gql, useQuery } from 'urql';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { formatNumber } from '../../components/format/number';
import { ErrorState } from '../../components/query-state/query-state';

/** The most partnerships the section lists (partners hold a handful). */
export const PARTNERSHIP_LIMIT = 100;

export interface PartnershipNode {
  id: string;
  name: string;
  externalRef: string;
  modality: string;
  status: string;
  startDate: string;
  endDate: string | null;
  objective: { code: string; name: string };
  region: { code: string };
  country: { name: string } | null;
}

interface PartnershipsQuery {
  partnerships: { totalCount: number; nodes: PartnershipNode[] };
}

export const PartnerPartnerships_Partnerships = gql<PartnershipsQuery, { partnerIds: string[]; first: number }>`
  query PartnerPartnerships_Partnerships($partnerIds: [ID!]!, $first: Int!) {
    partnerships(first: $first, filter: { partnerIds: $partnerIds }, orderBy: { field: START_DATE, direction: DESC }) {
      totalCount
      nodes {
        id
        name
        externalRef
        modality
        status
        startDate
        endDate
        objective {
          id
          code
          name
        }
        region {
          id
          code
        }
        country {
          id
          name
        }
      }
    }
  }
`;

const column = dataColumns<PartnershipNode>();
const COLUMNS: DataColumn<PartnershipNode>[] = [
  column.text({ id: 'name', header: 'Partnership', value: (row) => row.name, rowHeader: true, wide: true }),
  column.enumeration({ id: 'status', header: 'Status', value: (row) => row.status }),
  column.enumeration({ id: 'modality', header: 'Modality', value: (row) => row.modality }),
  column.text({ id: 'objective', header: 'Objective', value: (row) => row.objective.name }),
  column.text({
    id: 'office',
    header: 'Office',
    value: (row) => (row.country ? `${row.region.code}, ${row.country.name}` : row.region.code),
  }),
  column.date({ id: 'startDate', header: 'Start', value: (row) => row.startDate }),
  column.date({ id: 'endDate', header: 'End', value: (row) => row.endDate }),
  column.text({ id: 'externalRef', header: 'Reference', value: (row) => row.externalRef }),
];
const NO_PARTNERSHIPS: PartnershipNode[] = [];

/** The partner's partnerships, latest first. */
export function PartnerPartnerships({ partnerId, partnerRef }: { partnerId: string; partnerRef: string }) {
  const [result, reexecute] = useQuery({
    query: PartnerPartnerships_Partnerships,
    variables: { partnerIds: [partnerId], first: PARTNERSHIP_LIMIT },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const connection = result.data?.partnerships;
  const more = connection && connection.totalCount > connection.nodes.length;
  return (
    <section className="card partner-section partner-section--table" aria-labelledby="partner-partnerships-title">
      <DataTable
        caption="Partnerships"
        captionHidden
        heading={<h2 id="partner-partnerships-title">Partnerships</h2>}
        note={
          more
            ? `The latest ${formatNumber(connection.nodes.length)} of ${formatNumber(connection.totalCount)}.`
            : undefined
        }
        error={
          result.error && !result.fetching ? (
            <ErrorState title="The partnerships could not be loaded." detail={result.error.message} onRetry={retry} />
          ) : undefined
        }
        columns={COLUMNS}
        data={connection?.nodes ?? NO_PARTNERSHIPS}
        getRowId={(row) => row.id}
        initialSorting={[{ id: 'startDate', desc: true }]}
        loading={result.fetching}
        loadingLabel="Loading partnerships…"
        emptyTitle="No partnerships"
        empty={<p>The partner gives without a partnership agreement.</p>}
        csvFileName={`partnerships-${partnerRef}`}
      />
    </section>
  );
}
