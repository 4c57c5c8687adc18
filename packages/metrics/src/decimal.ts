/**
 * Exact decimal arithmetic on the strings PostgreSQL returns for `numeric`, for the few steps
 * done outside SQL (summing a row's scope targets, judging status). Never via JS floats.
 */

interface Scaled {
  units: bigint;
  scale: number;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function parse(value: string): Scaled {
  let text = value;
  if (!DECIMAL.test(text)) {
    text = value.trim();
    if (!DECIMAL.test(text)) throw new Error(`Not a decimal: ${value}`);
  }
  const dot = text.indexOf('.');
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** Powers of ten, the ones scales need computed once. */
const POWERS = Array.from({ length: 40 }, (_, exponent) => 10n ** BigInt(exponent));
const tenTo = (exponent: number) => POWERS[exponent] ?? 10n ** BigInt(exponent);

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  const scale = Math.max(a.scale, b.scale);
  return [a.units * tenTo(scale - a.scale), b.units * tenTo(scale - b.scale), scale];
}

function format({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** `a / b` exactly, rounded half away from zero to `places` decimals (b is not 0). */
function divide(a: Scaled, b: Scaled, places: number): Scaled {
  const [x, y] = align(a, b);
  const negative = x < 0n !== y < 0n;
  const numerator = (x < 0n ? -x : x) * tenTo(places);
  const denominator = y < 0n ? -y : y;
  const quotient = numerator / denominator;
  const rounded = (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  return { units: negative ? -rounded : rounded, scale: places };
}

/** Places of the ratios shown to people. */
const RATIO_PLACES = 12;

/** The float nearest to `a / b` at RATIO_PLACES decimals; null when b is 0. */
function ratioOf(a: Scaled, b: Scaled): number | null {
  return b.units === 0n ? null : Number(format(divide(a, b, RATIO_PLACES)));
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

/** `a / b` exactly, rounded half away from zero to `places` decimals. */
export function divideDecimals(a: string, b: string, places = 12): string {
  const divisor = parse(b);
  if (divisor.units === 0n) throw new RangeError('division by zero');
  return format(divide(parse(a), divisor, places));
}

/**
 * `a / b` for ratios shown to people (change, attainment): divided exactly, then given as the
 * float nearest to the 12-decimal result, so 750.35 / 1000 is 0.75035. Null when b is 0.
 */
export function ratio(a: string, b: string): number | null {
  return ratioOf(parse(a), parse(b));
}

/** `(a − b) / b` as `ratio` gives it; null when b is 0. */
export function relativeChange(a: string, b: string): number | null {
  const now = parse(a);
  const before = parse(b);
  const [x, y, scale] = align(now, before);
  return ratioOf({ units: x - y, scale }, before);
}
