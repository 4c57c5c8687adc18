import { gql } from 'urql';
import { Badge } from '../../components/badge/badge';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { SearchLink } from '../../components/search-link/search-link';

/** A contribution as the contribution tables fetch it (`ContributionColumns_Contribution`). */
export interface ContributionNode {
  id: string;
  date: string;
  externalRef: string;
  amountUsd: number;
  incomeStream: string;
  kind: string;
  partner: { id: string; name: string };
  region: { code: string };
  country: { iso3: string; name: string } | null;
  objective: { code: string; name: string };
  partnership: { id: string; name: string } | null;
}

/** The fields every contribution table shows; spread it into the query's `nodes`. */
export const ContributionColumns_Contribution = gql`
  fragment ContributionColumns_Contribution on Contribution {
    id
    date
    externalRef
    amountUsd
    incomeStream
    kind
    partner {
      id
      name
    }
    region {
      id
      code
    }
    country {
      id
      iso3
      name
    }
    objective {
      id
      code
      name
    }
    partnership {
      id
      name
    }
  }
`;

/** Columns the API can order contributions by, and its field for each. */
export const CONTRIBUTION_ORDER_FIELDS = {
  date: 'DATE',
  amountUsd: 'AMOUNT_USD',
  externalRef: 'EXTERNAL_REF',
} as const;

export type ContributionOrderField = (typeof CONTRIBUTION_ORDER_FIELDS)[keyof typeof CONTRIBUTION_ORDER_FIELDS];

export interface ContributionColumnOptions {
  /** Leave out the partner column (on a partner's own page). */
  withoutPartner?: boolean;
}

/** The columns of a contribution table: values for CSV (ISO dates, amounts, enum values). */
export function contributionColumns({
  withoutPartner = false,
}: ContributionColumnOptions = {}): DataColumn<ContributionNode>[] {
  const column = dataColumns<ContributionNode>();
  const partner = column.text({
    id: 'partner',
    header: 'Partner',
    value: (row) => row.partner.name,
    sortable: false,
    wide: true,
    cell: (row) => <SearchLink to={`/partners/${encodeURIComponent(row.partner.id)}`}>{row.partner.name}</SearchLink>,
  });
  return [
    column.date({ id: 'date', header: 'Date', value: (row) => row.date }),
    column.text({ id: 'externalRef', header: 'Reference', value: (row) => row.externalRef, rowHeader: true }),
    ...(withoutPartner ? [] : [partner]),
    column.usd({ id: 'amountUsd', header: 'Amount', csvHeader: 'Amount (USD)', value: (row) => row.amountUsd }),
    column.enumeration({ id: 'incomeStream', header: 'Stream', value: (row) => row.incomeStream, sortable: false }),
    column.enumeration({ id: 'kind', header: 'Kind', value: (row) => row.kind, sortable: false }),
    column.text({
      id: 'region',
      header: 'Office',
      csvHeader: 'Region',
      value: (row) => row.region.code,
      sortable: false,
      cell: (row) => (
        <span className="nowrap">
          <Badge tone={row.region.code === 'HQ' ? 'neutral' : 'accent'}>{row.region.code}</Badge>
          {row.country ? ` ${row.country.name}` : null}
        </span>
      ),
    }),
    column.text({ id: 'country', header: 'Country', value: (row) => row.country?.name, csvOnly: true }),
    column.text({ id: 'objective', header: 'Objective', value: (row) => row.objective.name, sortable: false }),
    column.text({ id: 'partnership', header: 'Partnership', value: (row) => row.partnership?.name, csvOnly: true }),
  ];
}
