import type { IncomeStream, PartnerScope, PartnerType } from '@panorama/db/schema';
import { LAST_DAY, YEAR_COUNT } from './calendar';
import { type Geography, HQ } from './geography';
import { CORPORATE_SECTORS, partnerName, uniqueName } from './names';
import type { Partnership } from './partnerships';
import type { Random, Weighted } from './random';
import type { Cell } from './tables';

export interface Partner {
  id: number;
  externalRef: string;
  name: string;
  type: PartnerType;
  sector: string | null;
  scope: PartnerScope;
  /** The office that manages the relationship. */
  regionCode: string;
  countryIso3: string | null;
  /** Whether the partner gives in each year of the calendar (lapses and returns included). */
  active: boolean[];
  /** Relative number of gifts per year. */
  giftRate: number;
  /** Multiplier of the partner's gift sizes. */
  sizeFactor: number;
  /** The income stream its gifts count under. */
  stream: IncomeStream;
  partnerships: Partnership[];
}

interface TypeProfile {
  share: number;
  stream: IncomeStream;
  giftRate: number;
  globalShare: number;
  sector: (rng: Random) => string | null;
}

const SECTOR_NAMES = Object.keys(CORPORATE_SECTORS);

/** Gift-giving channels make most of the gifts; companies and foundations give fewer, larger ones. */
const TYPE_PROFILES: Record<PartnerType, TypeProfile> = {
  CORPORATION: {
    share: 0.4,
    stream: 'CORPORATE',
    giftRate: 1.2,
    globalShare: 0.3,
    sector: (rng) => rng.pick(SECTOR_NAMES),
  },
  FOUNDATION: { share: 0.14, stream: 'FOUNDATION', giftRate: 1, globalShare: 0.4, sector: () => 'Philanthropy' },
  HNWI: { share: 0.2, stream: 'HNWI', giftRate: 2, globalShare: 0.1, sector: () => null },
  GIVING_CHANNEL: {
    share: 0.13,
    stream: 'INDIVIDUAL_GIVING',
    giftRate: 60,
    globalShare: 0.5,
    sector: () => 'Digital fundraising',
  },
  ASSOCIATION: { share: 0.13, stream: 'INDIVIDUAL_GIVING', giftRate: 3, globalShare: 0, sector: () => 'Civil society' },
};

/** Most partners give from 2019; new ones join every year. */
const FIRST_YEAR_WEIGHTS: Weighted<number> = [
  [0, 45],
  [1, 10],
  [2, 10],
  [3, 9],
  [4, 9],
  [5, 9],
  [6, 8],
];

export const PARTNER_COLUMNS = [
  'id',
  'external_ref',
  'name',
  'partner_type',
  'sector',
  'scope',
  'region_code',
  'country_iso3',
] as const;

/** About 300 partners, a few more for very large seeds. */
export function partnerCount(contributions: number): number {
  return Math.max(300, Math.round(300 * (contributions / 50_000) ** 0.3));
}

/** The types of `count` partners in the profile's proportions, every type at least once, shuffled. */
function partnerTypes(rng: Random, count: number): PartnerType[] {
  const entries = Object.entries(TYPE_PROFILES) as [PartnerType, TypeProfile][];
  const types = entries.flatMap(([type, profile]) => Array(Math.max(1, Math.floor(count * profile.share))).fill(type));
  while (types.length < count) types.push('CORPORATION');
  return rng.shuffle(types.slice(0, count));
}

/** Active years: a first year, perhaps a last one, perhaps a lapse of a year or two in between. */
function activeYears(rng: Random): boolean[] {
  const first = rng.weighted(FIRST_YEAR_WEIGHTS);
  const last = first < YEAR_COUNT - 1 && rng.chance(0.2) ? rng.int(first, YEAR_COUNT - 2) : YEAR_COUNT - 1;
  const active = Array.from({ length: YEAR_COUNT }, (_, year) => year >= first && year <= last);
  if (last - first >= 3 && rng.chance(0.3)) {
    const length = rng.int(1, 2);
    const start = rng.int(first + 1, last - length);
    for (let year = start; year < start + length; year++) active[year] = false;
  }
  return active;
}

function homeRegion(rng: Random, geography: Geography, scope: PartnerScope, type: PartnerType): string {
  if (type === 'ASSOCIATION' || (scope === 'GLOBAL' && rng.chance(0.85))) return HQ;
  return rng.weighted(geography.bureauCodes.map((code) => [code, geography.profile(code).partnerWeight] as const));
}

export function generatePartners(rng: Random, geography: Geography, count: number): Partner[] {
  const names = new Set<string>();
  const partners = partnerTypes(rng, count).map((type, index): Partner => {
    const profile = TYPE_PROFILES[type];
    const sector = profile.sector(rng);
    const scope: PartnerScope = rng.chance(profile.globalShare) ? 'GLOBAL' : 'LOCAL';
    const regionCode = homeRegion(rng, geography, scope, type);
    const countryIso3 = scope === 'LOCAL' && rng.chance(0.85) ? geography.pickCountry(rng, regionCode, LAST_DAY) : null;
    return {
      id: index + 1,
      externalRef: `P-${String(index + 1).padStart(5, '0')}`,
      name: uniqueName(names, () => partnerName(rng, type, sector)),
      type,
      sector,
      scope,
      regionCode,
      countryIso3,
      active: activeYears(rng),
      giftRate: profile.giftRate * rng.logNormal(1, 0.8),
      sizeFactor: rng.logNormal(1, 0.5),
      stream: profile.stream,
      partnerships: [],
    };
  });
  // Each country that changed bureau gets a steady local appeal, so the move shows in the data.
  const local = (type: PartnerType) => partners.filter((partner) => partner.type === type && partner.scope === 'LOCAL');
  const appeals = [...local('GIVING_CHANNEL'), ...local('CORPORATION')];
  geography.movedCountries.forEach((iso3, index) => {
    const appeal = appeals[index];
    if (!appeal) return;
    appeal.regionCode = geography.regionOn(iso3, LAST_DAY);
    appeal.countryIso3 = iso3;
    appeal.active = appeal.active.map(() => true);
    appeal.giftRate = TYPE_PROFILES[appeal.type].giftRate * (appeal.type === 'GIVING_CHANNEL' ? 1 : 15);
  });
  return partners;
}

export function partnerRow(partner: Partner): Cell[] {
  return [
    partner.id,
    partner.externalRef,
    partner.name,
    partner.type,
    partner.sector,
    partner.scope,
    partner.regionCode,
    partner.countryIso3,
  ];
}
