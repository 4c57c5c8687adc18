import { gql } from 'urql';
import { formatEnum } from '../../components/data-table/cell-format';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';

export interface PanoramaFieldNeed {
  id: string;
  title: string;
  description: string;
  status: string;
  identifiedOn: string;
  sector: string | null;
  country: { id: string; name: string } | null;
}

export interface PanoramaFieldNeedsFields {
  region: { code: string };
  fieldNeeds: PanoramaFieldNeed[];
}

/** The needs the region's offices identified that the private sector may meet, open ones first. */
export const PanoramaFieldNeeds_Panorama = gql<PanoramaFieldNeedsFields>`
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
`;

/** Open, matched or closed: in words, with a tone (and a shape for print). */
function NeedStatus({ status }: { status: string }) {
  return (
    <span className={`panorama-need-status panorama-need-status--${status.toLowerCase()}`}>{formatEnum(status)}</span>
  );
}

const column = dataColumns<PanoramaFieldNeed>();
const COLUMNS: DataColumn<PanoramaFieldNeed>[] = [
  column.text({
    id: 'title',
    header: 'Need',
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
  column.text({ id: 'description', header: 'Description', value: (row) => row.description, csvOnly: true }),
  column.enumeration({
    id: 'status',
    header: 'Status',
    value: (row) => row.status,
    cell: (row) => <NeedStatus status={row.status} />,
  }),
  column.text({ id: 'country', header: 'Country office', value: (row) => row.country?.name ?? 'Bureau-wide' }),
  column.text({ id: 'sector', header: 'Sector', value: (row) => row.sector }),
  column.date({ id: 'identifiedOn', header: 'Identified', value: (row) => row.identifiedOn }),
];

/** Field needs the private sector may meet: what, where, since when, and whether a partner answers it. */
export function PanoramaFieldNeeds({ panorama }: { panorama: PanoramaFieldNeedsFields }) {
  const code = panorama.region.code;
  return (
    <section className="card panorama-table" aria-labelledby="panorama-needs-title">
      <DataTable
        caption={`Field needs of ${code}`}
        captionHidden
        heading={
          <div className="panorama-panel__header">
            <h2 id="panorama-needs-title" className="panorama-panel__title">
              Field needs
            </h2>
            <p className="panorama-panel__lead">
              What the country offices need that the private sector may meet; open ones first.
            </p>
          </div>
        }
        columns={COLUMNS}
        data={panorama.fieldNeeds}
        getRowId={(row) => row.id}
        emptyTitle="No field needs recorded"
        empty={<p>The region's country offices have not identified any need for the private sector yet.</p>}
        csvFileName={`field-needs-${code.toLowerCase()}`}
      />
    </section>
  );
}
