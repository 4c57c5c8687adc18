import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod, yearPeriod } from '../periods';
import { partnerCountLevel } from './partner-counts';

const years = [
  { idx: 0, ...yearPeriod(2025) },
  { idx: 1, ...yearPeriod(2024) },
  { idx: 2, ...yearPeriod(2023) },
];
const retention = [
  { idx: 0, previousIdx: 1 },
  { idx: 1, previousIdx: 2 },
];

describe('partnerCountLevel: which partner counts answer a query', () => {
  it('counts over every region, per region, or per region and country, one row per group', () => {
    expect(partnerCountLevel([], null, years, retention)).toBe('A');
    expect(partnerCountLevel(['REGION'], null, years, retention)).toBe('R');
    expect(partnerCountLevel(['REGION'], { regionCodes: ['RBN', 'HQ'] }, years, [])).toBe('R');
    expect(partnerCountLevel([], { regionCodes: ['RBN', 'RBN'], countryIsos: [] }, years, [])).toBe('R');
    expect(partnerCountLevel(['COUNTRY'], { regionCodes: ['RBN'] }, years, [])).toBe('C');
    expect(partnerCountLevel(['COUNTRY', 'REGION'], { countryIsos: ['KEN'] }, years, [])).toBe('C');
  });

  it('none where a group would be several slices of a level, or the cut is not a region or a country', () => {
    // Partners give in several regions and countries: counts of slices do not add up.
    expect(partnerCountLevel([], { regionCodes: ['RBN', 'HQ'] }, years, [])).toBeNull();
    expect(partnerCountLevel(['COUNTRY'], null, years, [])).toBeNull();
    expect(partnerCountLevel(['REGION'], { countryIsos: ['KEN'] }, years, [])).toBeNull();
    expect(partnerCountLevel(['PARTNER_TYPE'], null, years, [])).toBeNull();
    expect(partnerCountLevel([], { kind: 'CASH' }, years, [])).toBeNull();
    expect(partnerCountLevel([], { incomeStreams: ['CORPORATE'] }, years, [])).toBeNull();
  });

  it('none unless every period is a whole calendar year, compared with the year before', () => {
    expect(partnerCountLevel([], null, [{ idx: 0, ...quarterPeriod(2025, 1) }], [])).toBeNull();
    expect(partnerCountLevel([], null, [{ idx: 0, ...monthPeriod(2024, 12) }], [])).toBeNull();
    expect(partnerCountLevel([], null, [{ idx: 0, from: '2025-01-01', to: '2025-06-15' }], [])).toBeNull();
    expect(partnerCountLevel([], null, [{ idx: 0, from: '2024-01-02', to: '2025-01-01' }], [])).toBeNull();
    expect(partnerCountLevel([], null, years, [{ idx: 0, previousIdx: 2 }])).toBeNull();
  });
});
