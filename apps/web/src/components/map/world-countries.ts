import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import countriesTopology from 'world-atlas/countries-110m.json';
import { iso3Of } from './country-codes';

/** A country shape of the atlas, with the ISO3 code of its country office when it has one. */
export interface WorldCountry {
  /** The atlas id: the ISO 3166-1 numeric code (`"404"`), or a made-up key for disputed areas. */
  id: string;
  /** The country office's ISO3 code, or null for a country without one. */
  iso3: string | null;
  /** The atlas's short name ("Dem. Rep. Congo"), for when the API gives none. */
  name: string;
  feature: Feature<Geometry, { name: string }>;
}

/** Antarctica (010): drawn nowhere, it would only take room at the bottom of the world. */
const LEFT_OUT = new Set(['010']);

let cached: readonly WorldCountry[] | null = null;

/** The world's countries at 1:110m, converted from TopoJSON once and kept. Bundled: works offline. */
export function worldCountries(): readonly WorldCountry[] {
  if (cached) return cached;
  const topology = countriesTopology as unknown as Parameters<typeof feature>[0];
  const collection = feature(topology, 'countries') as unknown as FeatureCollection<Geometry, { name: string }>;
  cached = collection.features
    .filter((shape) => !LEFT_OUT.has(String(shape.id)))
    .map((shape, index) => {
      const id = shape.id === undefined ? `unnamed-${index}` : String(shape.id);
      return { id, iso3: iso3Of(shape.id), name: shape.properties?.name ?? id, feature: shape };
    });
  return cached;
}
