import { describe, expect, it } from 'vitest';
import {
  addDays,
  buckets,
  calendarPeriod,
  daysIn,
  isIsoDate,
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

  it('counts days as the calendar does, every day from 1600 to 2400', () => {
    // The reference: JavaScript's own calendar, day by day (1600 and 2000 are leap years, 1700,
    // 1800, 1900 and 2100 are not).
    const DAY_MS = 86_400_000;
    const first = Date.UTC(1600, 0, 1);
    let day = '1600-01-01';
    let days = 0;
    for (let time = first; time <= Date.UTC(2400, 11, 31); time += DAY_MS, days++) {
      const expected = new Date(time).toISOString().slice(0, 10);
      if (day !== expected) expect(day).toBe(expected);
      if (daysIn({ from: '1600-01-01', to: day }) !== days + 1)
        expect(daysIn({ from: '1600-01-01', to: day })).toBe(days + 1);
      day = addDays(day, 1);
    }
    expect(days).toBe(801 * 365 + 195); // 801 years, 195 of them leap
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1999-12-31', 1)).toBe('2000-01-01');
    expect(addDays('2025-01-01', -366)).toBe('2024-01-01'); // 2024 has 366 days
    expect(calendarPeriod('MONTH', '2100-02-10')).toEqual({ from: '2100-02-01', to: '2100-02-28' });
    expect(calendarPeriod('QUARTER', '2024-12-31')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('tells a real date from a string that only looks like one', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01', '0001-01-01']) {
      expect(isIsoDate(day), day).toBe(true);
    }
    for (const day of [
      '2025-02-29',
      '1900-02-29',
      '2025-02-30',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '25-01-01',
    ]) {
      expect(isIsoDate(day), day).toBe(false);
    }
  });
});
