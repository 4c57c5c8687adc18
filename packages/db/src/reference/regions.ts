import bureaux from './regions.json' with { type: 'json' };

export interface CountryDefinition {
  iso3: string;
  name: string;
  uncertain?: boolean;
  note?: string;
}

export interface RegionDefinition {
  code: string;
  name: string;
  city: string | null;
  countries: readonly CountryDefinition[];
}

/** The six regional bureaux and their countries, and the `HQ` pseudo-region. */
export const REGIONS: readonly RegionDefinition[] = [
  ...(bureaux as RegionDefinition[]),
  { code: 'HQ', name: 'Headquarters and global partnerships', city: 'Rome', countries: [] },
];

/** A country that moved from one bureau to another, and the first day it belonged to the new one. */
export interface CountryMove {
  iso3: string;
  fromRegion: string;
  toRegion: string;
  on: string;
}

/** Sudan was under the Cairo bureau until about 2019 and has been under Nairobi since 2020. */
export const COUNTRY_MOVES: readonly CountryMove[] = [
  { iso3: 'SDN', fromRegion: 'RBC', toRegion: 'RBN', on: '2020-01-01' },
];

/** The first day memberships are recorded from. */
export const MEMBERSHIP_EPOCH = '2000-01-01';
