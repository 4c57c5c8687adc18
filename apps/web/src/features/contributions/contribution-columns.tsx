import { Badge } from '../../components/badge/badge';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import type { SchemaEnum } from '../../components/data-table/toolbar-filters';
import { SearchLink } from '../../components/search-link/search-link';
import { objectiveName } from '../../i18n/catalog-labels';
import { type Translate, translate } from '../../i18n/translate';
import { graphql, type ResultOf } from '../../lib/graphql';

/** The fields every contribution table shows; spread it into the query's `nodes`. */
export const ContributionColumns_Contribution = graphql(`
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
`);

/** A contribution as the contribution tables fetch it. */
export type ContributionNode = ResultOf<typeof ContributionColumns_Contribution>;

/** Columns the API can order contributions by, and its field for each. */
export const CONTRIBUTION_ORDER_FIELDS = {
  date: 'DATE',
  amountUsd: 'AMOUNT_USD',
  externalRef: 'EXTERNAL_REF',
} as const satisfies Record<string, SchemaEnum<'ContributionOrderField'>>;

export type ContributionOrderField = (typeof CONTRIBUTION_ORDER_FIELDS)[keyof typeof CONTRIBUTION_ORDER_FIELDS];

export interface ContributionColumnOptions {
  /** Leave out the partner column (on a partner's own page). */
  withoutPartner?: boolean;
}

/**
 * The columns of a contribution table, in the language of `t`: values for CSV (ISO dates, amounts,
 * enum values, the API's names).
 */
export function contributionColumns(
  { withoutPartner = false }: ContributionColumnOptions = {},
  t: Translate = translate,
): DataColumn<ContributionNode>[] {
  const column = dataColumns<ContributionNode>();
  const partner = column.text({
    id: 'partner',
    header: t('columns.partner'),
    value: (row) => row.partner.name,
    sortable: false,
    wide: true,
    cell: (row) => <SearchLink to={`/partners/${encodeURIComponent(row.partner.id)}`}>{row.partner.name}</SearchLink>,
  });
  return [
    column.date({ id: 'date', header: t('columns.date'), value: (row) => row.date }),
    column.text({
      id: 'externalRef',
      header: t('columns.reference'),
      value: (row) => row.externalRef,
      rowHeader: true,
    }),
    ...(withoutPartner ? [] : [partner]),
    column.usd({
      id: 'amountUsd',
      header: t('columns.amount'),
      csvHeader: t('columns.inUsd', { header: t('columns.amount') }),
      value: (row) => row.amountUsd,
    }),
    column.enumeration({
      id: 'incomeStream',
      header: t('columns.stream'),
      value: (row) => row.incomeStream,
      sortable: false,
    }),
    column.enumeration({ id: 'kind', header: t('filters.kind'), value: (row) => row.kind, sortable: false }),
    column.text({
      id: 'region',
      header: t('columns.office'),
      csvHeader: t('columns.region'),
      value: (row) => row.region.code,
      sortable: false,
      cell: (row) => (
        <span className="nowrap">
          <Badge tone={row.region.code === 'HQ' ? 'neutral' : 'accent'}>{row.region.code}</Badge>
          {row.country ? ` ${row.country.name}` : null}
        </span>
      ),
    }),
    column.text({ id: 'country', header: t('columns.country'), value: (row) => row.country?.name, csvOnly: true }),
    column.text({
      id: 'objective',
      header: t('objectives.objective'),
      value: (row) => row.objective.name,
      sortable: false,
      cell: (row) => objectiveName(row.objective),
    }),
    column.text({
      id: 'partnership',
      header: t('columns.partnership'),
      value: (row) => row.partnership?.name,
      csvOnly: true,
    }),
  ];
}
