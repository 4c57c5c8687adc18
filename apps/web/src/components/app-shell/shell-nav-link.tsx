import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/language-provider';
import { isCurrent, type NavItem } from '../../lib/session-access';

interface ShellNavLinkProps {
  item: NavItem;
  className: string;
}

/**
 * A link of the shell's navigation: it keeps the search parameters (`?year=…`, so the year
 * survives navigation) and marks the page it stands for (`aria-current`).
 */
export function ShellNavLink({ item, className }: ShellNavLinkProps) {
  const t = useT();
  const { pathname, search } = useLocation();
  const current = isCurrent(item, pathname);
  return (
    <Link
      to={{ pathname: item.to, search }}
      className={current ? `${className} active` : className}
      aria-current={current ? 'page' : undefined}
    >
      {t(item.label)}
      {item.code ? (
        <>
          {' '}
          <span className="primary-nav__code">{item.code}</span>
        </>
      ) : null}
    </Link>
  );
}
