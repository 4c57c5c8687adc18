import { Outlet } from 'react-router';
import { useT } from '../../i18n/language-provider';
import type { TextKey } from '../../i18n/messages';
import { LanguageSelect } from '../language-select/language-select';
import { SearchLink, SearchNavLink } from '../search-link/search-link';
import { ThemeToggle } from '../theme/theme-toggle';
import { useYear } from '../year-select/use-year';
import { YearSelect } from '../year-select/year-select';
import './app-shell.css';

/** The pages of the primary navigation, in order. */
const PRIMARY_PAGES: readonly { to: string; label: TextKey; end: boolean }[] = [
  { to: '/', label: 'nav.overview', end: true },
  { to: '/regions', label: 'nav.regions', end: false },
  { to: '/partners', label: 'nav.partners', end: false },
  { to: '/contributions', label: 'nav.contributions', end: false },
  { to: '/explorer', label: 'nav.explorer', end: false },
];

/** The frame of every page: the header (product, navigation, year, language, theme) and the page below it. */
export function AppShell() {
  const [year] = useYear();
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <SearchLink to="/" className="app-header__brand">
            Panorama
          </SearchLink>
          <nav className="primary-nav" aria-label={t('shell.primaryNav')}>
            <ul>
              {PRIMARY_PAGES.map((page) => (
                <li key={page.to}>
                  <SearchNavLink to={page.to} end={page.end} className="primary-nav__link">
                    {t(page.label)}
                  </SearchNavLink>
                </li>
              ))}
            </ul>
          </nav>
          <YearSelect />
          <LanguageSelect />
          <ThemeToggle />
          <span className="print-only">{t('shell.printYear', { year })}</span>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
