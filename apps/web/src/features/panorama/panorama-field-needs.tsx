import { useMemo } from 'react';
import { formatEnum } from '../../components/data-table/cell-format';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../lib/graphql';

/** The needs the region's offices identified that the private sector may meet, open ones first. */
export const PanoramaFieldNeeds_Panorama = graphql(`
  fragment PanoramaFieldNeeds_Panorama on Panorama {
    region {
      id
      code
    }
    fieldNeeds {
      id
      title
      description
      status
      identifiedOn
      sector
      country {
        id
        name
      }
    }
  }
`);

/** A field need, as the table lists it. */
export type PanoramaFieldNeed = ResultOf<typeof PanoramaFieldNeeds_Panorama>['fieldNeeds'][number];

/** Open, matched or closed: in words, with a tone (and a shape for print). */
function NeedStatus({ status }: { status: string }) {
  return (
    <span className={`panorama-need-status panorama-need-status--${status.toLowerCase()}`}>{formatEnum(status)}</span>
  );
}

/** The columns of the field needs table, in the language of `t`. */
function fieldNeedColumns(t: Translate): DataColumn<PanoramaFieldNeed>[] {
  const column = dataColumns<PanoramaFieldNeed>();
  return [
    column.text({
      id: 'title',
      header: t('columns.need'),
      value: (row) => row.title,
      rowHeader: true,
      wide: true,
      cell: (row) => (
        <>
          {row.title}
          <span className="panorama-need__description">{row.description}</span>
        </>
      ),
    }),
    column.text({
      id: 'description',
      header: t('columns.description'),
      value: (row) => row.description,
      csvOnly: true,
    }),
    column.enumeration({
      id: 'status',
      header: t('columns.status'),
      value: (row) => row.status,
      cell: (row) => <NeedStatus status={row.status} />,
    }),
    column.text({
      id: 'country',
      header: t('columns.countryOffice'),
      value: (row) => row.country?.name ?? t('fieldNeeds.bureauWide'),
    }),
    column.text({ id: 'sector', header: t('columns.sector'), value: (row) => row.sector }),
    column.date({ id: 'identifiedOn', header: t('columns.identified'), value: (row) => row.identifiedOn }),
  ];
}

/** Field needs the private sector may meet: what, where, since when, and whether a partner answers it. */
export function PanoramaFieldNeeds({ panorama: data }: { panorama: FragmentOf<typeof PanoramaFieldNeeds_Panorama> }) {
  const t = useT();
  const panorama = readFragment(PanoramaFieldNeeds_Panorama, data);
  const columns = useMemo(() => fieldNeedColumns(t), [t]);
  const code = panorama.region.code;
  return (
    <section className="card panorama-table" aria-labelledby="panorama-needs-title">
      <DataTable
        caption={t('fieldNeeds.caption', { code })}
        captionHidden
        heading={
          <div className="panorama-panel__header">
            <h2 id="panorama-needs-title" className="panorama-panel__title">
              {t('fieldNeeds.title')}
            </h2>
            <p className="panorama-panel__lead">{t('fieldNeeds.lead')}</p>
          </div>
        }
        columns={columns}
        data={panorama.fieldNeeds}
        getRowId={(row) => row.id}
        emptyTitle={t('fieldNeeds.empty')}
        empty={<p>{t('fieldNeeds.emptyBody')}</p>}
        csvFileName={`field-needs-${code.toLowerCase()}`}
      />
    </section>
  );
}
