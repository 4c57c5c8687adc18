/** The languages of the dashboard: the organisation works in all three. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;

/** A language of the dashboard, as its ISO 639-1 code (also the `lang` of the page). */
export type Language = (typeof LANGUAGES)[number];

/** The language shown when none is chosen and the browser asks for none of the three. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** How a language is named and how it writes numbers and dates. */
export interface LanguageInfo {
  /** The language's name in itself, for the language select: "Français". */
  name: string;
  /** The locale of numbers, amounts, percentages, short dates and month names. */
  locale: string;
  /** The locale of dates in words ("30 June 2025"): English writes them day first, as the organisation does. */
  longDateLocale: string;
}

export const LANGUAGE_INFO: Readonly<Record<Language, LanguageInfo>> = {
  en: { name: 'English', locale: 'en-US', longDateLocale: 'en-GB' },
  fr: { name: 'Français', locale: 'fr-FR', longDateLocale: 'fr-FR' },
  es: { name: 'Español', locale: 'es-ES', longDateLocale: 'es-ES' },
};

/** A language of the dashboard, or null for anything else (a stored value from elsewhere, a typo). */
export function parseLanguage(value: unknown): Language | null {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null;
}

/**
 * The first of the browser's preferred languages (`navigator.languages`, most preferred first)
 * that the dashboard speaks, by its primary subtag: `fr-CA` → `fr`, `es-419` → `es`. Null when none.
 */
export function matchLanguage(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    const language = parseLanguage(tag.split('-')[0]?.toLowerCase());
    if (language) return language;
  }
  return null;
}
