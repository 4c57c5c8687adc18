import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  compareScaled,
  divideDecimals,
  ratio,
  relativeChange,
  subtractDecimals,
} from './decimal';

describe('decimals', () => {
  it('adds and subtracts exactly where floats would not', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('1234567890123.45', '0.05')).toBe('1234567890123.50');
    expect(subtractDecimals('10', '10.01')).toBe('-0.01');
    expect(addDecimals('-0.5', '0.25')).toBe('-0.25');
  });

  it('compares exactly, including scaled comparisons', () => {
    expect(compareDecimals('0.30', '0.3')).toBe(0);
    expect(compareDecimals('2', '10')).toBe(-1);
    // 95 ≥ 100 × 0.95 exactly
    expect(compareScaled('95', 100n, '100', 95n)).toBe(0);
    expect(compareScaled('94.99', 100n, '100', 95n)).toBe(-1);
  });

  it('gives ratios, null on a zero denominator', () => {
    expect(ratio('50', '200')).toBe(0.25);
    expect(ratio('50', '0.00')).toBeNull();
    expect(ratio('750.35', '1000')).toBe(0.75035);
    expect(ratio('-449.65', '300.70')).toBe(-1.495344196874);
    expect(ratio('2', '3')).toBe(0.666666666667);
  });

  it('gives relative changes as the ratio of the difference does', () => {
    expect(relativeChange('150', '100')).toBe(0.5);
    expect(relativeChange('75.5', '100.25')).toBe(ratio(subtractDecimals('75.5', '100.25'), '100.25'));
    expect(relativeChange('0', '3')).toBe(-1);
    expect(relativeChange('1', '3')).toBe(-0.666666666667);
    expect(relativeChange('5', '0.00')).toBeNull();
  });

  it('divides to any number of places, rounding half away from zero', () => {
    expect(divideDecimals('1', '8', 2)).toBe('0.13');
    expect(divideDecimals('-1', '8', 2)).toBe('-0.13');
    expect(divideDecimals('10', '4', 0)).toBe('3');
    expect(divideDecimals('1', '3', 40)).toBe(`0.${'3'.repeat(40)}`);
    expect(() => divideDecimals('1', '0')).toThrow(RangeError);
  });

  it('reads what PostgreSQL writes, surrounding spaces too, and refuses anything else', () => {
    expect(addDecimals(' 1.50 ', '-0.5')).toBe('1.00');
    expect(addDecimals('-0', '0.000')).toBe('0.000');
    for (const bad of ['', '1.', '.5', '1e3', 'NaN', '1,5', '--1'])
      expect(() => addDecimals(bad, '0')).toThrow(/Not a decimal/);
  });
});
