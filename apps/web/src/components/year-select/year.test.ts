import { describe, expect, it } from 'vitest';
import { DEFAULT_YEAR, parseYear, REPORTING_YEARS } from './year';

describe('REPORTING_YEARS', () => {
  it('lists 2025 down to 2019', () => {
    expect(REPORTING_YEARS).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019]);
  });
});

describe('parseYear', () => {
  it('reads a reporting year', () => {
    expect(parseYear('2019')).toBe(2019);
    expect(parseYear('2023')).toBe(2023);
    expect(parseYear('2025')).toBe(2025);
  });

  it('falls back to 2025 when the year is missing, malformed or out of range', () => {
    expect(DEFAULT_YEAR).toBe(2025);
    for (const value of [null, undefined, '', 'abc', '2023.5', ' 2023', '02023', '2018', '2026']) {
      expect(parseYear(value)).toBe(DEFAULT_YEAR);
    }
  });
});
