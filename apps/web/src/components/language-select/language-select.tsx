import { useId } from 'react';
import { useLanguage, useT } from '../../i18n/language-provider';
import { LANGUAGE_INFO, LANGUAGES, parseLanguage } from '../../i18n/languages';
import './language-select.css';

/**
 * Chooses the dashboard's language; the choice is remembered in the browser. Each option is named
 * in its own language (and marked so, for screen readers), so that anyone finds theirs.
 */
export function LanguageSelect() {
  const [language, setLanguage] = useLanguage();
  const t = useT();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const chosen = parseLanguage(event.currentTarget.value);
          if (chosen) setLanguage(chosen);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_INFO[option].name}
          </option>
        ))}
      </select>
    </div>
  );
}
