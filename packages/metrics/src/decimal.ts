/**
 * Exact decimal arithmetic on the strings PostgreSQL returns for `numeric`, for the few steps
 * done outside SQL (summing a row's scope targets, judging status). Never via JS floats.
 */

interface Scaled {
  units: bigint;
  scale: number;
}

function parse(value: string): Scaled {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`Not a decimal: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

function format({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function addDecimals(a: string, b: string): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return format({ units: x + y, scale });
}

export function subtractDecimals(a: string, b: string): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return format({ units: x - y, scale });
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimals(a: string, b: string): number {
  const [x, y] = align(parse(a), parse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `a × numerator` compared with `b × denominator`, exactly (the integers are small factors). */
export function compareScaled(a: string, numerator: bigint, b: string, denominator: bigint): number {
  const [x, y] = align(parse(a), parse(b));
  const left = x * numerator;
  const right = y * denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(value: string): boolean {
  return parse(value).units === 0n;
}

/** `a / b` exactly, rounded half away from zero to `places` decimals. */
export function divideDecimals(a: string, b: string, places = 12): string {
  const [x, y] = align(parse(a), parse(b));
  if (y === 0n) throw new RangeError('division by zero');
  const negative = x < 0n !== y < 0n;
  const numerator = (x < 0n ? -x : x) * 10n ** BigInt(places);
  const denominator = y < 0n ? -y : y;
  const quotient = numerator / denominator;
  const rounded = (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  return format({ units: negative ? -rounded : rounded, scale: places });
}

/**
 * `a / b` for ratios shown to people (change, attainment): divided exactly, then given as the
 * float nearest to the 12-decimal result, so 750.35 / 1000 is 0.75035. Null when b is 0.
 */
export function ratio(a: string, b: string): number | null {
  if (isZero(b)) return null;
  return Number(divideDecimals(a, b));
}
