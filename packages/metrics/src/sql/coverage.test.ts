import { describe, expect, it } from 'vitest';
import { bucketStarts, coverage, yearDays } from './coverage';

describe('coverage', () => {
  it('reads whole years, then whole months, then days, and leaves the rest to the fact table', () => {
    const period = { from: '2023-02-15', to: '2025-03-10' };
    expect(coverage(period, ['Y', 'M', 'D'])).toEqual({
      buckets: [
        { grain: 'D', from: '2023-02-15', to: '2023-02-28' },
        { grain: 'M', from: '2023-03-01', to: '2023-12-01' },
        { grain: 'Y', from: '2024-01-01', to: '2024-01-01' },
        { grain: 'M', from: '2025-01-01', to: '2025-02-01' },
        { grain: 'D', from: '2025-03-01', to: '2025-03-10' },
      ],
      facts: [],
    });
    expect(coverage(period, ['Y', 'M']).facts).toEqual([
      { from: '2023-02-15', to: '2023-02-28' },
      { from: '2025-03-01', to: '2025-03-10' },
    ]);
    expect(coverage(period, ['Y'])).toEqual({
      buckets: [{ grain: 'Y', from: '2024-01-01', to: '2024-01-01' }],
      facts: [
        { from: '2023-02-15', to: '2023-12-31' },
        { from: '2025-01-01', to: '2025-03-10' },
      ],
    });
  });

  it('joins consecutive days across a month end, and lists each bucket', () => {
    const { buckets } = coverage({ from: '2024-01-15', to: '2024-02-10' }, ['Y', 'M', 'D']);
    expect(buckets).toEqual([{ grain: 'D', from: '2024-01-15', to: '2024-02-10' }]);
    expect(bucketStarts({ grain: 'M', from: '2023-11-01', to: '2024-02-01' })).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01',
      '2024-02-01',
    ]);
  });
});

describe('yearDays', () => {
  it('gives the whole months of each year and the days of the months cut at either end', () => {
    expect(yearDays({ from: '2024-02-15', to: '2025-03-10' })).toEqual([
      { year: '2024-01-01', months: 0b111111111100, head: { firstBit: 46, bits: 15 }, tail: { firstBit: 0, bits: 0 } },
      { year: '2025-01-01', months: 0b11, head: { firstBit: 0, bits: 0 }, tail: { firstBit: 60, bits: 10 } },
    ]);
    expect(yearDays({ from: '2024-12-31', to: '2024-12-31' })).toEqual([
      { year: '2024-01-01', months: 0, head: { firstBit: 366, bits: 1 }, tail: { firstBit: 0, bits: 0 } },
    ]);
    expect(yearDays({ from: '2023-01-01', to: '2023-12-31' })[0]?.months).toBe(0xfff);
  });
});
