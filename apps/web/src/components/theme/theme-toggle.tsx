import { useT } from '../../i18n/language-provider';
import { useTheme } from './use-theme';
import './theme-toggle.css';

/**
 * Switches between the light and the dark theme. Its name says what it does ("Switch to dark
 * theme"); the icon shows the theme it switches to.
 */
export function ThemeToggle() {
  const [theme, setTheme] = useTheme();
  const t = useT();
  const next = theme === 'dark' ? 'light' : 'dark';
  const label = t(next === 'dark' ? 'theme.switchToDark' : 'theme.switchToLight');
  return (
    <button type="button" className="theme-toggle" title={label} onClick={() => setTheme(next)}>
      {next === 'dark' ? <MoonIcon /> : <SunIcon />}
      <span className="visually-hidden">{label}</span>
    </button>
  );
}

function MoonIcon() {
  return (
    <svg className="theme-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z" />
    </svg>
  );
}

function SunIcon() {
  return (
    <svg className="theme-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="4.5" />
      <path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" />
    </svg>
  );
}
