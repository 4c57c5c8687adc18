import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { type FocusEvent, type MouseEvent, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/language-provider';
import { sequentialScale } from './color-scale';
import { MapLegend } from './map-legend';
import { type WorldCountry, worldCountries } from './world-countries';
import './choropleth-map.css';

export interface ChoroplethMapProps {
  /** Values by ISO3 code (`{ KEN: 1200000 }`); countries left out, or null, are drawn grey. */
  values: Readonly<Record<string, number | null | undefined>>;
  /** Formats values in the legend, the tooltip and the countries' labels. */
  valueFormat: (value: number) => string;
  /** What the map shows: "Revenue by country, 2025". Its title for screen readers. */
  ariaLabel: string;
  /** The legend's heading; default: none. */
  legendTitle?: string;
  /** Formats the legend's ranges when they should be shorter (no unit: the title says it); default: valueFormat. */
  legendValueFormat?: (value: number) => string;
  /** Names by ISO3 code, from the API; default: the atlas's short names. */
  countryNames?: Readonly<Record<string, string>>;
  /** Zoom to these countries (a region's), keeping the others around them. Default: the world. */
  focusIso3s?: readonly string[];
}

/** The drawing's own coordinate space; the SVG scales to its container's width. */
const WIDTH = 960;
const HEIGHT = 480;
const PADDING = 12;

interface ShapedCountry extends WorldCountry {
  path: string;
  centroid: [number, number];
  /** In the zoomed-to region (or no zoom): only these are keyboard stops, the others lie at the edges. */
  inFocus: boolean;
}

interface ActiveCountry {
  id: string;
  /** Where to show the tooltip, as fractions of the drawing's width and height. */
  x: number;
  y: number;
}

/**
 * A choropleth of the country offices: each country shaded by its value on a sequential scale,
 * grey without data, with a legend. Countries with data are reachable by keyboard and say their
 * name and value; hovering or focusing one shows a tooltip.
 */
export function ChoroplethMap({
  values,
  valueFormat,
  ariaLabel,
  legendTitle,
  legendValueFormat = valueFormat,
  countryNames,
  focusIso3s,
}: ChoroplethMapProps) {
  const t = useT();
  const titleId = useId();
  const [active, setActive] = useState<ActiveCountry | null>(null);
  const focusKey = focusIso3s?.join(',') ?? '';
  const countries = useMemo(() => shapeCountries(focusIso3s), [focusKey]);
  const scale = useMemo(() => sequentialScale(Object.values(values)), [values]);

  const nameOf = (country: WorldCountry) => (country.iso3 && countryNames?.[country.iso3]) || country.name;
  const valueFor = (country: WorldCountry) => (country.iso3 ? values[country.iso3] : undefined);
  const activeCountry = active ? countries.find((country) => country.id === active.id) : undefined;

  const byId = new Map(countries.map((country) => [country.id, country]));
  /** The country under an event: each path carries its atlas id (one set of handlers for all). */
  const countryAt = (target: EventTarget) =>
    target instanceof Element ? byId.get(target.getAttribute('data-country') ?? '') : undefined;

  const showAtPointer = (event: MouseEvent<SVGSVGElement>) => {
    const country = countryAt(event.target);
    const box = event.currentTarget.getBoundingClientRect();
    if (!country || box.width === 0) return setActive(null);
    setActive({ id: country.id, x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height });
  };
  const showAtCentre = (event: FocusEvent<SVGSVGElement>) => {
    const country = countryAt(event.target);
    if (country) setActive({ id: country.id, x: country.centroid[0] / WIDTH, y: country.centroid[1] / HEIGHT });
  };
  const hide = () => setActive(null);

  return (
    <div className="choropleth">
      <div className="choropleth__canvas">
        <svg
          className="choropleth__svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          aria-labelledby={titleId}
          onMouseMove={showAtPointer}
          onMouseLeave={hide}
          onFocus={showAtCentre}
          onBlur={hide}
        >
          <title id={titleId}>{ariaLabel}</title>
          {inTabOrder(countries, valueFor, nameOf).map((country) => {
            const value = valueFor(country);
            if (typeof value !== 'number' || !Number.isFinite(value)) {
              // Without data: grey, and without a name, so screen readers pass over it (SVG-AAM).
              return (
                <path
                  key={country.id}
                  data-country={country.id}
                  d={country.path}
                  className="choropleth__country choropleth__country--empty"
                  fill={scale.colorOf(null)}
                />
              );
            }
            // With data: reachable by keyboard (its tooltip shows on focus), named with its value. A path
            // has no role of its own that takes a name (axe: aria-prohibited-attr), so it is an image.
            return (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: focusable only to show its tooltip; it does nothing else.
              <path
                key={country.id}
                data-country={country.id}
                d={country.path}
                className="choropleth__country"
                fill={scale.colorOf(value)}
                role="img"
                tabIndex={country.inFocus ? 0 : undefined}
                aria-label={`${nameOf(country)}: ${valueFormat(value)}`}
              />
            );
          })}
          {activeCountry ? <path d={activeCountry.path} className="choropleth__highlight" /> : null}
        </svg>
        {active && activeCountry ? (
          <div
            className="choropleth__tooltip"
            style={{ left: `${active.x * 100}%`, top: `${active.y * 100}%` }}
            aria-hidden="true"
          >
            <span className="choropleth__tooltip-name">{nameOf(activeCountry)}</span>
            <span className="choropleth__tooltip-value">
              {formatValue(valueFor(activeCountry), valueFormat) ?? t('map.noData')}
            </span>
          </div>
        ) : null}
      </div>
      <MapLegend title={legendTitle} classes={scale.classes} valueFormat={legendValueFormat} />
    </div>
  );
}

/**
 * The countries in drawing order: those without data first, then those with data by name, so
 * that the keyboard visits them alphabetically (the atlas's own order is arbitrary).
 */
function inTabOrder<Country extends WorldCountry>(
  countries: readonly Country[],
  valueFor: (country: WorldCountry) => number | null | undefined,
  nameOf: (country: WorldCountry) => string,
): Country[] {
  const hasValue = (country: WorldCountry) => {
    const value = valueFor(country);
    return typeof value === 'number' && Number.isFinite(value);
  };
  const empty = countries.filter((country) => !hasValue(country));
  const withData = countries.filter(hasValue).sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en'));
  return [...empty, ...withData];
}

function formatValue(value: number | null | undefined, valueFormat: (value: number) => string): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? valueFormat(value) : null;
}

/** Projects the world to fit the drawing, or the focus countries when the atlas has any of them. */
function shapeCountries(focusIso3s: readonly string[] | undefined): ShapedCountry[] {
  const world = worldCountries();
  const focus = new Set(focusIso3s?.map((code) => code.toUpperCase()) ?? []);
  const focused = world.filter((country) => country.iso3 !== null && focus.has(country.iso3));
  const fitTo: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: (focused.length > 0 ? focused : world).map((country) => country.feature),
  };
  const projection = geoEqualEarth().fitExtent(
    [
      [PADDING, PADDING],
      [WIDTH - PADDING, HEIGHT - PADDING],
    ],
    fitTo,
  );
  const toPath = geoPath(projection);
  return world
    .map((country) => {
      const [x, y] = toPath.centroid(country.feature);
      return {
        ...country,
        path: toPath(country.feature) ?? '',
        centroid: [x, y] as [number, number],
        inFocus: focused.length === 0 || (country.iso3 !== null && focus.has(country.iso3)),
      };
    })
    .filter((country) => country.path !== '');
}
