import { describe, expect, it } from 'vitest';
import { statusOf } from './status';

const year2025 = { from: '2025-01-01', to: '2025-12-31' };

describe('status by the pace rule', () => {
  it('is ON_TRACK from exactly 95 % of the expected value, AT_RISK from 75 %', () => {
    expect(statusOf('95', '100', year2025, '2025-12-31', false)).toBe('ON_TRACK');
    expect(statusOf('94.99', '100', year2025, '2025-12-31', false)).toBe('AT_RISK');
    expect(statusOf('75', '100', year2025, '2025-12-31', false)).toBe('AT_RISK');
    expect(statusOf('74.99', '100', year2025, '2025-12-31', false)).toBe('OFF_TRACK');
  });

  it('expects only the share of the target for the days elapsed by asOf', () => {
    // 73 of 365 days: expected 73; 95 % of it is 69.35.
    expect(statusOf('69.35', '365', year2025, '2025-03-14', false)).toBe('ON_TRACK');
    expect(statusOf('69.34', '365', year2025, '2025-03-14', false)).toBe('AT_RISK');
    // In a leap year 1 January to 29 February is 60 of 366 days.
    expect(statusOf('57', '366', { from: '2024-01-01', to: '2024-12-31' }, '2024-02-29', false)).toBe('ON_TRACK');
    expect(statusOf('0', '100', year2025, '2024-12-31', false)).toBe('ON_TRACK');
    expect(statusOf('0', '100', year2025, '2026-06-30', false)).toBe('OFF_TRACK');
  });

  it('judges a rate against the target itself, and gives no status without a target or a value', () => {
    expect(statusOf('0.38', '0.4', year2025, '2025-01-10', true)).toBe('ON_TRACK');
    expect(statusOf('0.3', '0.4', year2025, '2025-01-10', true)).toBe('AT_RISK');
    expect(statusOf('0.29', '0.4', year2025, '2025-01-10', true)).toBe('OFF_TRACK');
    expect(statusOf('10', null, year2025, '2025-12-31', false)).toBeNull();
    expect(statusOf(null, '0.4', year2025, '2025-12-31', true)).toBeNull();
  });
});
