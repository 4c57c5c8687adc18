import { describe, expect, it } from 'vitest';
import regions from '../../../../../packages/db/src/reference/regions.json';
import { iso3Of, NUMERIC_BY_ISO3, numericCodeOf } from './country-codes';
import { worldCountries } from './world-countries';

/** Every country office of the reference data: ISO3 and name. */
const offices = regions.flatMap((region) => region.countries);

/** The atlas's short names that do not start like the reference name. */
const ATLAS_NAMES: Readonly<Record<string, string>> = {
  PRK: 'North Korea',
  LAO: 'Laos',
  COD: 'Dem. Rep. Congo',
  PSE: 'Palestine',
  SSD: 'S. Sudan',
  TZA: 'Tanzania',
  CIV: "Côte d'Ivoire",
};

/** Small islands the 1:110m atlas leaves out: the map skips them. */
const NOT_IN_ATLAS = [
  'COK',
  'FSM',
  'KIR',
  'MHL',
  'NRU',
  'NIU',
  'PLW',
  'WSM',
  'TKL',
  'TON',
  'TUV',
  'STP',
  'BRB',
  'AIA',
  'ATG',
  'ABW',
  'BMU',
  'VGB',
  'CYM',
  'CUW',
  'DMA',
  'GRD',
  'MSR',
  'LCA',
  'KNA',
  'VCT',
  'SXM',
  'TCA',
];

function simplify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('NUMERIC_BY_ISO3', () => {
  it('has a numeric code for every country office of regions.json', () => {
    expect(offices.length).toBeGreaterThan(100);
    const missing = offices.filter((office) => !NUMERIC_BY_ISO3[office.iso3]).map((office) => office.iso3);
    expect(missing).toEqual([]);
  });

  it('gives each country its own three-digit code', () => {
    const codes = Object.values(NUMERIC_BY_ISO3);
    expect(codes.every((code) => /^\d{3}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('maps every office the atlas draws to the atlas shape of the same country', () => {
    const atlas = new Map(worldCountries().map((country) => [country.id, country.name]));
    const drawn = offices.filter((office) => atlas.has(NUMERIC_BY_ISO3[office.iso3] ?? ''));
    for (const office of drawn) {
      const atlasName = atlas.get(NUMERIC_BY_ISO3[office.iso3] ?? '') ?? '';
      const expected = ATLAS_NAMES[office.iso3];
      if (expected) expect(atlasName, office.iso3).toBe(expected);
      else {
        // The atlas abbreviates ("Central African Rep.", "Laos", "Syria"): compare the first word.
        const first = simplify(atlasName).split(' ')[0] ?? '';
        expect(simplify(office.name), `${office.iso3} is drawn as ${atlasName}`).toContain(first);
      }
    }
    expect(drawn).toHaveLength(offices.length - NOT_IN_ATLAS.length);
  });

  it('leaves out only small islands the atlas does not draw', () => {
    const drawnIds = new Set(worldCountries().map((country) => country.id));
    const notDrawn = offices.filter((office) => !drawnIds.has(NUMERIC_BY_ISO3[office.iso3] ?? ''));
    expect(notDrawn.map((office) => office.iso3).sort()).toEqual([...NOT_IN_ATLAS].sort());
  });

  it('misses no atlas shape that bears the name of an office', () => {
    const byName = new Map(offices.map((office) => [simplify(office.name), office.iso3]));
    for (const country of worldCountries()) {
      const iso3 = byName.get(simplify(country.name));
      if (iso3) expect(country.iso3, country.name).toBe(iso3);
    }
  });
});

describe('numericCodeOf and iso3Of', () => {
  it('go both ways', () => {
    expect(numericCodeOf('KEN')).toBe('404');
    expect(numericCodeOf('ken')).toBe('404');
    expect(iso3Of('404')).toBe('KEN');
    expect(iso3Of(4)).toBe('AFG');
    expect(iso3Of('004')).toBe('AFG');
  });

  it('answer null outside the table', () => {
    expect(numericCodeOf('FRA')).toBeNull();
    expect(iso3Of('250')).toBeNull();
    expect(iso3Of(undefined)).toBeNull();
  });
});
