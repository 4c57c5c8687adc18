import { numberFormat } from '../components/format/number';
import { MESSAGES } from './catalogs';
import { currentLanguage } from './current-language';
import { LANGUAGE_INFO, type Language } from './languages';
import type { MessageKey, PluralKey, PluralMessage, TextKey } from './messages';

/** Values for a message's `{name}` placeholders; numbers are written as they are (years stay 2025). */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface PluralOptions {
  /** Choose the form by the ordinal rules ("1st", "2nd"), not the cardinal ones ("1 row", "2 rows"). */
  ordinal?: boolean;
}

/**
 * Gives the text of a message in one language. A plural message takes its form from `count`,
 * which its `{count}` shows formatted ("1,234 rows"); other placeholders show their parameter.
 */
export interface Translate {
  (key: TextKey, params?: MessageParams): string;
  (key: PluralKey, params: MessageParams & { readonly count: number }, options?: PluralOptions): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

/** Intl.PluralRules is costly to build: one per locale and type, reused. */
function pluralRulesFor(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale} ${type}`;
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    pluralRules.set(key, rules);
  }
  return rules;
}

function pluralForm(message: PluralMessage, locale: string, count: number, ordinal: boolean): string {
  const category = pluralRulesFor(locale, ordinal ? 'ordinal' : 'cardinal').select(count);
  return message[category] ?? message.other;
}

/** Replaces each `{name}` of `text` by `params.name`; a placeholder without a parameter stays as it is. */
export function interpolate(text: string, params: MessageParams = {}): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** The text of message `key` in `language`. */
export function translateIn(
  language: Language,
  key: MessageKey,
  params: MessageParams = {},
  { ordinal = false }: PluralOptions = {},
): string {
  const message = MESSAGES[language][key];
  if (typeof message === 'string') return interpolate(message, params);
  const { locale } = LANGUAGE_INFO[language];
  const count = Number(params.count);
  const shownCount = numberFormat({ maximumFractionDigits: 2 }, locale).format(count);
  return interpolate(pluralForm(message, locale, count, ordinal), { ...params, count: shownCount });
}

/** The translator of one language. */
export function translatorFor(language: Language): Translate {
  return (key: MessageKey, params?: MessageParams, options?: PluralOptions) =>
    translateIn(language, key, params, options);
}

/**
 * The text of a message in the language shown, for code outside components (models, formatters).
 * Components use `useT()`, which also renders them again when the language changes.
 */
export const translate: Translate = (key: MessageKey, params?: MessageParams, options?: PluralOptions) =>
  translateIn(currentLanguage(), key, params, options);

/** True when `key` names a plain message (for keys built from API values: `enum.${value}`). */
export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(MESSAGES.en, key) && typeof MESSAGES.en[key as MessageKey] === 'string';
}
