import { DEFAULT_LANGUAGE, type Language, matchLanguage, parseLanguage } from './languages';

/** Where the language chosen in the header is remembered. */
export const LANGUAGE_STORAGE_KEY = 'panorama.language';

/** The language chosen earlier, or null (none chosen, or storage refused: private modes, policies). */
function storedLanguage(): Language | null {
  try {
    return parseLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return null;
  }
}

/** Remembers the language for the next visit, when storage allows. */
export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered: it still applies to this visit.
  }
}

/** The language a visit opens in: the one chosen earlier, else the browser's first we speak, else English. */
export function initialLanguage(): Language {
  if (typeof window === 'undefined') return DEFAULT_LANGUAGE;
  return storedLanguage() ?? matchLanguage(window.navigator.languages) ?? DEFAULT_LANGUAGE;
}
