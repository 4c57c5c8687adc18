/** Exact decimal text for amounts: money is handled in integer cents, never summed as floats. */

/** "1234.50" from 123450 cents. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const rest = absolute % 100;
  return `${sign}${(absolute - rest) / 100}.${rest < 10 ? `0${rest}` : rest}`;
}

/** Whole cents from dollars drawn as a float (a single rounding, never a sum). */
export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

/** Decimal text with `digits` decimals for a value held as an integer of 10^-digits units. */
export function scaledToDecimal(units: number, digits: number): string {
  if (digits === 0) return String(units);
  const factor = 10 ** digits;
  const rest = units % factor;
  return `${(units - rest) / factor}.${String(rest).padStart(digits, '0')}`;
}
