import { describe, expect, it } from 'vitest';
import { canonicalDecimal, checkDecimal, MONEY_RULE, RATE_RULE } from './decimal-input';
import type { InvalidInputError } from './errors';
import { InputProblems } from './input-problems';

describe('decimal input', () => {
  it('writes decimals canonically, without changing their value', () => {
    expect(canonicalDecimal('007.500')).toBe('7.5');
    expect(canonicalDecimal('12.0000')).toBe('12');
    expect(canonicalDecimal('-0.00')).toBe('0');
    expect(canonicalDecimal('0.0001')).toBe('0.0001');
  });

  /** The canonical value, or the messages of the problems found. */
  function check(raw: string, rule = MONEY_RULE): string | string[] {
    const problems = new InputProblems();
    const value = checkDecimal(problems, 'value', raw, rule);
    try {
      problems.throwIfAny();
    } catch (error) {
      return (error as InvalidInputError).problems.map((problem) => problem.message);
    }
    return value ?? 'null';
  }

  it('accepts amounts to the cent and rates from 0 to 1, exactly', () => {
    expect(check(' 999999999999.99 ')).toBe('999999999999.99');
    expect(check('1.0000', RATE_RULE)).toBe('1');
    expect(check('0', RATE_RULE)).toBe('0');
  });

  it('says what is wrong and what is allowed', () => {
    expect(check('1e6')).toEqual([expect.stringMatching(/decimal number .* got "1e6"/)]);
    expect(check('-1')).toEqual(['must be zero or more; got -1']);
    expect(check('1000000000000')).toEqual(['must be less than 1000000000000; got 1000000000000']);
    expect(check('0.001')).toEqual([expect.stringMatching(/2 decimal places/)]);
    expect(check('1.00001', RATE_RULE)).toEqual([
      expect.stringMatching(/at most 4 decimal places/),
      expect.stringMatching(/between 0 and 1/),
    ]);
    expect(check('12', RATE_RULE)).toEqual([expect.stringMatching(/a rate: it must be between 0 and 1.*got 12/)]);
  });
});
