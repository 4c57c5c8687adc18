import { useId } from 'react';
import { Badge } from '../../components/badge/badge';
import { formatNumber } from '../../components/format/number';

/** The code of the pseudo-region for global partnerships and headquarters-led fundraising. */
export const HQ_REGION_CODE = 'HQ';

/** One region as the regions page shows it. */
export interface RegionRow {
  id: string;
  code: string;
  name: string;
  city: string | null;
  countryCount: number;
  partnerCount: number;
}

interface RegionsTableProps {
  regions: readonly RegionRow[];
}

/** Adds up the countries and partners of the regions, for the total row. */
export function totalRegionCounts(regions: readonly RegionRow[]): { countryCount: number; partnerCount: number } {
  return regions.reduce(
    (total, region) => ({
      countryCount: total.countryCount + region.countryCount,
      partnerCount: total.partnerCount + region.partnerCount,
    }),
    { countryCount: 0, partnerCount: 0 },
  );
}

/** The regional bureaux and HQ with their number of country offices and partners, and a total. */
export function RegionsTable({ regions }: RegionsTableProps) {
  const captionId = useId();
  const total = totalRegionCounts(regions);
  return (
    // A region, focusable, so that keyboard users can scroll the table sideways on a phone.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>
          Regions
          <span className="data-table__note">
            Country offices as of today; partners counted under the bureau that manages the relationship.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Region</th>
            <th scope="col">City</th>
            <th scope="col" className="numeric">
              Countries
            </th>
            <th scope="col" className="numeric">
              Partners
            </th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={region.id}>
              <td>
                <Badge tone={region.code === HQ_REGION_CODE ? 'neutral' : 'accent'}>{region.code}</Badge>
              </td>
              <th scope="row">{region.name}</th>
              <td>{region.city ?? <NoCity />}</td>
              <td className="numeric">{formatNumber(region.countryCount)}</td>
              <td className="numeric">{formatNumber(region.partnerCount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total ({formatNumber(regions.length)} {regions.length === 1 ? 'region' : 'regions'})
            </th>
            <td className="numeric">{formatNumber(total.countryCount)}</td>
            <td className="numeric">{formatNumber(total.partnerCount)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function NoCity() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">No city</span>
    </>
  );
}
