/** The dashboard's colour themes: light, and dark for dim rooms and dark systems. */
export type Theme = 'light' | 'dark';

/**
 * Where the theme chosen with the toggle is remembered. index.html reads it too, in the inline
 * script that sets the theme before the first paint: keep the two in step.
 */
export const THEME_STORAGE_KEY = 'panorama.theme';

const PREFERS_DARK = '(prefers-color-scheme: dark)';

export function parseTheme(value: unknown): Theme | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/** The theme chosen with the toggle, or null (none chosen, or storage refused: private modes, policies). */
export function storedTheme(): Theme | null {
  try {
    return parseTheme(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return null;
  }
}

/** The system's (or browser's) preference. */
export function systemTheme(): Theme {
  return window.matchMedia(PREFERS_DARK).matches ? 'dark' : 'light';
}

/** The theme shown: `data-theme` on the root element, which the stylesheet follows. */
export function shownTheme(): Theme {
  return parseTheme(document.documentElement.dataset.theme) ?? 'light';
}

function showTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Shows `theme` and remembers it for the next visit (when storage allows). */
export function chooseTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered: it still applies to this page.
  }
  showTheme(theme);
}

/**
 * Calls `onChange` whenever the theme shown changes, and keeps it current meanwhile: with no
 * choice stored it follows the system's preference as it changes, and a choice made in another
 * tab applies here too. Returns the function that stops watching.
 */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const preference = window.matchMedia(PREFERS_DARK);
  const followSystem = () => {
    if (!storedTheme()) showTheme(systemTheme());
  };
  const followOtherTab = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) showTheme(storedTheme() ?? systemTheme());
  };
  preference.addEventListener('change', followSystem);
  window.addEventListener('storage', followOtherTab);
  return () => {
    observer.disconnect();
    preference.removeEventListener('change', followSystem);
    window.removeEventListener('storage', followOtherTab);
  };
}
