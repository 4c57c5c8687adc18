import type { PartnerType } from '@panorama/db/schema';
import { daysInMonth, isoDate, quarterOf, YEAR_COUNT, YEARS } from './calendar';
import type { ContributionStats } from './contribution-stats';
import { type Geography, HQ } from './geography';
import { giftCents, giftKind, giftObjective, giftStream } from './gifts';
import { centsToDecimal } from './money';
import type { Partner } from './partners';
import { type Partnership, runsOn } from './partnerships';
import { type Random, searchCumulative } from './random';
import { apportion, dayCumulative, MONTH_SHAPES, YEAR_SHOCKS } from './seasonality';
import type { Cell } from './tables';

export const CONTRIBUTION_COLUMNS = [
  'id',
  'external_ref',
  'date',
  'amount_usd',
  'income_stream',
  'kind',
  'partner_id',
  'objective_code',
  'region_code',
  'country_iso3',
  'partnership_id',
] as const;

/** Chance that a gift goes through one of the partner's running partnerships. */
const PARTNERSHIP_LINK: Record<PartnerType, number> = {
  CORPORATION: 0.6,
  FOUNDATION: 0.7,
  HNWI: 0.3,
  GIVING_CHANNEL: 0.15,
  ASSOCIATION: 0.3,
};

interface Context {
  rng: Random;
  geography: Geography;
  stats: ContributionStats;
  refWidth: number;
}

function partnershipFor(rng: Random, partner: Partner, date: string): Partnership | null {
  if (partner.partnerships.length === 0 || !rng.chance(PARTNERSHIP_LINK[partner.type])) return null;
  const running = partner.partnerships.filter((partnership) => runsOn(partnership, date));
  return running.length > 0 ? rng.pick(running) : null;
}

/** Where a gift outside a partnership was raised: the partner's country, its office, or HQ. */
function raisedIn(rng: Random, geography: Geography, partner: Partner, date: string): [string, string | null] {
  if (partner.countryIso3 && rng.chance(0.9))
    return [geography.regionOn(partner.countryIso3, date), partner.countryIso3];
  let region = partner.regionCode;
  if (region === HQ) {
    if (partner.scope === 'LOCAL' || rng.chance(0.65)) return [HQ, null];
    region = rng.pick(geography.bureauCodes);
  }
  return [region, rng.chance(0.7) ? geography.pickCountry(rng, region, date) : null];
}

function contribution(context: Context, id: number, partner: Partner, date: string, year: number): Cell[] {
  const { rng, geography } = context;
  const stream = giftStream(rng, partner);
  const partnership = partnershipFor(rng, partner, date);
  let region: string;
  let country: string | null;
  let objective: string;
  if (partnership) {
    region = partnership.regionCode;
    const own = partnership.countryIso3;
    country = own !== null && geography.belongsOn(own, region, date) ? own : null;
    objective = partnership.objectiveCode;
  } else {
    [region, country] = raisedIn(rng, geography, partner, date);
    objective = giftObjective(rng, stream);
  }
  const kind = giftKind(rng, stream, partnership);
  const cents = giftCents(rng, partner, stream, kind, year);
  context.stats.add(
    partner.id - 1,
    geography.regionIndex(region),
    country === null ? -1 : geography.countryIndex(country),
    year,
    quarterOf(date),
    cents,
    kind,
  );
  return [
    id,
    `C-${String(id).padStart(context.refWidth, '0')}`,
    date,
    centsToDecimal(cents),
    stream,
    kind,
    partner.id,
    objective,
    region,
    country,
    partnership?.id ?? null,
  ];
}

/** Each partner's weight in each year: its gift rate, its region's growth, the year's shock; 0 when lapsed. */
function yearlyWeights(geography: Geography, partners: Partner[]): Float64Array {
  const weights = new Float64Array(partners.length * YEAR_COUNT);
  partners.forEach((partner, index) => {
    const growth = geography.profile(partner.regionCode).growth;
    for (let year = 0; year < YEAR_COUNT; year++) {
      if (!partner.active[year]) continue;
      weights[index * YEAR_COUNT + year] = partner.giftRate * (1 + growth) ** year * (YEAR_SHOCKS[year] ?? 1);
    }
  });
  return weights;
}

/**
 * The contributions, in date order, streamed one row at a time (nothing held but one month's
 * weights): `count` gifts split over the 84 months by the partners' weights and the seasons,
 * each month's gifts spread over its days, each gift drawn from the partners giving that month.
 */
export function* contributionRows(
  rng: Random,
  geography: Geography,
  partners: Partner[],
  count: number,
  stats: ContributionStats,
): Generator<Cell[]> {
  const context: Context = { rng, geography, stats, refWidth: Math.max(7, String(count).length) };
  const yearly = yearlyWeights(geography, partners);
  const monthTotals = new Float64Array(YEAR_COUNT * 12);
  partners.forEach((partner, index) => {
    const shape = MONTH_SHAPES[partner.stream];
    for (let year = 0; year < YEAR_COUNT; year++) {
      const weight = yearly[index * YEAR_COUNT + year] as number;
      for (let month = 0; month < 12; month++) {
        monthTotals[year * 12 + month] = (monthTotals[year * 12 + month] as number) + weight * (shape[month] as number);
      }
    }
  });
  const monthCounts = apportion(count, monthTotals);
  const cumulative = new Float64Array(partners.length);
  let id = 0;
  for (let year = 0; year < YEAR_COUNT; year++) {
    const calendarYear = YEARS[year] as number;
    for (let month = 0; month < 12; month++) {
      const gifts = monthCounts[year * 12 + month] as number;
      if (gifts === 0) continue;
      let total = 0;
      partners.forEach((partner, index) => {
        total += (yearly[index * YEAR_COUNT + year] as number) * (MONTH_SHAPES[partner.stream][month] as number);
        cumulative[index] = total;
      });
      const days = dayCumulative(calendarYear, month + 1);
      const dayTotal = days[days.length - 1] as number;
      const perDay = new Uint32Array(daysInMonth(calendarYear, month + 1));
      for (let gift = 0; gift < gifts; gift++) {
        const day = searchCumulative(days, days.length, rng.float() * dayTotal);
        perDay[day] = (perDay[day] as number) + 1;
      }
      for (let day = 0; day < perDay.length; day++) {
        const date = isoDate(calendarYear, month + 1, day + 1);
        for (let gift = 0; gift < (perDay[day] as number); gift++) {
          const partner = partners[searchCumulative(cumulative, partners.length, rng.float() * total)] as Partner;
          id++;
          yield contribution(context, id, partner, date, year);
        }
      }
    }
  }
}
