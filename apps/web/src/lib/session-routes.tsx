import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useDocumentTitle } from '../components/document-title/use-document-title';
import { ErrorState, LoadingState } from '../components/query-state/query-state';
import { SearchLink } from '../components/search-link/search-link';
import { useT } from '../i18n/language-provider';
import { useSession } from './session';
import { type Feature, roleMay } from './session-access';

/** What the sign-in page is told by the page that sent it there. */
export interface SignInLocationState {
  /** The page asked for (path, search and hash), to come back to after signing in. */
  from?: string;
}

/** What a page reached right after signing in is told: move the focus to the page's content. */
export interface SignedInLocationState {
  focusMain?: boolean;
}

/** While the API says who is signed in: the usual loading state, alone on the page. */
export function SessionLoading() {
  const t = useT();
  return (
    <main id="main" className="app-main">
      <LoadingState label={t('session.loading')} />
    </main>
  );
}

/** The API could not say who is signed in (unreachable, failing): why, and a way to try again. */
export function SessionError() {
  const t = useT();
  const { state, retry } = useSession();
  return (
    <main id="main" className="app-main">
      <ErrorState
        title={t('session.error')}
        detail={state.status === 'error' ? state.error.message : undefined}
        onRetry={retry}
      />
    </main>
  );
}

/**
 * The pages for signed-in users: while the API answers `me`, the loading state; anonymous (or a
 * session that ended), the sign-in page, which comes back here after signing in.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <SessionLoading />;
    case 'error':
      return <SessionError />;
    case 'signedOut': {
      // A deliberate sign-out starts afresh; an expired session comes back to where it was.
      const from = state.reason === 'signedOut' ? undefined : `${location.pathname}${location.search}${location.hash}`;
      const signInState: SignInLocationState = from ? { from } : {};
      return <Navigate to="/sign-in" replace state={signInState} />;
    }
    case 'signedIn':
      return children;
  }
}

/** A page for some roles only: the others are told their role may not open it (as the API would refuse it). */
export function RequireRole({ feature, children }: { feature: Feature; children: ReactNode }) {
  const { user } = useSession();
  return roleMay(user?.role, feature) ? children : <ForbiddenPage />;
}

/** A page the user's role may not open. */
export function ForbiddenPage() {
  const t = useT();
  const { user } = useSession();
  useDocumentTitle(t('access.forbiddenTitle'));
  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('access.forbiddenTitle')}</h1>
      </header>
      <section className="card card--padded">
        <p>{t('access.forbiddenBody', { role: user ? t(`role.${user.role}`) : '—' })}</p>
        <p>
          <SearchLink to="/">{t('access.backToOverview')}</SearchLink>
        </p>
      </section>
    </article>
  );
}
