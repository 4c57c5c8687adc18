import type { InputProblems } from './input-problems';

/**
 * Decimal numbers typed by people (target values, amounts, probabilities), checked and kept as
 * text, exactly: they go to `numeric` columns without ever becoming JavaScript floats.
 */

/** What a decimal input may be. */
export interface DecimalRule {
  /** The most digits after the point. */
  maxScale: number;
  /** Says how many decimal places are allowed and why, such as `must be a whole number`. */
  scaleMessage: string;
  /** The most digits before the point (what the column holds). */
  maxIntegerDigits: number;
  /** The largest value allowed, as a canonical decimal, and the rule in words. */
  max?: { value: string; message: string };
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `007.500` → `7.5`: no leading zeros before the point, no trailing zeros after it. */
export function canonicalDecimal(value: string): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`Not a decimal: ${value}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const integer = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  const text = decimals ? `${integer}.${decimals}` : integer;
  return sign && /[1-9]/.test(text) ? `-${text}` : text;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; both canonical and not negative. */
function compareNonNegative(a: string, b: string): number {
  const [aWhole = '', aFraction = ''] = a.split('.');
  const [bWhole = '', bFraction = ''] = b.split('.');
  if (aWhole.length !== bWhole.length) return aWhole.length < bWhole.length ? -1 : 1;
  if (aWhole !== bWhole) return aWhole < bWhole ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const x = aFraction.padEnd(width, '0');
  const y = bFraction.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Checks a decimal typed as text against a rule: digits with an optional point, zero or more,
 * within the rule's places and bounds. Returns its canonical text, or null (with the problems
 * added) when it is refused.
 */
export function checkDecimal(problems: InputProblems, field: string, raw: string, rule: DecimalRule): string | null {
  const match = DECIMAL.exec(raw.trim());
  if (!match) {
    problems.add(
      field,
      `must be a decimal number written with digits and an optional decimal point, such as "1250000" or "0.85"; got ${JSON.stringify(raw)}`,
    );
    return null;
  }
  const value = canonicalDecimal(raw);
  if (value.startsWith('-')) {
    problems.add(field, `must be zero or more; got ${value}`);
    return null;
  }
  const [whole = '', fraction = ''] = value.split('.');
  let accepted = true;
  if (fraction.length > rule.maxScale) {
    problems.add(field, `${rule.scaleMessage}; got ${value}`);
    accepted = false;
  }
  if (rule.max && compareNonNegative(value, rule.max.value) > 0) {
    problems.add(field, `${rule.max.message}; got ${value}`);
    accepted = false;
  } else if (whole.length > rule.maxIntegerDigits) {
    problems.add(field, `must be less than 1${'0'.repeat(rule.maxIntegerDigits)}; got ${value}`);
    accepted = false;
  }
  return accepted ? value : null;
}

/** A probability or a rate: from 0 to 1, at most 4 decimal places. */
export const RATE_RULE: DecimalRule = {
  maxScale: 4,
  scaleMessage: 'has at most 4 decimal places (0.1234 is 12.34%)',
  maxIntegerDigits: 1,
  max: { value: '1', message: 'is a rate: it must be between 0 and 1 (0.85 for 85%)' },
};

/** An amount of US dollars, to the cent, as the pipeline's `numeric(14, 2)` holds it. */
export const MONEY_RULE: DecimalRule = {
  maxScale: 2,
  scaleMessage: 'is in US dollars: at most 2 decimal places (cents)',
  maxIntegerDigits: 12,
};
