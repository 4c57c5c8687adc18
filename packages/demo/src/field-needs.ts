import { OBJECTIVES } from '@panorama/db';
import type { FieldNeedStatus } from '@panorama/db/schema';
import { dateBetween } from './calendar';
import type { Geography } from './geography';
import type { Partnership } from './partnerships';
import type { Random, Weighted } from './random';
import type { Cell } from './tables';

export const FIELD_NEED_COLUMNS = [
  'id',
  'title',
  'description',
  'sector',
  'region_code',
  'country_iso3',
  'objective_code',
  'status',
  'identified_on',
  'partnership_id',
] as const;

interface NeedTemplate {
  title: string;
  sector: string;
  objective: string;
  description: string;
}

const NEEDS: readonly NeedTemplate[] = [
  {
    title: 'Cold-chain storage for fortified foods',
    sector: 'Logistics',
    objective: 'IMP_NUTRITION',
    description:
      'Refrigerated storage and transport to keep fortified foods safe between the port and distribution points.',
  },
  {
    title: 'Mobile money for cash-based transfers',
    sector: 'Financial services',
    objective: 'INN_TECHNOLOGY',
    description: 'A mobile-money operator to pay cash transfers to families in remote districts.',
  },
  {
    title: 'Drought insurance for smallholder farmers',
    sector: 'Financial services',
    objective: 'IMP_RESILIENCE',
    description: 'An insurer to design index-based cover that pays out before a failed harvest turns into hunger.',
  },
  {
    title: 'Local sourcing of school-meal ingredients',
    sector: 'Agriculture',
    objective: 'IMP_NUTRITION',
    description: 'Buyers and aggregators to link smallholder farmers with the school-meals programme.',
  },
  {
    title: 'Trucks and drivers for the lean season',
    sector: 'Logistics',
    objective: 'IMP_EMERGENCY',
    description: 'Extra transport capacity to preposition food before the roads close in the rainy season.',
  },
  {
    title: 'Connectivity for beneficiary registration',
    sector: 'Telecommunications',
    objective: 'INN_TECHNOLOGY',
    description: 'Data connectivity and devices so field teams can register and verify families on the spot.',
  },
  {
    title: 'Solar power for warehouses',
    sector: 'Energy',
    objective: 'INN_SHARED_VALUE',
    description: 'Solar installations to cut fuel costs and outages at the main warehouses.',
  },
  {
    title: 'Food-safety training for local millers',
    sector: 'Food and beverage',
    objective: 'IMP_RESILIENCE',
    description: 'Food-safety and quality experts to train the millers who fortify flour for the programme.',
  },
  {
    title: 'Data analysts for market monitoring',
    sector: 'Technology',
    objective: 'INN_TECHNOLOGY',
    description: 'Analysts to build dashboards of food prices that flag markets under stress early.',
  },
  {
    title: 'Packaging for ready-to-use foods',
    sector: 'Consumer goods',
    objective: 'IMP_EMERGENCY',
    description: 'Packaging know-how to extend the shelf life of locally produced ready-to-use foods.',
  },
];

const STATUSES: Weighted<FieldNeedStatus> = [
  ['OPEN', 45],
  ['MATCHED', 35],
  ['CLOSED', 20],
];

const knownObjective = (code: string) => (OBJECTIVES.some((objective) => objective.code === code) ? code : null);

/** Three to six needs per bureau; a matched need points at a partnership of its bureau. */
export function generateFieldNeeds(rng: Random, geography: Geography, partnerships: Partnership[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const region of geography.bureauCodes) {
    const regional = partnerships.filter((partnership) => partnership.regionCode === region);
    const templates = rng.shuffle(NEEDS).slice(0, rng.int(3, 6));
    for (const need of templates) {
      const identifiedOn = dateBetween(rng.int.bind(rng), '2022-01-01', '2025-11-30');
      const country = rng.chance(0.85) ? geography.pickCountry(rng, region, identifiedOn) : null;
      let status = rng.weighted(STATUSES);
      const candidates = regional.filter((partnership) => partnership.objectiveCode === need.objective);
      const partnership = status === 'MATCHED' ? rng.pick(candidates.length > 0 ? candidates : regional) : null;
      if (status === 'MATCHED' && !partnership) status = 'OPEN';
      const place = geography.placeName(country ?? region);
      rows.push([
        rows.length + 1,
        `${need.title} in ${place}`,
        need.description,
        need.sector,
        region,
        country,
        knownObjective(need.objective),
        status,
        identifiedOn,
        partnership?.id ?? null,
      ]);
    }
  }
  return rows;
}
