import type { ContributionKind } from '@panorama/db/schema';
import { YEAR_COUNT } from './calendar';

/**
 * What the contributions add up to, counted while they stream out (in integer cents), so the
 * targets can be set ahead of or behind each region without reading the data back.
 */
export class ContributionStats {
  readonly revenue: Float64Array;
  readonly cashRevenue: Float64Array;
  readonly inKindRevenue: Float64Array;
  readonly count: Float64Array;
  /** Revenue per region × year × quarter. */
  readonly quarterRevenue: Float64Array;
  readonly countryRevenue: Float64Array;
  readonly countryCount: Float64Array;
  /** 1 when a partner gave in a region in a year. */
  private readonly activity: Uint8Array;
  totalCents = 0;
  rows = 0;

  constructor(
    readonly regionCount: number,
    readonly countryTotal: number,
    readonly partnerCount: number,
  ) {
    const cells = regionCount * YEAR_COUNT;
    this.revenue = new Float64Array(cells);
    this.cashRevenue = new Float64Array(cells);
    this.inKindRevenue = new Float64Array(cells);
    this.count = new Float64Array(cells);
    this.quarterRevenue = new Float64Array(cells * 4);
    this.countryRevenue = new Float64Array(countryTotal * YEAR_COUNT);
    this.countryCount = new Float64Array(countryTotal * YEAR_COUNT);
    this.activity = new Uint8Array(partnerCount * cells);
  }

  add(
    partnerIndex: number,
    region: number,
    country: number,
    year: number,
    quarter: number,
    cents: number,
    kind: ContributionKind,
  ): void {
    const cell = region * YEAR_COUNT + year;
    this.revenue[cell] = (this.revenue[cell] as number) + cents;
    const byKind = kind === 'CASH' ? this.cashRevenue : this.inKindRevenue;
    byKind[cell] = (byKind[cell] as number) + cents;
    this.count[cell] = (this.count[cell] as number) + 1;
    const quarterCell = cell * 4 + quarter - 1;
    this.quarterRevenue[quarterCell] = (this.quarterRevenue[quarterCell] as number) + cents;
    if (country >= 0) {
      const countryCell = country * YEAR_COUNT + year;
      this.countryRevenue[countryCell] = (this.countryRevenue[countryCell] as number) + cents;
      this.countryCount[countryCell] = (this.countryCount[countryCell] as number) + 1;
    }
    this.activity[(partnerIndex * this.regionCount + region) * YEAR_COUNT + year] = 1;
    this.totalCents += cents;
    this.rows++;
  }

  /** Whether a partner gave in a region (or anywhere, when `region` is null) in a year. */
  private gave(partner: number, region: number | null, year: number): boolean {
    if (region !== null) return this.activity[(partner * this.regionCount + region) * YEAR_COUNT + year] === 1;
    for (let index = 0; index < this.regionCount; index++) if (this.gave(partner, index, year)) return true;
    return false;
  }

  activePartners(region: number | null, year: number): number {
    let active = 0;
    for (let partner = 0; partner < this.partnerCount; partner++) if (this.gave(partner, region, year)) active++;
    return active;
  }

  /** Partners whose first gift in the region (or anywhere) is in that year. */
  newPartners(region: number | null, year: number): number {
    let fresh = 0;
    for (let partner = 0; partner < this.partnerCount; partner++) {
      if (!this.gave(partner, region, year)) continue;
      let before = false;
      for (let earlier = 0; earlier < year && !before; earlier++) before = this.gave(partner, region, earlier);
      if (!before) fresh++;
    }
    return fresh;
  }

  /** Share of last year's partners who gave again; null for the first year or when none gave. */
  retention(region: number | null, year: number): number | null {
    if (year === 0) return null;
    let previous = 0;
    let kept = 0;
    for (let partner = 0; partner < this.partnerCount; partner++) {
      if (!this.gave(partner, region, year - 1)) continue;
      previous++;
      if (this.gave(partner, region, year)) kept++;
    }
    return previous === 0 ? null : kept / previous;
  }
}
