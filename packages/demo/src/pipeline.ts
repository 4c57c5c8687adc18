import { OBJECTIVES } from '@panorama/db';
import type { OpportunityStage } from '@panorama/db/schema';
import { dateBetween, FIRST_YEAR, YEAR_COUNT, yearIndexOf } from './calendar';
import { type Geography, HQ } from './geography';
import { centsToDecimal, dollarsToCents } from './money';
import { CORPORATE_SECTORS, companyName, uniqueName } from './names';
import type { Partner } from './partners';
import type { Random, Weighted } from './random';
import type { Cell } from './tables';

export const OPPORTUNITY_COLUMNS = [
  'id',
  'name',
  'partner_id',
  'prospect_name',
  'region_code',
  'country_iso3',
  'objective_code',
  'stage',
  'amount_usd',
  'probability',
  'expected_close_date',
] as const;

/** How many opportunities sit in each stage, and the chance (in %) each stage is given. */
const STAGES: Weighted<OpportunityStage> = [
  ['IDENTIFIED', 25],
  ['QUALIFIED', 20],
  ['PROPOSAL', 18],
  ['NEGOTIATION', 12],
  ['WON', 15],
  ['LOST', 10],
];
const PERCENT_BY_STAGE: Record<OpportunityStage, number> = {
  IDENTIFIED: 10,
  QUALIFIED: 25,
  PROPOSAL: 50,
  NEGOTIATION: 75,
  WON: 100,
  LOST: 0,
};
const OPEN_STAGES = new Set<OpportunityStage>(['IDENTIFIED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION']);
const THEMES = [
  'school meals',
  'emergency logistics',
  'nutrition products',
  'cash-based transfers',
  'smallholder market access',
  'climate insurance',
  'digital payments',
  'supply-chain expertise',
  'year-end campaign',
  'employee giving',
];

/** The weighted pipeline of open opportunities per region × year of expected close, in cents × percent. */
export class PipelineStats {
  private readonly sums = new Map<string, number>();

  add(region: string, year: number, centsTimesPercent: number): void {
    const key = `${region}|${year}`;
    this.sums.set(key, (this.sums.get(key) ?? 0) + centsTimesPercent);
  }

  /** Weighted pipeline in cents (rounded). */
  weightedCents(region: string, year: number): number {
    return Math.round((this.sums.get(`${region}|${year}`) ?? 0) / 100);
  }
}

/** About 250 opportunities over every stage, closing 2024–2026; a third are prospects, not yet partners. */
export function generateOpportunities(
  rng: Random,
  geography: Geography,
  partners: Partner[],
  stats: PipelineStats,
): Cell[][] {
  const count = Math.round((partners.length * 5) / 6);
  const prospects = new Set(partners.map((partner) => partner.name));
  const rows: Cell[][] = [];
  for (let index = 0; index < count; index++) {
    const stage = rng.weighted(STAGES);
    const open = OPEN_STAGES.has(stage);
    const partner = rng.chance(0.3) ? null : rng.pick(partners);
    const prospect = partner
      ? null
      : uniqueName(prospects, () => companyName(rng, rng.pick(Object.keys(CORPORATE_SECTORS))));
    const region = partner?.regionCode ?? rng.pick(geography.regionCodes);
    const closeDate = open
      ? dateBetween(rng.int.bind(rng), '2025-01-01', '2026-12-31')
      : dateBetween(rng.int.bind(rng), '2024-01-01', '2025-12-31');
    const country =
      partner?.countryIso3 && geography.belongsOn(partner.countryIso3, region, closeDate)
        ? partner.countryIso3
        : region !== HQ && rng.chance(0.5)
          ? geography.pickCountry(rng, region, closeDate)
          : null;
    const percent = open
      ? Math.min(95, Math.max(5, PERCENT_BY_STAGE[stage] + rng.int(-1, 1) * 5))
      : PERCENT_BY_STAGE[stage];
    const cents = dollarsToCents(Math.round(rng.logNormal(150_000, 1.1) / 1_000) * 1_000 + 1_000);
    const year = yearIndexOf(closeDate);
    if (open && year < YEAR_COUNT) stats.add(region, year, cents * percent);
    const theme = rng.pick(THEMES);
    rows.push([
      index + 1,
      `${partner?.name ?? prospect}: ${theme} ${FIRST_YEAR + year}`,
      partner?.id ?? null,
      prospect,
      region,
      country,
      rng.chance(0.9) ? rng.pick(OBJECTIVES).code : null,
      stage,
      centsToDecimal(cents),
      (percent / 100).toFixed(2),
      closeDate,
    ]);
  }
  return rows;
}
