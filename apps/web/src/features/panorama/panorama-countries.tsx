import { lazy, Suspense, useMemo } from 'react';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { periodText } from '../../components/format/date';
import { formatCompactNumber, metricFormatter } from '../../components/kpi-card/metric-format';
import { EmptyState, LoadingState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../lib/graphql';
import { valuesByMetric } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

/** The map bundles the world atlas (~100 kB): it loads after the rest of the page. */
const ChoroplethMap = lazy(() =>
  import('../../components/map/choropleth-map').then((module) => ({ default: module.ChoroplethMap })),
);

/** The region's country offices (to zoom the map) and each one's key figures. */
export const PanoramaCountries_Panorama = graphql(`
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
`);

/** A country office's key figures (or the bureau's own, without a country), as `byCountry` answers them. */
type ByCountryRow = ResultOf<typeof PanoramaCountries_Panorama>['byCountry'][number];

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

/** The table's rows from `byCountry`, in the API's order; `bureauName` names the row without a country office. */
export function countryRows(rows: readonly ByCountryRow[], bureauName: string): CountryRow[] {
  return rows.map((row) => {
    const figures = valuesByMetric(row.values);
    const revenue = figures.get('REVENUE_USD');
    return {
      key: row.country?.iso3 ?? 'NONE',
      iso3: row.country?.iso3 ?? null,
      name: row.country?.name ?? bureauName,
      revenueUsd: revenue?.value ?? null,
      previousRevenueUsd: revenue?.previous ?? null,
      revenueChange: revenue?.change ?? null,
      activePartners: figures.get('ACTIVE_PARTNERS')?.value ?? null,
      beneficiaries: figures.get('BENEFICIARIES_REACHED')?.value ?? null,
    };
  });
}

/** The columns of the countries table, in the language of `t`. */
function countryColumns(t: Translate): DataColumn<CountryRow>[] {
  const column = dataColumns<CountryRow>();
  return [
    column.text({
      id: 'name',
      header: t('columns.countryOffice'),
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
    }),
    column.text({ id: 'iso3', header: 'ISO3', value: (row) => row.iso3, csvOnly: true }),
    column.usd({
      id: 'revenueUsd',
      header: t('columns.revenue'),
      csvHeader: t('columns.inUsd', { header: t('columns.revenue') }),
      value: (row) => row.revenueUsd,
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
    column.number({ id: 'activePartners', header: t('columns.activePartners'), value: (row) => row.activePartners }),
    column.number({ id: 'beneficiaries', header: t('columns.beneficiaries'), value: (row) => row.beneficiaries }),
  ];
}

const formatRevenue = metricFormatter('USD');

/** Revenue by country office: a map zoomed to the region's countries, and a table to sort and export. */
export function PanoramaCountries({ panorama: data }: { panorama: FragmentOf<typeof PanoramaCountries_Panorama> }) {
  const t = useT();
  const panorama = readFragment(PanoramaCountries_Panorama, data);
  const { region, year } = panorama;
  const bureauName = t('panorama.countries.none');
  const rows = useMemo(() => countryRows(panorama.byCountry, bureauName), [panorama.byCountry, bureauName]);
  const columns = useMemo(() => countryColumns(t), [t]);
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
        title={t('map.countryOffices')}
        lead={t('panorama.countries.mapLead', { period: periodText(panorama.asOf) })}
        className="panorama-map"
      >
        {region.countries.length === 0 ? (
          <EmptyState title={t('panorama.countries.noOffices', { code: region.code })}>
            <p>{t('panorama.countries.noOfficesBody')}</p>
          </EmptyState>
        ) : (
          <Suspense fallback={<LoadingState label={t('map.drawing')} lines={6} />}>
            <ChoroplethMap
              values={values}
              countryNames={names}
              valueFormat={formatRevenue}
              focusIso3s={focusIso3s}
              legendTitle={t('columns.inUsd', { header: t('columns.revenue') })}
              legendValueFormat={formatCompactNumber}
              ariaLabel={t('panorama.countries.mapChart', { code: region.code, year })}
            />
          </Suspense>
        )}
      </PanoramaPanel>
      <section className="card panorama-table" aria-labelledby="panorama-countries-title">
        <DataTable
          caption={t('panorama.countries.caption', { code: region.code, year })}
          captionHidden
          heading={
            <div className="panorama-panel__header">
              <h2 id="panorama-countries-title" className="panorama-panel__title">
                {t('panorama.countries.title')}
              </h2>
              <p className="panorama-panel__lead">
                {t('panorama.countries.lead', { period: periodText(panorama.asOf) })}
              </p>
            </div>
          }
          columns={columns}
          data={rows}
          getRowId={(row) => row.key}
          initialSorting={[{ id: 'revenueUsd', desc: true }]}
          emptyTitle={t('panorama.countries.empty')}
          empty={<p>{t('panorama.countries.emptyBody')}</p>}
          csvFileName={`countries-${region.code.toLowerCase()}-${year}`}
        />
      </section>
    </>
  );
}
