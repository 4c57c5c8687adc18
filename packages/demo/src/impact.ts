import { type MetricDefinition, RECORDED_METRICS } from '@panorama/metrics/catalog';
import { daysInMonth, isoDate, YEAR_COUNT, YEARS } from './calendar';
import { type Geography, HQ } from './geography';
import { scaledToDecimal } from './money';
import { type Partnership, runsOn } from './partnerships';
import type { Random } from './random';
import type { Cell } from './tables';

export const IMPACT_COLUMNS = [
  'id',
  'external_ref',
  'date',
  'metric_code',
  'value',
  'region_code',
  'country_iso3',
  'partnership_id',
  'objective_code',
] as const;

/** A typical observation of a metric, and how many decimals it is recorded with. */
interface Observation {
  median: number;
  sigma: number;
  decimals: number;
}

const OBSERVATIONS: Record<string, Observation> = {
  BENEFICIARIES_REACHED: { median: 4_000, sigma: 0.9, decimals: 0 },
  MEALS_PROVIDED: { median: 60_000, sigma: 1, decimals: 0 },
  FOOD_TONNES: { median: 120, sigma: 1, decimals: 1 },
  PEOPLE_TRAINED: { median: 250, sigma: 0.8, decimals: 0 },
  EXPERTISE_DAYS: { median: 40, sigma: 0.8, decimals: 1 },
  WORKPLANS_COMPLETED: { median: 1.5, sigma: 0.4, decimals: 0 },
  CONTENT_PIECES_PUBLISHED: { median: 6, sigma: 0.6, decimals: 0 },
  PRACTITIONERS_IN_NETWORK: { median: 8, sigma: 0.7, decimals: 0 },
};

/** For metrics added to the catalog later: a size by unit. */
const BY_UNIT: Record<string, Observation> = {
  PEOPLE: { median: 1_000, sigma: 0.9, decimals: 0 },
  MEALS: { median: 50_000, sigma: 1, decimals: 0 },
  TONNES: { median: 100, sigma: 1, decimals: 1 },
  DAYS: { median: 30, sigma: 0.8, decimals: 1 },
  USD: { median: 10_000, sigma: 1, decimals: 2 },
  COUNT: { median: 5, sigma: 0.6, decimals: 0 },
};

/** What the impact records add up to, per metric × region × year, in 10^-4 units (as stored). */
export class ImpactStats {
  private readonly sums = new Map<string, number>();

  add(metric: string, region: string, year: number, units: number): void {
    const key = `${metric}|${region}|${year}`;
    this.sums.set(key, (this.sums.get(key) ?? 0) + units);
  }

  /** Sum in 10^-4 units. */
  total(metric: string, region: string, year: number): number {
    return this.sums.get(`${metric}|${region}|${year}`) ?? 0;
  }
}

function observation(metric: MetricDefinition): Observation | null {
  if (metric.unit === 'RATE') return null;
  return OBSERVATIONS[metric.code] ?? BY_UNIT[metric.unit] ?? BY_UNIT.COUNT ?? null;
}

/**
 * A few thousand observations of the impact and enabler metrics: one to three per bureau,
 * metric and quarter (fewer at HQ), growing with each region, linked to a running partnership
 * of the metric's objective when the region has one.
 */
export function generateImpactRecords(
  rng: Random,
  geography: Geography,
  partnerships: Partnership[],
  stats: ImpactStats,
): Cell[][] {
  const byRegionObjective = new Map<string, Partnership[]>();
  for (const partnership of partnerships) {
    const key = `${partnership.regionCode}|${partnership.objectiveCode}`;
    byRegionObjective.set(key, [...(byRegionObjective.get(key) ?? []), partnership]);
  }
  const rows: Cell[][] = [];
  for (const metric of RECORDED_METRICS as readonly MetricDefinition[]) {
    const shape = observation(metric);
    const objective = metric.objectiveCode;
    if (!shape || !objective) continue;
    const factor = 10 ** shape.decimals;
    for (const region of geography.regionCodes) {
      const growth = 1 + geography.profile(region).growth;
      const regionScale = region === HQ ? 0.5 : rng.logNormal(1, 0.4);
      for (let year = 0; year < YEAR_COUNT; year++) {
        for (let quarter = 0; quarter < 4; quarter++) {
          const records = region === HQ ? 1 : rng.int(1, 3);
          for (let record = 0; record < records; record++) {
            const month = quarter * 3 + rng.int(1, 3);
            const calendarYear = YEARS[year] as number;
            const date = isoDate(calendarYear, month, rng.int(1, daysInMonth(calendarYear, month)));
            const size = rng.logNormal(shape.median, shape.sigma) * regionScale * growth ** year;
            const units = Math.max(1, Math.round(size * factor));
            const running = (byRegionObjective.get(`${region}|${objective}`) ?? []).filter((p) => runsOn(p, date));
            const partnership = running.length > 0 && rng.chance(0.6) ? rng.pick(running) : null;
            const own = partnership?.countryIso3 ?? null;
            const country =
              own !== null && geography.belongsOn(own, region, date)
                ? own
                : rng.chance(0.8)
                  ? geography.pickCountry(rng, region, date)
                  : null;
            stats.add(metric.code, region, year, units * 10 ** (4 - shape.decimals));
            const id = rows.length + 1;
            rows.push([
              id,
              `I-${String(id).padStart(6, '0')}`,
              date,
              metric.code,
              scaledToDecimal(units, shape.decimals),
              region,
              country,
              partnership?.id ?? null,
              objective,
            ]);
          }
        }
      }
    }
  }
  return rows;
}
