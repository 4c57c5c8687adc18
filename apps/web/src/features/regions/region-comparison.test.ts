import { describe, expect, it } from 'vitest';
import { compareRegions, laterDay, periodEnd, type RegionMetricsRow, rankDescending } from './region-comparison';

function row(code: string, value: number | null): RegionMetricsRow {
  return {
    region: { id: `id-${code}`, code, name: `Region ${code}`, city: null },
    values: [{ value, previous: null, change: null, target: null, attainment: null, status: null }],
  };
}

describe('rankDescending', () => {
  it('ranks the highest first, ties sharing a rank', () => {
    expect(rankDescending([10, 30, 20, 30])).toEqual([4, 1, 3, 1]);
  });

  it('leaves missing values unranked', () => {
    expect(rankDescending([null, 5, Number.NaN, 7])).toEqual([null, 2, null, 1]);
  });
});

describe('compareRegions', () => {
  const rows = [row('RBB', 25), row('HQ', 75), row('RBC', 0)];

  it('ranks the regions and gives each its share of the total', () => {
    const compared = compareRegions(rows, 100, true);
    expect(compared.map((region) => [region.code, region.rank, region.share])).toEqual([
      ['RBB', 2, 0.25],
      ['HQ', 1, 0.75],
      ['RBC', 3, 0],
    ]);
  });

  it('gives no share for a metric that does not add up, or a total of zero', () => {
    expect(compareRegions(rows, 100, false).map((region) => region.share)).toEqual([null, null, null]);
    expect(compareRegions(rows, 0, true).map((region) => region.share)).toEqual([null, null, null]);
    expect(compareRegions(rows, null, true).map((region) => region.share)).toEqual([null, null, null]);
  });

  it('skips rows without a region', () => {
    expect(compareRegions([{ region: null, values: [] }, row('RBN', 1)], 1, true)).toHaveLength(1);
  });
});

describe('periodEnd', () => {
  it('reads to the chosen day, else the last day with data, else 31 December', () => {
    expect(periodEnd(2025, '2025-06-30', '2025-11-02')).toBe('2025-06-30');
    expect(periodEnd(2025, null, '2025-11-02')).toBe('2025-11-02');
    expect(periodEnd(2025, null, null)).toBe('2025-12-31');
  });
});

describe('laterDay', () => {
  it('takes the later of two ISO days, either may be missing', () => {
    expect(laterDay('2025-03-01', '2025-02-28')).toBe('2025-03-01');
    expect(laterDay(null, '2025-02-28')).toBe('2025-02-28');
    expect(laterDay(undefined, undefined)).toBeNull();
  });
});
