import { describe, expect, it } from 'vitest';
import {
  buckets,
  daysIn,
  overlapDays,
  periodLabel,
  previousPeriod,
  samePeriodYearEarlier,
  wholeCalendarGrain,
} from './periods';

describe('periods', () => {
  it('counts days inclusively, leap years included', () => {
    expect(daysIn({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
    expect(daysIn({ from: '2025-01-01', to: '2025-12-31' })).toBe(365);
    expect(daysIn({ from: '2025-03-01', to: '2025-03-01' })).toBe(1);
  });

  it('cuts a range at calendar boundaries, keeping partial first and last buckets', () => {
    expect(buckets({ from: '2024-02-15', to: '2024-04-10' }, 'MONTH')).toEqual([
      { from: '2024-02-15', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-31' },
      { from: '2024-04-01', to: '2024-04-10' },
    ]);
    expect(buckets({ from: '2024-11-20', to: '2025-02-01' }, 'QUARTER')).toEqual([
      { from: '2024-11-20', to: '2024-12-31' },
      { from: '2025-01-01', to: '2025-02-01' },
    ]);
    expect(buckets({ from: '2023-01-01', to: '2024-12-31' }, 'YEAR')).toHaveLength(2);
    expect(buckets({ from: '2023-01-01', to: '2023-12-31' }, 'MONTH')).toHaveLength(12);
    expect(buckets({ from: '2023-05-05', to: '2023-06-06' }, null)).toEqual([{ from: '2023-05-05', to: '2023-06-06' }]);
  });

  it('takes the calendar period before a whole year, quarter or month', () => {
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-03-31' })).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('takes the range of equal length ending the day before for any other range', () => {
    expect(previousPeriod({ from: '2025-01-11', to: '2025-01-20' })).toEqual({ from: '2025-01-01', to: '2025-01-10' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-02' })).toEqual({ from: '2024-02-28', to: '2024-02-29' });
  });

  it('shifts both ends a year back, 29 February becoming 28 February', () => {
    expect(samePeriodYearEarlier({ from: '2024-02-29', to: '2024-02-29' })).toEqual({
      from: '2023-02-28',
      to: '2023-02-28',
    });
    expect(samePeriodYearEarlier({ from: '2025-01-01', to: '2025-06-30' })).toEqual({
      from: '2024-01-01',
      to: '2024-06-30',
    });
  });

  it('labels periods for people', () => {
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(periodLabel({ from: '2025-04-01', to: '2025-06-30' })).toBe('2025-Q2');
    expect(periodLabel({ from: '2024-02-01', to: '2024-02-29' })).toBe('Feb 2024');
    expect(periodLabel({ from: '2024-02-03', to: '2024-02-29' })).toBe('2024-02-03 – 2024-02-29');
    expect(wholeCalendarGrain({ from: '2024-02-01', to: '2024-02-28' })).toBeNull();
  });

  it('measures overlaps', () => {
    expect(overlapDays({ from: '2024-12-01', to: '2025-01-31' }, { from: '2025-01-01', to: '2025-12-31' })).toBe(31);
    expect(overlapDays({ from: '2024-01-01', to: '2024-01-31' }, { from: '2025-01-01', to: '2025-12-31' })).toBe(0);
  });
});
