import { describe, expect, it } from 'vitest';
import { readFilters, writeFilters } from './filters';

describe('filters in the URL', () => {
  it('reads what is valid and ignores the rest', () => {
    expect(readFilters(new URLSearchParams('year=2023&asOf=2023-06-30&region=rbn&stream=CORPORATE&type=<x>'))).toEqual({
      year: 2023,
      asOf: '2023-06-30',
      regionCode: 'RBN',
      incomeStream: 'CORPORATE',
      partnerType: null,
    });
    expect(readFilters(new URLSearchParams('year=2023&asOf=2024-01-01')).asOf).toBeNull();
  });

  it('writes only what differs from the defaults, keeping other parameters', () => {
    const params = writeFilters(new URLSearchParams('page=2&region=RBB'), {
      year: 2025,
      regionCode: null,
      incomeStream: 'HNWI',
    });
    expect(params.toString()).toBe('page=2&stream=HNWI');
  });
});
