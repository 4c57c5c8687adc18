import { lazy, Suspense, useMemo } from 'react';
import { gql } from 'urql';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { periodText } from '../../components/format/date';
import { formatCompactNumber, metricFormatter } from '../../components/kpi-card/metric-format';
import { EmptyState, LoadingState } from '../../components/query-state/query-state';
import { valuesByMetric } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

/** The map bundles the world atlas (~100 kB): it loads after the rest of the page. */
const ChoroplethMap = lazy(() =>
  import('../../components/map/choropleth-map').then((module) => ({ default: module.ChoroplethMap })),
);

interface CountryFigure {
  metric: string;
  value: number | null;
  previous: number | null;
  change: number | null;
}

export interface PanoramaCountriesFields {
  year: number;
  asOf: string;
  region: { id: string; code: string; name: string; countries: { id: string; iso3: string; name: string }[] };
  byCountry: { country: { id: string; iso3: string; name: string } | null; values: CountryFigure[] }[];
}

/** The region's country offices (to zoom the map) and each one's key figures. */
export const PanoramaCountries_Panorama = gql<PanoramaCountriesFields>`
  fragment PanoramaCountries_Panorama on Panorama {
    year
    asOf
    region {
      id
      code
      name
      countries {
        id
        iso3
        name
      }
    }
    byCountry {
      country {
        id
        iso3
        name
      }
      values {
        metric
        value
        previous
        change
      }
    }
  }
`;

/** A row of the countries table: a country office, or the bureau's own gifts without a country. */
export interface CountryRow {
  key: string;
  iso3: string | null;
  name: string;
  revenueUsd: number | null;
  previousRevenueUsd: number | null;
  revenueChange: number | null;
  activePartners: number | null;
  beneficiaries: number | null;
}

/** The table's rows from `byCountry`, in the API's order. */
export function countryRows(rows: PanoramaCountriesFields['byCountry']): CountryRow[] {
  return rows.map((row) => {
    const figures = valuesByMetric(row.values);
    const revenue = figures.get('REVENUE_USD');
    return {
      key: row.country?.iso3 ?? 'NONE',
      iso3: row.country?.iso3 ?? null,
      name: row.country?.name ?? 'No country office',
      revenueUsd: revenue?.value ?? null,
      previousRevenueUsd: revenue?.previous ?? null,
      revenueChange: revenue?.change ?? null,
      activePartners: figures.get('ACTIVE_PARTNERS')?.value ?? null,
      beneficiaries: figures.get('BENEFICIARIES_REACHED')?.value ?? null,
    };
  });
}

const column = dataColumns<CountryRow>();
const COLUMNS: DataColumn<CountryRow>[] = [
  column.text({ id: 'name', header: 'Country office', value: (row) => row.name, rowHeader: true, wide: true }),
  column.text({ id: 'iso3', header: 'ISO3', value: (row) => row.iso3, csvOnly: true }),
  column.usd({ id: 'revenueUsd', header: 'Revenue', csvHeader: 'Revenue (USD)', value: (row) => row.revenueUsd }),
  column.usd({
    id: 'previousRevenueUsd',
    header: 'Last year',
    csvHeader: 'Revenue a year earlier (USD)',
    value: (row) => row.previousRevenueUsd,
    compact: true,
  }),
  column.percent({
    id: 'revenueChange',
    header: 'Change',
    csvHeader: 'Revenue change (ratio)',
    signed: true,
    value: (row) => row.revenueChange,
  }),
  column.number({ id: 'activePartners', header: 'Active partners', value: (row) => row.activePartners }),
  column.number({ id: 'beneficiaries', header: 'Beneficiaries', value: (row) => row.beneficiaries }),
];

const formatRevenue = metricFormatter('USD');

/** Revenue by country office: a map zoomed to the region's countries, and a table to sort and export. */
export function PanoramaCountries({ panorama }: { panorama: PanoramaCountriesFields }) {
  const { region, year } = panorama;
  const rows = useMemo(() => countryRows(panorama.byCountry), [panorama.byCountry]);
  const focusIso3s = useMemo(() => region.countries.map((country) => country.iso3), [region.countries]);
  const { values, names } = useMemo(() => {
    const shaded: Record<string, number | null> = {};
    const named: Record<string, string> = {};
    for (const row of rows) {
      if (!row.iso3) continue;
      shaded[row.iso3] = row.revenueUsd;
      named[row.iso3] = row.name;
    }
    return { values: shaded, names: named };
  }, [rows]);

  return (
    <>
      <PanoramaPanel
        title="Country offices"
        lead={`Revenue by country office, ${periodText(panorama.asOf)}. Countries shaded grey have no figure.`}
        className="panorama-map"
      >
        {region.countries.length === 0 ? (
          <EmptyState title={`${region.code} has no country offices`}>
            <p>Its revenue is raised globally: see the partners and income streams.</p>
          </EmptyState>
        ) : (
          <Suspense fallback={<LoadingState label="Drawing the map…" lines={6} />}>
            <ChoroplethMap
              values={values}
              countryNames={names}
              valueFormat={formatRevenue}
              focusIso3s={focusIso3s}
              legendTitle="Revenue (USD)"
              legendValueFormat={formatCompactNumber}
              ariaLabel={`Revenue by country office of ${region.code}, ${year} to date`}
            />
          </Suspense>
        )}
      </PanoramaPanel>
      <section className="card panorama-table" aria-labelledby="panorama-countries-title">
        <DataTable
          caption={`Country offices of ${region.code}, ${year}`}
          captionHidden
          heading={
            <div className="panorama-panel__header">
              <h2 id="panorama-countries-title" className="panorama-panel__title">
                By country office
              </h2>
              <p className="panorama-panel__lead">{periodText(panorama.asOf)}, against the same days a year earlier.</p>
            </div>
          }
          columns={COLUMNS}
          data={rows}
          getRowId={(row) => row.key}
          initialSorting={[{ id: 'revenueUsd', desc: true }]}
          emptyTitle="No figures by country office"
          empty={<p>Nothing was raised or reported by a country office of this region in these days.</p>}
          csvFileName={`countries-${region.code.toLowerCase()}-${year}`}
        />
      </section>
    </>
  );
}
