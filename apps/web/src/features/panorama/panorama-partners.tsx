import { useMemo } from 'react';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { periodText } from '../../components/format/date';
import { EmptyState } from '../../components/query-state/query-state';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../lib/graphql';
import { valuesByMetric } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

/**
 * The ten partners who gave most to the region, 1 January to asOf: null when the reader may not see
 * the region's partner detail (a REGIONAL user reading another region's panorama).
 */
export const PanoramaPartners_Panorama = graphql(`
  fragment PanoramaPartners_Panorama on Panorama {
    year
    asOf
    region {
      id
      code
    }
    topPartners {
      partner {
        id
        name
        partnerType
      }
      values {
        metric
        value
        previous
        change
      }
    }
  }
`);

/** A partner among the region's largest, with its figures, as `topPartners` answers them. */
type TopPartnerRow = NonNullable<ResultOf<typeof PanoramaPartners_Panorama>['topPartners']>[number];

export interface PartnerRow {
  rank: number;
  id: string;
  name: string;
  partnerType: string;
  revenueUsd: number | null;
  previousRevenueUsd: number | null;
  revenueChange: number | null;
  contributions: number | null;
}

/** The table's rows, ranked in the API's order (most revenue first). */
export function partnerRows(rows: readonly TopPartnerRow[]): PartnerRow[] {
  return rows.flatMap((row, index) => {
    if (!row.partner) return [];
    const figures = valuesByMetric(row.values);
    const revenue = figures.get('REVENUE_USD');
    return [
      {
        rank: index + 1,
        id: row.partner.id,
        name: row.partner.name,
        partnerType: row.partner.partnerType,
        revenueUsd: revenue?.value ?? null,
        previousRevenueUsd: revenue?.previous ?? null,
        revenueChange: revenue?.change ?? null,
        contributions: figures.get('CONTRIBUTION_COUNT')?.value ?? null,
      },
    ];
  });
}

/** A partner's page; global IDs are base64 and may hold `/` or `+`. */
function partnerPath(id: string): string {
  return `/partners/${encodeURIComponent(id)}`;
}

/** The columns of the top partners table, in the language of `t`. */
function topPartnerColumns(t: Translate): DataColumn<PartnerRow>[] {
  const column = dataColumns<PartnerRow>();
  return [
    column.number({ id: 'rank', header: t('columns.rank'), value: (row) => row.rank }),
    column.text({
      id: 'name',
      header: t('columns.partner'),
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
      cell: (row) => <SearchLink to={partnerPath(row.id)}>{row.name}</SearchLink>,
    }),
    column.text({ id: 'id', header: t('columns.partnerId'), value: (row) => row.id, csvOnly: true }),
    column.enumeration({ id: 'partnerType', header: t('columns.type'), value: (row) => row.partnerType }),
    column.usd({
      id: 'revenueUsd',
      header: t('columns.revenue'),
      csvHeader: t('columns.inUsd', { header: t('columns.revenue') }),
      value: (row) => row.revenueUsd,
    }),
    column.number({
      id: 'contributions',
      header: t('columns.gifts'),
      csvHeader: t('columns.contributions'),
      value: (row) => row.contributions,
    }),
    column.usd({
      id: 'previousRevenueUsd',
      header: t('columns.lastYear'),
      csvHeader: t('columns.revenueLastYearUsd'),
      value: (row) => row.previousRevenueUsd,
      compact: true,
    }),
    column.percent({
      id: 'revenueChange',
      header: t('columns.change'),
      csvHeader: t('columns.revenueChangeRatio'),
      signed: true,
      value: (row) => row.revenueChange,
    }),
  ];
}

/**
 * The region's ten largest partners of the year to date, each linked to its page; or, when the
 * reader may not see the region's partner detail, a note saying who may.
 */
export function PanoramaPartners({ panorama: data }: { panorama: FragmentOf<typeof PanoramaPartners_Panorama> }) {
  const t = useT();
  const panorama = readFragment(PanoramaPartners_Panorama, data);
  const { region, year, topPartners } = panorama;
  const columns = useMemo(() => topPartnerColumns(t), [t]);
  const rows = useMemo(() => (topPartners ? partnerRows(topPartners) : []), [topPartners]);
  if (topPartners === null) {
    return (
      <PanoramaPanel title={t('topPartners.title')}>
        <EmptyState title={t('topPartners.restricted')} />
      </PanoramaPanel>
    );
  }
  return (
    <section className="card panorama-table panorama-table--short" aria-labelledby="panorama-partners-title">
      <DataTable
        caption={t('topPartners.caption', { code: region.code, year })}
        captionHidden
        heading={
          <div className="panorama-panel__header">
            <h2 id="panorama-partners-title" className="panorama-panel__title">
              {t('topPartners.title')}
            </h2>
            <p className="panorama-panel__lead">{t('topPartners.lead', { period: periodText(panorama.asOf) })}</p>
          </div>
        }
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        initialSorting={[{ id: 'rank', desc: false }]}
        emptyTitle={t('topPartners.empty')}
        empty={<p>{t('topPartners.emptyBody')}</p>}
        csvFileName={`top-partners-${region.code.toLowerCase()}-${year}`}
      />
    </section>
  );
}
