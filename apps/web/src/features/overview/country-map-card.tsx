import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  formatCompactNumber,
  formatMetricValueFull,
  metricFormatter,
  parseUnit,
  unitWord,
} from '../../components/kpi-card/metric-format';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { graphql, type ResultOf } from '../../lib/graphql';
import { catalogByCode, countryFigures, MAP_METRICS, type MapMetric, type MetricDefinition } from './overview-model';
import './country-map-card.css';

/** One metric by country office over the overview's days, largest first, and each bureau's countries (to zoom). */
export const CountryMapCard_CountryMap = graphql(`
  query CountryMapCard_CountryMap($metric: MetricCode!, $from: Date!, $to: Date!) {
    metrics(metrics: [$metric], from: $from, to: $to, groupBy: [COUNTRY], orderBy: [{ metric: $metric }]) {
      rows {
        country {
          iso3
          name
        }
        values {
          value
        }
      }
    }
    regions {
      code
      name
      city
      countries {
        iso3
      }
    }
  }
`);

/** A bureau the map can zoom to, with its countries. */
type MapRegion = ResultOf<typeof CountryMapCard_CountryMap>['regions'][number];

interface CountryMapCardProps {
  year: number;
  /** The last day of the figures: the map reads 1 January to this day, like the rest of the page. */
  asOf: string;
  catalog: readonly MetricDefinition[];
  /** The bureau to zoom to at first (the region filter), or null for the world. */
  initialRegionCode?: string | null;
}

/** The map bundles the world atlas (~100 kB): it loads after the rest of the page. */
const ChoroplethMap = lazy(() =>
  import('../../components/map/choropleth-map').then((module) => ({ default: module.ChoroplethMap })),
);

const TOP_COUNTRIES = 8;
const WORLD = '';

/** The country offices on a map, shaded by a chosen metric, with the leading countries beside it. */
export function CountryMapCard({ year, asOf, catalog, initialRegionCode = null }: CountryMapCardProps) {
  const t = useT();
  const titleId = useId();
  const metricId = useId();
  const zoomId = useId();
  const [metric, setMetric] = useState<MapMetric>('REVENUE_USD');
  const [regionCode, setRegionCode] = useState<string>(initialRegionCode ?? WORLD);
  const [result, reexecute] = useQuery({
    query: CountryMapCard_CountryMap,
    variables: { metric, from: `${year}-01-01`, to: asOf },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const definitions = catalogByCode(catalog);
  const definition = definitions.get(metric);
  const label = definition ? metricLabel(definition) : metric;
  const unit = parseUnit(definition?.unit);
  const valueFormat = useMemo(() => metricFormatter(unit), [unit]);
  // The legend's ranges without the unit's word, which its title carries: "Beneficiaries reached (people)".
  const word = unitWord(unit, 2);
  const legendTitle = word ? t('map.legendTitle', { label, unit: word }) : label;
  const legendFormat = word ? formatCompactNumber : valueFormat;
  const figures = useMemo(() => countryFigures(result.data?.metrics.rows ?? []), [result.data]);
  const regions = result.data?.regions ?? [];
  const focus = regions.find((region) => region.code === regionCode);
  const focusIso3s = useMemo(() => focus?.countries.map((country) => country.iso3), [focus]);
  const ranked = focus ? figures.ranked.filter((country) => focusIso3s?.includes(country.iso3)) : figures.ranked;
  const place = focus ? regionName(focus) : t('map.theWorld');

  return (
    <section className="card overview-panel overview-map" aria-labelledby={titleId}>
      <header className="overview-panel__header overview-map__header">
        <div>
          <h2 id={titleId} className="overview-panel__title">
            {t('map.countryOffices')}
          </h2>
          <p className="overview-panel__lead">{t('map.lead', { label, year })}</p>
        </div>
        <div className="overview-map__controls">
          <label className="field" htmlFor={metricId}>
            <span className="field__label">{t('map.shadeBy')}</span>
            <select
              id={metricId}
              className="field__control"
              value={metric}
              onChange={(event) => setMetric(event.currentTarget.value as MapMetric)}
            >
              {MAP_METRICS.map((code) => (
                <option key={code} value={code}>
                  {metricLabel(definitions.get(code) ?? { code, label: code })}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={zoomId}>
            <span className="field__label">{t('map.zoomTo')}</span>
            <select
              id={zoomId}
              className="field__control"
              value={regionCode}
              onChange={(event) => setRegionCode(event.currentTarget.value)}
            >
              <option value={WORLD}>{t('map.world')}</option>
              {regions
                .filter((region) => region.countries.length > 0)
                .map((region) => (
                  <option key={region.code} value={region.code}>
                    {regionName(region)}
                  </option>
                ))}
            </select>
          </label>
        </div>
      </header>
      <div aria-busy={result.fetching}>
        {result.data === undefined ? (
          result.error && !result.fetching ? (
            <ErrorState title={t('map.error')} detail={result.error.message} onRetry={retry} />
          ) : (
            <LoadingState label={t('map.loading')} lines={6} />
          )
        ) : figures.ranked.length === 0 ? (
          <EmptyState title={t('map.empty', { label: label.toLowerCase(), year })} />
        ) : (
          <div className="overview-map__body">
            <Suspense fallback={<LoadingState label={t('map.drawing')} lines={6} />}>
              <ChoroplethMap
                values={figures.values}
                countryNames={figures.names}
                valueFormat={valueFormat}
                focusIso3s={focusIso3s}
                legendTitle={legendTitle}
                legendValueFormat={legendFormat}
                ariaLabel={t('map.chart', { label, place, year })}
              />
            </Suspense>
            <div className="overview-map__ranking">
              <h3 className="overview-map__ranking-title">
                {focus ? t('map.leadingIn', { region: focus.code }) : t('map.leading')}
              </h3>
              {ranked.length === 0 ? (
                <p className="overview-map__ranking-none">{t('map.noneInRegion')}</p>
              ) : (
                <ol className="overview-map__ranking-list">
                  {ranked.slice(0, TOP_COUNTRIES).map((country) => (
                    <li key={country.iso3}>
                      <span className="overview-map__country">{country.name}</span>
                      <span className="overview-map__value" title={formatMetricValueFull(country.value, unit)}>
                        {valueFormat(country.value)}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

function regionName(region: MapRegion): string {
  return region.city ? `${region.code} · ${region.city}` : region.code;
}
