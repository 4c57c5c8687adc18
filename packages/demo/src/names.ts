import type { PartnerType } from '@panorama/db/schema';
import type { Random } from './random';

/** Word lists for plausible, made-up partner names. */

const STEMS = [
  'North',
  'Blue',
  'Green',
  'Silver',
  'Golden',
  'Bright',
  'Clear',
  'True',
  'Wide',
  'Swift',
  'Stone',
  'River',
  'Sun',
  'Oak',
  'Cedar',
  'Harbor',
  'Summit',
  'Prairie',
  'Coral',
  'Maple',
  'Iron',
  'Delta',
  'Vista',
  'Crest',
  'Pioneer',
  'Horizon',
  'Atlas',
  'Meridian',
  'Lumen',
  'Terra',
];
const ENDINGS = [
  'field',
  'way',
  'line',
  'point',
  'bridge',
  'path',
  'gate',
  'wave',
  'peak',
  'bay',
  'land',
  'star',
  'mark',
  'wood',
  'dale',
  'spring',
];
const LEGAL_FORMS = ['Group', 'Ltd', 'Inc.', 'S.A.', 'plc', '& Co.', 'Holdings', 'AG', 'Corporation', 'Partners'];
const SURNAMES = [
  'Adeyemi',
  'Almeida',
  'Bauer',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Mensah',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Santos',
  'Tanaka',
  'Usman',
  'Varga',
  'Wong',
  'Yilmaz',
  'Zhou',
  'Moreau',
  'Nilsen',
  'Abebe',
  'Banda',
];
const GIVEN_NAMES = [
  'Amara',
  'Ben',
  'Carmen',
  'David',
  'Elena',
  'Farah',
  'George',
  'Hana',
  'Ivan',
  'Julia',
  'Kofi',
  'Lina',
  'Marco',
  'Nadia',
  'Omar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Zain',
];
const DONOR_COUNTRIES = [
  'Japan',
  'Germany',
  'United States',
  'United Kingdom',
  'France',
  'Italy',
  'Spain',
  'Republic of Korea',
  'Australia',
  'Canada',
  'Netherlands',
  'Sweden',
  'Norway',
  'Switzerland',
  'United Arab Emirates',
  'Brazil',
  'Mexico',
  'Ireland',
  'Austria',
  'Denmark',
];
const ASSOCIATION_FORMS = ['Friends Association', 'Committee for Zero Hunger', 'Hunger Relief Society'];
const CHANNEL_FORMS = [
  'giving app',
  'online campaign',
  'round-up at checkout',
  'peer-to-peer fundraising',
  'gaming for good',
  'workplace giving',
];

/** Business sectors, with the words their company names use. */
export const CORPORATE_SECTORS: Record<string, readonly string[]> = {
  'Food and beverage': ['Foods', 'Grains', 'Dairy', 'Nutrition', 'Harvest'],
  Logistics: ['Logistics', 'Freight', 'Shipping', 'Transport'],
  Technology: ['Technologies', 'Digital', 'Systems', 'Data', 'Software'],
  Telecommunications: ['Telecom', 'Mobile', 'Networks'],
  'Financial services': ['Bank', 'Capital', 'Insurance', 'Payments'],
  Retail: ['Retail', 'Markets', 'Stores'],
  Agriculture: ['Agro', 'Seeds', 'Farms', 'Fertilisers'],
  Energy: ['Energy', 'Power', 'Solar'],
  Pharmaceuticals: ['Pharma', 'Health', 'Life Sciences'],
  'Consumer goods': ['Consumer Brands', 'Home Care', 'Beverages'],
};

const brand = (rng: Random) => `${rng.pick(STEMS)}${rng.pick(ENDINGS)}`;

export function companyName(rng: Random, sector: string): string {
  const words = CORPORATE_SECTORS[sector] ?? ['Industries'];
  return `${brand(rng)} ${rng.pick(words)} ${rng.pick(LEGAL_FORMS)}`;
}

function personName(rng: Random): string {
  return `${rng.pick(GIVEN_NAMES)} ${rng.pick(SURNAMES)}`;
}

function foundationName(rng: Random): string {
  return rng.weighted<() => string>([
    [() => `The ${rng.pick(SURNAMES)} Family Foundation`, 3],
    [() => `${brand(rng)} Foundation`, 2],
    [() => `${rng.pick(SURNAMES)} Charitable Trust`, 2],
    [() => `${rng.pick(GIVEN_NAMES)} and ${rng.pick(GIVEN_NAMES)} ${rng.pick(SURNAMES)} Fund`, 1],
  ])();
}

/** A name for a partner of that type; `sector` for companies. */
export function partnerName(rng: Random, type: PartnerType, sector: string | null): string {
  switch (type) {
    case 'CORPORATION':
      return companyName(rng, sector ?? '');
    case 'FOUNDATION':
      return foundationName(rng);
    case 'HNWI':
      return personName(rng);
    case 'GIVING_CHANNEL':
      return `${brand(rng)} ${rng.pick(CHANNEL_FORMS)}`;
    case 'ASSOCIATION':
      return `${rng.pick(DONOR_COUNTRIES)} ${rng.pick(ASSOCIATION_FORMS)}`;
  }
}

/** Draws names until one is new; after a few tries, numbers it. */
export function uniqueName(taken: Set<string>, draw: () => string): string {
  let name = draw();
  for (let attempt = 0; taken.has(name) && attempt < 20; attempt++) name = draw();
  const base = name;
  for (let number = 2; taken.has(name); number++) name = `${base} (${number})`;
  taken.add(name);
  return name;
}
