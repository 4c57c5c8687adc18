import { numberFormat } from '../../components/format/number';
import { currentLocale } from '../../i18n/current-language';

/**
 * Numbers typed into the forms: the API takes them as decimal text with a point ("1250000.50"),
 * kept exactly. People type them as their language writes them ("1,250,000.50", "1 250 000,50"):
 * the separators that cannot be mistaken are taken out, and anything else goes to the API as
 * typed, which says what is wrong with it.
 */

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;
const SPACES = /[\s\u00a0\u202f]/g;
const SPACE = /^[\s\u00a0\u202f]$/;

/** The group and decimal separators of `locale`: `en-US` → `,` and `.`; `fr-FR` → a narrow space and `,`. */
function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat({ useGrouping: true, maximumFractionDigits: 1 }, locale).formatToParts(1234.5);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/**
 * The decimal text to send for what was typed, in the language shown: spaces go; the language's
 * group separator goes unless it is a point (which could be a decimal point: `1.5` stays `1.5`);
 * a decimal comma becomes a point when the text has no point. `"1,250,000.50"` (en) →
 * `"1250000.50"`; `"1 250 000,5"` (fr) → `"1250000.5"`; `"0,85"` (es) → `"0.85"`.
 */
export function normalizeDecimal(typed: string, locale = currentLocale()): string {
  const { group, decimal } = separators(locale);
  let text = typed.replace(SPACES, '');
  if (group !== '.' && !SPACE.test(group)) text = text.split(group).join('');
  if (decimal === ',' && !text.includes('.')) text = text.replace(',', '.');
  return text;
}

/** The number a decimal text stands for, or null when it is not plain decimal text. */
export function decimalValue(text: string): number | null {
  return PLAIN_DECIMAL.test(text) ? Number(text) : null;
}

/**
 * A value from the API (a float) as decimal text to edit: `8480000` → `"8480000"`, `0.68` →
 * `"0.68"`. Targets hold at most 14 digits before the point and 4 after, which print plainly.
 */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 4 }) : text;
}
