import { currentLocale } from '../../i18n/current-language';

/** Shown in place of a value that is missing (null, undefined, NaN or infinite). */
export const MISSING_VALUE = '—';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A number formatter for `locale` (default: the language shown's, `en-US` for English).
 * Intl.NumberFormat is costly to build: one per locale and distinct set of options, reused.
 */
export function numberFormat(options: Intl.NumberFormatOptions, locale = currentLocale()): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export interface NumberFormatOptions {
  /** Digits after the decimal point, at most; trailing zeros are dropped. Default 0. */
  maximumFractionDigits?: number;
}

/** A count or quantity with thousands separators, in the language shown: `1234567` → `"1,234,567"`. */
export function formatNumber(
  value: number | null | undefined,
  { maximumFractionDigits = 0 }: NumberFormatOptions = {},
): string {
  if (!isPresent(value)) return MISSING_VALUE;
  return numberFormat({ maximumFractionDigits, signDisplay: 'negative' }).format(value);
}

export interface UsdFormatOptions {
  /** `"$1.2M"` rather than `"$1,234,567.89"`: for KPI cards, chart axes and tight cells. */
  compact?: boolean;
}

/**
 * An amount in US dollars.
 * Full: to the cent, `1234567.891` → `"$1,234,567.89"`.
 * Compact: one decimal at most, `1234567` → `"$1.2M"`, `950` → `"$950"`.
 */
export function formatUsd(value: number | null | undefined, { compact = false }: UsdFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING_VALUE;
  const options: Intl.NumberFormatOptions = compact
    ? { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
    : { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return numberFormat({ ...options, signDisplay: 'negative' }).format(value);
}

export interface PercentFormatOptions {
  /** Digits after the decimal point, at most. Default 1. */
  maximumFractionDigits?: number;
  /** Show `+` on gains, for changes: `0.12` → `"+12%"`. Default false. */
  signed?: boolean;
}

/** A ratio as a percentage (attainment, change, retention rate): `0.123` → `"12.3%"`. */
export function formatPercent(
  ratio: number | null | undefined,
  { maximumFractionDigits = 1, signed = false }: PercentFormatOptions = {},
): string {
  if (!isPresent(ratio)) return MISSING_VALUE;
  return numberFormat({
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits,
    signDisplay: signed ? 'exceptZero' : 'negative',
  }).format(ratio);
}
