import { DEFAULT_LANGUAGE, LANGUAGE_INFO, type Language } from './languages';

/**
 * The language being shown, for code outside React's render: the formatters and `translate`.
 * The LanguageProvider sets it as it renders, before the tree below it renders, so every formatter
 * called while rendering writes in the language shown. Without a provider (unit tests, server
 * rendering) it stays English.
 */
let current: Language = DEFAULT_LANGUAGE;

/** The language being shown. */
export function currentLanguage(): Language {
  return current;
}

/** Makes `language` the one formatters and `translate` write in. Only the LanguageProvider calls it. */
export function setCurrentLanguage(language: Language): void {
  current = language;
}

/** The locale of numbers, amounts, percentages, short dates and month names in the language shown. */
export function currentLocale(): string {
  return LANGUAGE_INFO[current].locale;
}

/** The locale of dates in words ("30 June 2025", "30 juin 2025") in the language shown. */
export function currentLongDateLocale(): string {
  return LANGUAGE_INFO[current].longDateLocale;
}
