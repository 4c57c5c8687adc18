import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setCurrentLanguage } from './current-language';
import { initialLanguage, storeLanguage } from './language-storage';
import { DEFAULT_LANGUAGE, type Language } from './languages';
import { type Translate, translatorFor } from './translate';

/** The language shown, the function that chooses another, and the translator of the language shown. */
interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

/** Outside a provider (unit tests, server rendering): English, and no way to change it. */
const LanguageContext = createContext<LanguageContextValue>({
  language: DEFAULT_LANGUAGE,
  setLanguage: () => {},
  t: translatorFor(DEFAULT_LANGUAGE),
});

interface LanguageProviderProps {
  children: ReactNode;
}

/**
 * Holds the dashboard's language: the one chosen earlier (remembered in the browser), else the
 * browser's first that the dashboard speaks, else English. Choosing another remembers it, sets
 * the page's `lang`, and renders again every component that reads the language (`useLanguage`,
 * `useT`); the formatters follow the same language.
 */
export function LanguageProvider({ children }: LanguageProviderProps) {
  const [language, setLanguageState] = useState(initialLanguage);
  // Set while rendering, before the components below render: their formatters write in this language.
  setCurrentLanguage(language);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage, t: translatorFor(language) }), [language, setLanguage]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

/** The language shown and the function that chooses (and remembers) another. */
export function useLanguage(): [language: Language, setLanguage: (language: Language) => void] {
  const { language, setLanguage } = useContext(LanguageContext);
  return [language, setLanguage];
}

/** The translator of the language shown; the component renders again when the language changes. */
export function useT(): Translate {
  return useContext(LanguageContext).t;
}
