import { OBJECTIVES } from '@panorama/db';
import type { Modality, PartnershipStatus, PartnerType } from '@panorama/db/schema';
import { addDays, dateBetween, FIRST_YEAR, LAST_DAY } from './calendar';
import { type Geography, HQ } from './geography';
import type { Partner } from './partners';
import { type Random, searchCumulative, type Weighted } from './random';
import type { Cell } from './tables';

export interface Partnership {
  id: number;
  externalRef: string;
  name: string;
  partner: Partner;
  regionCode: string;
  countryIso3: string | null;
  objectiveCode: string;
  modality: Modality;
  status: PartnershipStatus;
  startDate: string;
  endDate: string | null;
}

export const PARTNERSHIP_COLUMNS = [
  'id',
  'external_ref',
  'name',
  'partner_id',
  'region_code',
  'country_iso3',
  'objective_code',
  'modality',
  'status',
  'start_date',
  'end_date',
] as const;

/** Which objectives each type of partner tends to serve (objectives not listed: 0.2). */
const OBJECTIVE_AFFINITY: Record<PartnerType, Record<string, number>> = {
  CORPORATION: {
    INC_GROWTH: 2,
    INC_FLEXIBLE: 1,
    IMP_NUTRITION: 2,
    IMP_RESILIENCE: 2,
    IMP_EMERGENCY: 2,
    INN_TECHNOLOGY: 2,
    INN_SHARED_VALUE: 2,
  },
  FOUNDATION: { INC_FLEXIBLE: 2, IMP_NUTRITION: 2, IMP_RESILIENCE: 2, IMP_EMERGENCY: 2, INN_TECHNOLOGY: 1 },
  HNWI: { INC_GROWTH: 2, INC_FLEXIBLE: 2, IMP_EMERGENCY: 1, IMP_NUTRITION: 1 },
  GIVING_CHANNEL: { INC_INDIVIDUAL: 4, IMP_EMERGENCY: 2, IMP_NUTRITION: 1 },
  ASSOCIATION: { INC_INDIVIDUAL: 3, INC_FLEXIBLE: 2, IMP_EMERGENCY: 1 },
};

const MODALITIES_BY_TYPE: Record<PartnerType, Weighted<Modality>> = {
  CORPORATION: [
    ['CASH', 3],
    ['IN_KIND', 2],
    ['TECHNICAL_EXPERTISE', 2],
    ['SHARED_VALUE', 1.5],
  ],
  FOUNDATION: [
    ['CASH', 6],
    ['TECHNICAL_EXPERTISE', 1],
  ],
  HNWI: [['CASH', 1]],
  GIVING_CHANNEL: [['CASH', 1]],
  ASSOCIATION: [
    ['CASH', 5],
    ['IN_KIND', 1],
  ],
};

/** How many partnerships each type of partner tends to have. */
const PARTNERSHIP_PROPENSITY: Record<PartnerType, number> = {
  CORPORATION: 4,
  FOUNDATION: 3,
  HNWI: 1,
  GIVING_CHANNEL: 1.5,
  ASSOCIATION: 1,
};

function objectiveFor(rng: Random, type: PartnerType): string {
  const affinity = OBJECTIVE_AFFINITY[type];
  return rng.weighted(OBJECTIVES.map((objective) => [objective.code, affinity[objective.code] ?? 0.2] as const));
}

function modalityFor(rng: Random, type: PartnerType, objectiveCode: string): Modality {
  if (type === 'CORPORATION' && objectiveCode === 'INN_SHARED_VALUE' && rng.chance(0.7)) return 'SHARED_VALUE';
  if (type === 'CORPORATION' && objectiveCode === 'INN_TECHNOLOGY' && rng.chance(0.6)) return 'TECHNICAL_EXPERTISE';
  return rng.weighted(MODALITIES_BY_TYPE[type]);
}

function partnershipDates(rng: Random, partner: Partner) {
  const firstActive = Math.max(0, partner.active.indexOf(true));
  const planned = rng.chance(0.05);
  const startDate = planned
    ? dateBetween(rng.int.bind(rng), '2026-01-01', '2026-06-30')
    : dateBetween(rng.int.bind(rng), `${FIRST_YEAR + firstActive - 2}-01-01`, '2025-09-30');
  const endDate = rng.chance(0.35) ? null : addDays(startDate, rng.int(365, 4 * 365));
  let status: PartnershipStatus = 'ACTIVE';
  if (planned) status = 'PLANNED';
  else if (endDate !== null && endDate < LAST_DAY) status = 'COMPLETED';
  else if (rng.chance(0.06)) status = 'SUSPENDED';
  return { startDate, endDate, status };
}

function place(rng: Random, geography: Geography, partner: Partner, region: string, date: string): string | null {
  if (region === HQ) return null;
  if (partner.countryIso3 && geography.belongsOn(partner.countryIso3, region, date) && rng.chance(0.8)) {
    return partner.countryIso3;
  }
  return rng.chance(0.6) ? geography.pickCountry(rng, region, date) : null;
}

/**
 * About two partnerships per partner, over every region and every objective: one of each
 * region × objective first, then more for the partners that engage most.
 */
export function generatePartnerships(rng: Random, geography: Geography, partners: Partner[]): Partnership[] {
  const cumulative = new Float64Array(partners.length);
  let total = 0;
  partners.forEach((partner, index) => {
    total += PARTNERSHIP_PROPENSITY[partner.type];
    cumulative[index] = total;
  });
  const drawPartner = () => partners[searchCumulative(cumulative, partners.length, rng.float() * total)] as Partner;
  const slots: { region: string | null; objective: string | null }[] = geography.regionCodes.flatMap((region) =>
    OBJECTIVES.map((objective) => ({ region, objective: objective.code })),
  );
  while (slots.length < partners.length * 2) slots.push({ region: null, objective: null });

  return slots.map((slot, index): Partnership => {
    let partner = drawPartner();
    if (slot.region !== null) {
      const region = slot.region;
      const candidates = partners.filter((p) => p.regionCode === region || (p.scope === 'GLOBAL' && region !== HQ));
      partner = rng.pick(candidates.length > 0 ? candidates : partners);
    }
    let region = slot.region ?? partner.regionCode;
    if (slot.region === null && partner.scope === 'GLOBAL' && rng.chance(0.6)) region = rng.pick(geography.bureauCodes);
    const objectiveCode = slot.objective ?? objectiveFor(rng, partner.type);
    const dates = partnershipDates(rng, partner);
    const countryIso3 = place(rng, geography, partner, region, dates.startDate);
    const objectiveName = OBJECTIVES.find((objective) => objective.code === objectiveCode)?.name ?? objectiveCode;
    const partnership: Partnership = {
      id: index + 1,
      externalRef: `PS-${String(index + 1).padStart(5, '0')}`,
      name: `${partner.name}: ${objectiveName.toLowerCase()}, ${region === HQ ? 'global' : geography.placeName(countryIso3 ?? region)}`,
      partner,
      regionCode: region,
      countryIso3,
      objectiveCode,
      modality: modalityFor(rng, partner.type, objectiveCode),
      ...dates,
    };
    partner.partnerships.push(partnership);
    return partnership;
  });
}

export function partnershipRow(partnership: Partnership): Cell[] {
  return [
    partnership.id,
    partnership.externalRef,
    partnership.name,
    partnership.partner.id,
    partnership.regionCode,
    partnership.countryIso3,
    partnership.objectiveCode,
    partnership.modality,
    partnership.status,
    partnership.startDate,
    partnership.endDate,
  ];
}

/** Whether the partnership runs on that date. */
export function runsOn(partnership: Partnership, date: string): boolean {
  return partnership.startDate <= date && (partnership.endDate === null || partnership.endDate >= date);
}
