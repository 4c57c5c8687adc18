import type { PluralKey } from '../../i18n/messages';
import { translate } from '../../i18n/translate';
import { formatNumber, formatPercent, formatUsd, MISSING_VALUE, numberFormat } from '../format/number';

/** The unit of a metric, as `metricCatalog { unit }` gives it. */
export type MetricUnit = 'USD' | 'COUNT' | 'RATE' | 'PEOPLE' | 'MEALS' | 'TONNES' | 'DAYS';

/** On track, at risk or off track against the target, as of the day read (the API's `TargetStatus`). */
export type TargetStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';

/** Quantities at or past this size are shown compact ("5.6M meals"); smaller ones in full. */
const COMPACT_FROM = 100_000;

const COMPACT_NUMBER: Intl.NumberFormatOptions = {
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
};

/** The message of what a quantity is counted in; counts and money carry no word. */
const UNIT_WORDS: Partial<Record<MetricUnit, PluralKey>> = {
  PEOPLE: 'unit.people',
  MEALS: 'unit.meals',
  TONNES: 'unit.tonnes',
  DAYS: 'unit.days',
};

function compact(value: number): string {
  return numberFormat(COMPACT_NUMBER).format(value);
}

/** A number, short: `1234` → "1.2K", `5593388` → "5.6M"; for chart axes, where the unit is in the title. */
export function formatCompactNumber(value: number | null | undefined): string {
  return isPresent(value) ? compact(value) : MISSING_VALUE;
}

function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The unit's word for this quantity ("people", "1 day"), or nothing for counts, money and rates. */
export function unitWord(unit: MetricUnit, value: number): string | null {
  const key = UNIT_WORDS[unit];
  return key ? translate(key, { count: value }) : null;
}

function withUnit(text: string, unit: MetricUnit, value: number): string {
  const word = unitWord(unit, value);
  return word ? `${text} ${word}` : text;
}

/** A short value split into its figure and its unit's word, so a card can set the word smaller. */
export interface MetricValueParts {
  figure: string;
  /** "people", "meals", …; null for money, rates and counts. */
  unitWord: string | null;
}

/** The parts of {@link formatMetricValue}: `5593388` meals → `{ figure: "5.6M", unitWord: "meals" }`. */
export function formatMetricValueParts(value: number | null | undefined, unit: MetricUnit): MetricValueParts {
  if (!isPresent(value)) return { figure: MISSING_VALUE, unitWord: null };
  switch (unit) {
    case 'USD':
      return { figure: formatUsd(value, { compact: true }), unitWord: null };
    case 'RATE':
      return { figure: formatPercent(value), unitWord: null };
    default:
      return {
        figure: Math.abs(value) >= COMPACT_FROM ? compact(value) : formatNumber(value),
        unitWord: unitWord(unit, value),
      };
  }
}

/**
 * A metric's value, short, for a KPI card or a chart: `$1.2M`, `224`, `86.1%`, `5.6M meals`,
 * `4,777 days`. Missing values are a dash.
 */
export function formatMetricValue(value: number | null | undefined, unit: MetricUnit): string {
  const { figure, unitWord: word } = formatMetricValueParts(value, unit);
  return word ? `${figure} ${word}` : figure;
}

/**
 * A metric's value in full, for a title or a table: `$1,234,567.89`, `86.12%`, `11,626.3 tonnes`.
 */
export function formatMetricValueFull(value: number | null | undefined, unit: MetricUnit): string {
  if (!isPresent(value)) return MISSING_VALUE;
  switch (unit) {
    case 'USD':
      return formatUsd(value);
    case 'RATE':
      return formatPercent(value, { maximumFractionDigits: 2 });
    default:
      return withUnit(formatNumber(value, { maximumFractionDigits: 2 }), unit, value);
  }
}

/** A formatter for one unit, for charts and maps: `(value) => "$1.2M"`. */
export function metricFormatter(unit: MetricUnit): (value: number) => string {
  return (value) => formatMetricValue(value, unit);
}

export type ChangeDirection = 'up' | 'down' | 'flat';

export interface ChangeDescription {
  direction: ChangeDirection;
  /** ▲, ▼ or ▶, shown beside the figure (hidden from screen readers: `sentence` says it). */
  symbol: string;
  /** The size of the change: `"12%"`. */
  amount: string;
  /** For screen readers and titles: `"up 12% on last year"`, in the language shown. */
  sentence: string;
}

/**
 * Describes a relative change (`(value − previous) / previous`, as the API gives it) in words.
 * Null when there is nothing to compare with (the API's `change` is null when `previous` is 0).
 */
export function describeChange(
  change: number | null | undefined,
  comparedWith = translate('change.lastYear'),
): ChangeDescription | null {
  if (!isPresent(change)) return null;
  const amount = formatPercent(Math.abs(change));
  if (amount === formatPercent(0)) {
    return { direction: 'flat', symbol: '▶', amount, sentence: translate('change.flat', { comparedWith }) };
  }
  const direction = change > 0 ? 'up' : 'down';
  return {
    direction,
    symbol: direction === 'up' ? '▲' : '▼',
    amount,
    sentence: translate(direction === 'up' ? 'change.up' : 'change.down', { amount, comparedWith }),
  };
}

/** How a status reads, in words and in the language shown (colour is never the only sign). */
export function statusLabel(status: TargetStatus): string {
  return translate(`enum.${status}`);
}

/** The API's status, or null for anything else (a newer status the dashboard does not know). */
export function parseStatus(value: string | null | undefined): TargetStatus | null {
  return value === 'ON_TRACK' || value === 'AT_RISK' || value === 'OFF_TRACK' ? value : null;
}

/** The API's unit, or COUNT (a plain number) for anything the dashboard does not know. */
export function parseUnit(value: string | null | undefined): MetricUnit {
  switch (value) {
    case 'USD':
    case 'COUNT':
    case 'RATE':
    case 'PEOPLE':
    case 'MEALS':
    case 'TONNES':
    case 'DAYS':
      return value;
    default:
      return 'COUNT';
  }
}
