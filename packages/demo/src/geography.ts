import { COUNTRY_MOVES, REGIONS } from '@panorama/db';
import { type Random, searchCumulative } from './random';

export const HQ = 'HQ';

/** How a region behaves in the demo: its yearly growth, and how its targets compare with what it raises. */
export interface RegionProfile {
  /** Yearly growth of the number of gifts raised by the region's partners. */
  growth: number;
  /** Target ÷ actual: below 1 the region runs ahead of its targets, above 1 behind them. */
  targetStance: number;
  /** Relative number of local partners. */
  partnerWeight: number;
}

const PROFILES: Record<string, RegionProfile> = {
  HQ: { growth: 0.03, targetStance: 1.0, partnerWeight: 0 },
  RBB: { growth: 0.09, targetStance: 0.88, partnerWeight: 1.4 },
  RBC: { growth: -0.01, targetStance: 1.2, partnerWeight: 1.1 },
  RBD: { growth: 0.05, targetStance: 1.03, partnerWeight: 0.9 },
  RBJ: { growth: -0.05, targetStance: 1.42, partnerWeight: 0.8 },
  RBN: { growth: 0.06, targetStance: 0.93, partnerWeight: 1.0 },
  RBP: { growth: 0.02, targetStance: 1.1, partnerWeight: 1.3 },
};
const DEFAULT_PROFILE: RegionProfile = { growth: 0.05, targetStance: 1.0, partnerWeight: 1 };

interface CountryPool {
  codes: string[];
  cumulative: Float64Array;
}

/**
 * The bureaux and their countries over time, from the reference data: which bureau a country
 * belonged to on a date (Sudan moved from Cairo to Nairobi), and weighted draws of countries.
 */
export class Geography {
  readonly regionCodes: readonly string[] = REGIONS.map((region) => region.code);
  readonly bureauCodes: readonly string[] = this.regionCodes.filter((code) => code !== HQ);
  readonly countryCodes: readonly string[] = REGIONS.flatMap((region) => region.countries.map((c) => c.iso3));
  /** Moved countries, one entry per move: they get a local partner of their own. */
  readonly movedCountries: readonly string[] = [...new Set(COUNTRY_MOVES.map((move) => move.iso3))];

  private readonly regionIndexes = new Map(this.regionCodes.map((code, index) => [code, index]));
  private readonly countryIndexes = new Map(this.countryCodes.map((code, index) => [code, index]));
  private readonly names = new Map<string, string>();
  private readonly currentRegion = new Map<string, string>();
  private readonly movesByCountry = new Map(
    this.movedCountries.map((iso3) => [
      iso3,
      COUNTRY_MOVES.filter((move) => move.iso3 === iso3).sort((a, b) => a.on.localeCompare(b.on)),
    ]),
  );
  private readonly moveDates = [...new Set(COUNTRY_MOVES.map((move) => move.on))].sort();
  /** Pools per region, one per epoch between two move dates. */
  private readonly pools = new Map<string, CountryPool[]>();
  private readonly marketWeights: Float64Array;

  constructor(rng: Random) {
    for (const region of REGIONS) {
      this.names.set(region.code, region.name);
      for (const country of region.countries) {
        this.names.set(country.iso3, country.name);
        this.currentRegion.set(country.iso3, region.code);
      }
    }
    // Offices whose presence the reference data marks uncertain (small island states…) raise less.
    const uncertain = new Set(
      REGIONS.flatMap((region) => region.countries.filter((c) => c.uncertain).map((c) => c.iso3)),
    );
    this.marketWeights = Float64Array.from(
      this.countryCodes,
      (iso3) => rng.logNormal(1, 0.9) * (uncertain.has(iso3) ? 0.3 : 1),
    );
    const epochStarts = ['0000-01-01', ...this.moveDates];
    for (const region of this.regionCodes) {
      this.pools.set(
        region,
        epochStarts.map((start) =>
          this.pool(this.countryCodes.filter((iso3) => this.regionOn(iso3, start) === region)),
        ),
      );
    }
  }

  private pool(codes: string[]): CountryPool {
    const cumulative = new Float64Array(codes.length);
    let total = 0;
    codes.forEach((iso3, index) => {
      total += this.marketWeights[this.countryIndex(iso3)] as number;
      cumulative[index] = total;
    });
    return { codes, cumulative };
  }

  regionIndex(code: string): number {
    const index = this.regionIndexes.get(code);
    if (index === undefined) throw new Error(`Unknown region ${code}`);
    return index;
  }

  countryIndex(iso3: string): number {
    const index = this.countryIndexes.get(iso3);
    if (index === undefined) throw new Error(`Unknown country ${iso3}`);
    return index;
  }

  /** Name of a region or a country. */
  nameOf(code: string): string {
    return this.names.get(code) ?? code;
  }

  /** How a sentence names a place: a country, a bureau's area, or several countries for HQ. */
  placeName(code: string): string {
    if (code === HQ) return 'several countries';
    return this.nameOf(code)
      .replace(/^Regional Bureau for /, '')
      .replace(/\s*\(.*\)$/, '');
  }

  /** Relative size of a country's market (fixed per seed). */
  marketWeight(iso3: string): number {
    return this.marketWeights[this.countryIndex(iso3)] as number;
  }

  profile(region: string): RegionProfile {
    return PROFILES[region] ?? DEFAULT_PROFILE;
  }

  /** The bureau a country belonged to on a date. */
  regionOn(iso3: string, date: string): string {
    const current = this.currentRegion.get(iso3);
    if (current === undefined) throw new Error(`Unknown country ${iso3}`);
    const moves = this.movesByCountry.get(iso3);
    if (!moves) return current;
    let region = moves[0]?.fromRegion ?? current;
    for (const move of moves) if (move.on <= date) region = move.toRegion;
    return region;
  }

  belongsOn(iso3: string, region: string, date: string): boolean {
    return this.regionOn(iso3, date) === region;
  }

  private poolOn(region: string, date: string): CountryPool {
    let epoch = 0;
    while (epoch < this.moveDates.length && (this.moveDates[epoch] as string) <= date) epoch++;
    const pool = this.pools.get(region)?.[epoch];
    if (!pool) throw new Error(`Unknown region ${region}`);
    return pool;
  }

  /** The countries of a region on a date (none for HQ). */
  countriesOn(region: string, date: string): readonly string[] {
    return this.poolOn(region, date).codes;
  }

  /** A country of the region on that date, bigger markets more often; null for HQ. */
  pickCountry(rng: Random, region: string, date: string): string | null {
    const { codes, cumulative } = this.poolOn(region, date);
    if (codes.length === 0) return null;
    const total = cumulative[codes.length - 1] as number;
    return codes[searchCumulative(cumulative, codes.length, rng.float() * total)] ?? null;
  }
}
