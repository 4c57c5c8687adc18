import { Outlet } from 'react-router';
import { SearchLink, SearchNavLink } from '../search-link/search-link';
import { ThemeToggle } from '../theme/theme-toggle';
import { useYear } from '../year-select/use-year';
import { YearSelect } from '../year-select/year-select';
import './app-shell.css';

/** The pages of the primary navigation, in order. */
const PRIMARY_PAGES = [
  { to: '/', label: 'Overview', end: true },
  { to: '/regions', label: 'Regions', end: false },
  { to: '/partners', label: 'Partners', end: false },
  { to: '/contributions', label: 'Contributions', end: false },
  { to: '/explorer', label: 'Explorer', end: false },
] as const;

/** The frame of every page: the header (product, navigation, year, theme) and the page below it. */
export function AppShell() {
  const [year] = useYear();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <SearchLink to="/" className="app-header__brand">
            Panorama
          </SearchLink>
          <nav className="primary-nav" aria-label="Primary">
            <ul>
              {PRIMARY_PAGES.map((page) => (
                <li key={page.to}>
                  <SearchNavLink to={page.to} end={page.end} className="primary-nav__link">
                    {page.label}
                  </SearchNavLink>
                </li>
              ))}
            </ul>
          </nav>
          <YearSelect />
          <ThemeToggle />
          <span className="print-only">Year {year}</span>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
