/** Parsers of single CSV values: each returns the normalized value or what is allowed instead. */

/** A parsed value, or the reason it is refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The earliest and latest dates accepted (the reference data's memberships start in 2000). */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` that exists (2024-02-29 does, 2025-02-29 does not). */
export function parseIsoDate(text: string): Parsed<string> {
  const match = ISO_DATE.exec(text);
  if (!match) return refuse('must be a date written YYYY-MM-DD, e.g. 2024-03-31');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return refuse('is not a date: the month must be 01 to 12 (YYYY-MM-DD)');
  if (day < 1 || day > daysInMonth(year, month)) {
    return refuse(`is not a date: ${match[1]}-${match[2]} has ${daysInMonth(year, month)} days`);
  }
  if (text < FIRST_DATE || text > LAST_DATE) return refuse(`must be between ${FIRST_DATE} and ${LAST_DATE}`);
  return ok(text);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The shape of a decimal column: digits after the point it stores, digits before it allowed. */
export interface DecimalShape {
  /** Digits kept after the decimal point (2 for money); the normalized value has exactly this many. */
  scale: number;
  /** Largest number of digits before the decimal point (the column's precision minus its scale). */
  integerDigits: number;
  /** Whole numbers only (counts of people, meals…). */
  whole?: boolean;
  /** At most 1 (a rate). */
  atMostOne?: boolean;
}

/** Money in US dollars: numeric(14, 2). */
export const MONEY: DecimalShape = { scale: 2, integerDigits: 12 };
/** A measured quantity: numeric(18, 4). */
export const QUANTITY: DecimalShape = { scale: 4, integerDigits: 14 };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * A non-negative decimal written with a dot and no thousands separator (`1234.5`), kept as an
 * exact string normalized to the column's scale (`1234.50` for money): never a float.
 */
export function parseDecimal(text: string, shape: DecimalShape): Parsed<string> {
  const match = DECIMAL.exec(text);
  if (!match) {
    if (/^-\s*\d/.test(text)) return refuse('must be 0 or more');
    return refuse(
      'must be a number written with digits and a dot for decimals, without thousands separators or currency (e.g. 1234.56)',
    );
  }
  const integer = (match[1] as string).replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (shape.whole && fraction.length > 0) return refuse('must be a whole number');
  if (fraction.length > shape.scale) {
    return refuse(`has too many decimals: at most ${shape.scale} digit${shape.scale === 1 ? '' : 's'} after the dot`);
  }
  if (integer.length > shape.integerDigits)
    return refuse(`is too large: at most ${shape.integerDigits} digits before the dot`);
  if (shape.atMostOne && (integer.length > 1 || Number(integer) > 1 || (integer === '1' && fraction.length > 0))) {
    return refuse('is a rate: must be between 0 and 1 (e.g. 0.85 for 85%)');
  }
  return ok(shape.scale === 0 ? integer : `${integer}.${fraction.padEnd(shape.scale, '0')}`);
}

/** A whole number between `min` and `max`, written with digits only. */
export function parseInteger(text: string, min: number, max: number): Parsed<number> {
  if (!/^\d{1,9}$/.test(text)) return refuse(`must be a whole number from ${min} to ${max}`);
  const value = Number(text);
  if (value < min || value > max) return refuse(`must be a whole number from ${min} to ${max}`);
  return ok(value);
}

/** One of `values`, case-insensitive; normalized to upper case. */
export function parseEnum<T extends string>(text: string, values: readonly T[]): Parsed<T> {
  const upper = text.toUpperCase();
  const found = values.find((value) => value === upper);
  return found ? ok(found) : refuse(`must be one of ${values.join(', ')}`);
}
