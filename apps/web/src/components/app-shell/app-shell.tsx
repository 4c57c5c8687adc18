import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useT } from '../../i18n/language-provider';
import { useCurrentUser } from '../../lib/session';
import { primaryNavFor } from '../../lib/session-access';
import type { SignedInLocationState } from '../../lib/session-routes';
import { LanguageSelect } from '../language-select/language-select';
import { SearchLink } from '../search-link/search-link';
import { ThemeToggle } from '../theme/theme-toggle';
import { useYear } from '../year-select/use-year';
import { YearSelect } from '../year-select/year-select';
import { ShellNavLink } from './shell-nav-link';
import { UserMenu } from './user-menu';
import './app-shell.css';

/**
 * The frame of every page for signed-in users: the header (product, the navigation the user's role
 * may use, year, language, theme, the user's menu) and the page below it.
 */
export function AppShell() {
  const [year] = useYear();
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const pages = primaryNavFor(user);

  // Right after signing in, the focus goes to the page asked for, as a skip link would take it.
  const focusMain = (location.state as SignedInLocationState | null)?.focusMain === true;
  useEffect(() => {
    if (focusMain) mainRef.current?.focus();
  }, [focusMain]);

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
              {pages.map((page) => (
                <li key={page.to}>
                  <ShellNavLink item={page} className="primary-nav__link" />
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__controls">
            <YearSelect />
            <LanguageSelect />
            <ThemeToggle />
            {user ? <UserMenu user={user} /> : null}
          </div>
          <span className="print-only">{t('shell.printYear', { year })}</span>
        </div>
      </header>
      <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
