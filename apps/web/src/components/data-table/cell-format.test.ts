import { describe, expect, it } from 'vitest';
import { formatDate, formatEnum, formatMetricValue, formatRowRange } from './cell-format';

describe('formatMetricValue', () => {
  it('formats each unit of the catalog', () => {
    expect(formatMetricValue(1234567.891, 'USD')).toBe('$1,234,567.89');
    expect(formatMetricValue(1234567, 'USD', { compact: true })).toBe('$1.2M');
    expect(formatMetricValue(0.8234, 'RATE')).toBe('82.3%');
    expect(formatMetricValue(1234.56, 'TONNES')).toBe('1,234.6');
    expect(formatMetricValue(1234.56, 'PEOPLE')).toBe('1,235');
    expect(formatMetricValue(42, 'COUNT')).toBe('42');
  });

  it('shows a dash for a missing value', () => {
    expect(formatMetricValue(null, 'USD')).toBe('—');
    expect(formatMetricValue(undefined, 'RATE')).toBe('—');
  });
});

describe('formatDate', () => {
  it('writes an ISO day for people, whatever the time zone', () => {
    expect(formatDate('2025-03-07')).toBe('Mar 7, 2025');
    expect(formatDate('2024-12-31')).toBe('Dec 31, 2024');
  });

  it('shows a dash for anything else', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('7 March')).toBe('—');
  });
});

describe('formatEnum', () => {
  it('writes API enum values in words', () => {
    expect(formatEnum('GIVING_CHANNEL')).toBe('Giving channel');
    expect(formatEnum('INDIVIDUAL_GIVING')).toBe('Individual giving');
    expect(formatEnum('CASH')).toBe('Cash');
  });

  it('keeps acronyms and names the special cases', () => {
    expect(formatEnum('HNWI')).toBe('HNWI');
    expect(formatEnum('IN_KIND')).toBe('In kind');
    expect(formatEnum(null)).toBe('—');
  });
});

describe('formatRowRange', () => {
  it('says which rows a page shows, out of how many', () => {
    expect(formatRowRange(0, 50, 1234)).toBe('1–50 of 1,234');
    expect(formatRowRange(24, 50, 1234)).toBe('1,201–1,234 of 1,234');
    expect(formatRowRange(1, 25, 30, 5)).toBe('26–30 of 30');
  });

  it('says when there is nothing', () => {
    expect(formatRowRange(0, 50, 0)).toBe('No rows');
  });
});
