import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';

interface SearchLinkProps {
  /** The path to go to; the current search parameters (`?year=…`) go along. */
  to: string;
  children: ReactNode;
  className?: string;
}

/** A link that keeps the current search parameters, so the selected year survives navigation. */
export function SearchLink({ to, children, className }: SearchLinkProps) {
  const { search } = useLocation();
  return (
    <Link to={{ pathname: to, search }} className={className}>
      {children}
    </Link>
  );
}

interface SearchNavLinkProps extends SearchLinkProps {
  /** Active only on this exact path, not on the paths below it (for `/`). */
  end?: boolean;
}

/** A navigation link that keeps the search parameters and marks the current page (`aria-current`). */
export function SearchNavLink({ to, children, className, end }: SearchNavLinkProps) {
  const { search } = useLocation();
  return (
    <NavLink to={{ pathname: to, search }} className={className} end={end}>
      {children}
    </NavLink>
  );
}
