import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatUsd, MISSING_VALUE } from './number';

describe('formatNumber', () => {
  it('groups thousands in en-US style', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-4200)).toBe('-4,200');
  });

  it('rounds to whole numbers unless asked for decimals', () => {
    expect(formatNumber(1234.56)).toBe('1,235');
    expect(formatNumber(1234.56, { maximumFractionDigits: 1 })).toBe('1,234.6');
    expect(formatNumber(12.5, { maximumFractionDigits: 2 })).toBe('12.5');
  });

  it('never shows a minus sign on a value that rounds to zero', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.2)).toBe('0');
  });

  it('shows a dash for missing values', () => {
    expect(formatNumber(null)).toBe(MISSING_VALUE);
    expect(formatNumber(undefined)).toBe(MISSING_VALUE);
    expect(formatNumber(Number.NaN)).toBe(MISSING_VALUE);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING_VALUE);
  });
});

describe('formatUsd', () => {
  it('shows full amounts to the cent', () => {
    expect(formatUsd(1234567.891)).toBe('$1,234,567.89');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(-250)).toBe('-$250.00');
  });

  it('shows compact amounts with one decimal at most', () => {
    expect(formatUsd(1234567, { compact: true })).toBe('$1.2M');
    expect(formatUsd(999_999, { compact: true })).toBe('$1M');
    expect(formatUsd(1500, { compact: true })).toBe('$1.5K');
    expect(formatUsd(950, { compact: true })).toBe('$950');
    expect(formatUsd(3_400_000_000, { compact: true })).toBe('$3.4B');
    expect(formatUsd(-2_500_000, { compact: true })).toBe('-$2.5M');
    expect(formatUsd(-0.01, { compact: true })).toBe('$0');
  });

  it('shows a dash for missing values', () => {
    expect(formatUsd(null)).toBe(MISSING_VALUE);
    expect(formatUsd(undefined, { compact: true })).toBe(MISSING_VALUE);
  });
});

describe('formatPercent', () => {
  it('shows a ratio as a percentage with one decimal at most', () => {
    expect(formatPercent(0.123)).toBe('12.3%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(1.05)).toBe('105%');
    expect(formatPercent(0.12345, { maximumFractionDigits: 0 })).toBe('12%');
  });

  it('signs changes when asked', () => {
    expect(formatPercent(0.12, { signed: true })).toBe('+12%');
    expect(formatPercent(-0.034, { signed: true })).toBe('-3.4%');
    expect(formatPercent(0, { signed: true })).toBe('0%');
    expect(formatPercent(-0.034)).toBe('-3.4%');
  });

  it('shows a dash for missing values', () => {
    expect(formatPercent(null)).toBe(MISSING_VALUE);
    expect(formatPercent(Number.NaN, { signed: true })).toBe(MISSING_VALUE);
  });
});
