import { Badge } from '../../components/badge/badge';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import type { SchemaEnum } from '../../components/data-table/toolbar-filters';
import { formatUsd } from '../../components/format/number';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import { type Translate, translate } from '../../i18n/translate';
import { graphql, type ResultOf } from '../../lib/graphql';
import type { PartnersPage_Revenue } from './partners-page';

/** The fields the partners table shows; spread it into the query's `nodes`. */
export const PartnerColumns_Partner = graphql(`
  fragment PartnerColumns_Partner on Partner {
    id
    name
    externalRef
    partnerType
    scope
    sector
    region {
      id
      code
      name
    }
    country {
      id
      iso3
      name
    }
  }
`);

/** A partner as the partners list fetches it. */
export type PartnerNode = ResultOf<typeof PartnerColumns_Partner>;

/** A row of the partners table: the partner and its revenue of the year (undefined while it loads). */
export interface PartnerRow extends PartnerNode {
  revenueUsd: number | null | undefined;
}

/** The revenue of a page of partners, one row per partner who gave. */
type RevenueRows = ResultOf<typeof PartnersPage_Revenue>['metrics']['rows'];

/** The path of a partner's page; global IDs are base64 and may hold `/` or `+`. */
export function partnerPath(id: string): string {
  return `/partners/${encodeURIComponent(id)}`;
}

/** Adds each partner's revenue (from a `metrics` query grouped by partner); no row there means none. */
export function withRevenue(partners: readonly PartnerNode[], revenue: RevenueRows | undefined): PartnerRow[] {
  if (!revenue) return partners.map((partner) => ({ ...partner, revenueUsd: undefined }));
  const byId = new Map(revenue.flatMap((row) => (row.partner ? [[row.partner.id, row.values[0]?.value ?? 0]] : [])));
  return partners.map((partner) => ({ ...partner, revenueUsd: byId.get(partner.id) ?? 0 }));
}

/** Columns the API can order partners by, and its field for each. */
export const PARTNER_ORDER_FIELDS = {
  name: 'NAME',
  externalRef: 'EXTERNAL_REF',
} as const satisfies Record<string, SchemaEnum<'PartnerOrderField'>>;

/** The columns of the partners table, in the language of `t`; revenue is the year's (to `asOf` when chosen). */
export function partnerColumns(revenueHeader: string, t: Translate = translate): DataColumn<PartnerRow>[] {
  const column = dataColumns<PartnerRow>();
  return [
    column.text({
      id: 'name',
      header: t('columns.name'),
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
      cell: (row) => <SearchLink to={partnerPath(row.id)}>{row.name}</SearchLink>,
    }),
    column.text({ id: 'externalRef', header: t('columns.reference'), value: (row) => row.externalRef }),
    column.enumeration({
      id: 'partnerType',
      header: t('columns.type'),
      value: (row) => row.partnerType,
      sortable: false,
    }),
    column.enumeration({ id: 'scope', header: t('columns.scope'), value: (row) => row.scope, sortable: false }),
    column.text({
      id: 'region',
      header: t('columns.region'),
      value: (row) => row.region.code,
      sortable: false,
      cell: (row) => <Badge tone={row.region.code === 'HQ' ? 'neutral' : 'accent'}>{row.region.code}</Badge>,
    }),
    column.text({ id: 'country', header: t('columns.country'), value: (row) => row.country?.name, sortable: false }),
    column.usd({
      id: 'revenueUsd',
      header: revenueHeader,
      csvHeader: t('columns.inUsd', { header: revenueHeader }),
      value: (row) => row.revenueUsd,
      sortable: false,
      // While the revenue query runs: an ellipsis, not a dash that would read as "nothing".
      cell: (row, value) => (row.revenueUsd === undefined ? <PendingValue /> : formatUsd(value)),
    }),
  ];
}

function PendingValue() {
  const t = useT();
  return (
    <>
      <span aria-hidden="true">…</span>
      <span className="visually-hidden">{t('common.loading')}</span>
    </>
  );
}
