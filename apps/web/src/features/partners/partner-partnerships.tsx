import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { formatNumber } from '../../components/format/number';
import { ErrorState } from '../../components/query-state/query-state';
import { objectiveName } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { graphql, type ResultOf } from '../../lib/graphql';

/** The most partnerships the section lists (partners hold a handful). */
export const PARTNERSHIP_LIMIT = 100;

/** The partner's partnerships, latest first. */
export const PartnerPartnerships_Partnerships = graphql(`
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
`);

/** A partnership as the section lists it. */
export type PartnershipNode = ResultOf<typeof PartnerPartnerships_Partnerships>['partnerships']['nodes'][number];

/** The columns of the partnerships table, in the language of `t`. */
function partnershipColumns(t: Translate): DataColumn<PartnershipNode>[] {
  const column = dataColumns<PartnershipNode>();
  return [
    column.text({
      id: 'name',
      header: t('columns.partnership'),
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
    }),
    column.enumeration({ id: 'status', header: t('columns.status'), value: (row) => row.status }),
    column.enumeration({ id: 'modality', header: t('columns.modality'), value: (row) => row.modality }),
    column.text({
      id: 'objective',
      header: t('objectives.objective'),
      value: (row) => row.objective.name,
      cell: (row) => objectiveName(row.objective),
    }),
    column.text({
      id: 'office',
      header: t('columns.office'),
      value: (row) => (row.country ? `${row.region.code}, ${row.country.name}` : row.region.code),
    }),
    column.date({ id: 'startDate', header: t('columns.start'), value: (row) => row.startDate }),
    column.date({ id: 'endDate', header: t('columns.end'), value: (row) => row.endDate }),
    column.text({ id: 'externalRef', header: t('columns.reference'), value: (row) => row.externalRef }),
  ];
}
const NO_PARTNERSHIPS: PartnershipNode[] = [];

/** The partner's partnerships, latest first. */
export function PartnerPartnerships({ partnerId, partnerRef }: { partnerId: string; partnerRef: string }) {
  const t = useT();
  const columns = useMemo(() => partnershipColumns(t), [t]);
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
        caption={t('partner.partnerships.title')}
        captionHidden
        heading={<h2 id="partner-partnerships-title">{t('partner.partnerships.title')}</h2>}
        note={
          more
            ? t('partner.partnerships.latest', {
                shown: formatNumber(connection.nodes.length),
                total: formatNumber(connection.totalCount),
              })
            : undefined
        }
        error={
          result.error && !result.fetching ? (
            <ErrorState title={t('partner.partnerships.error')} detail={result.error.message} onRetry={retry} />
          ) : undefined
        }
        columns={columns}
        data={connection?.nodes ?? NO_PARTNERSHIPS}
        getRowId={(row) => row.id}
        initialSorting={[{ id: 'startDate', desc: true }]}
        loading={result.fetching}
        loadingLabel={t('partner.partnerships.loading')}
        emptyTitle={t('partner.partnerships.empty')}
        empty={<p>{t('partner.partnerships.emptyBody')}</p>}
        csvFileName={`partnerships-${partnerRef}`}
      />
    </section>
  );
}
