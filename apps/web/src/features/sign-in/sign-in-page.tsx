import { useId } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { LanguageSelect } from '../../components/language-select/language-select';
import { ThemeToggle } from '../../components/theme/theme-toggle';
import { useT } from '../../i18n/language-provider';
import { useSession } from '../../lib/session';
import { returnPath } from '../../lib/session-access';
import {
  SessionError,
  SessionLoading,
  type SignedInLocationState,
  type SignInLocationState,
} from '../../lib/session-routes';
import { SignInForm } from './sign-in-form';
import './sign-in.css';

/**
 * `/sign-in`: the page of anonymous visitors. Pages for signed-in users send visitors here, with
 * the page they asked for; once signed in, they go back to it (or to the overview).
 */
export function SignInPage() {
  const t = useT();
  useDocumentTitle(t('signIn.title'));
  const session = useSession();
  const location = useLocation();
  const titleId = useId();
  const from = returnPath((location.state as SignInLocationState | null)?.from);

  switch (session.state.status) {
    case 'loading':
      return <SessionLoading />;
    case 'error':
      return <SessionError />;
    case 'signedIn': {
      // Just signed in, or already signed in: on to the page asked for, its content focused.
      const state: SignedInLocationState = { focusMain: true };
      return <Navigate to={from} replace state={state} />;
    }
    case 'signedOut':
      break;
  }
  const { reason } = session.state;
  const notice = reason === 'expired' ? t('signIn.expired') : reason === 'signedOut' ? t('signIn.signedOut') : null;

  return (
    <div className="sign-in">
      <header className="app-header">
        <div className="app-header__inner">
          <span className="app-header__brand">Panorama</span>
          <div className="sign-in__controls">
            <LanguageSelect />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="sign-in__main">
        <section className="card sign-in__card" aria-labelledby={titleId}>
          <h1 id={titleId}>{t('signIn.title')}</h1>
          <p className="page__lead">{t('signIn.lead')}</p>
          {notice ? (
            <p className="form-notice form-notice--info" role="status">
              {notice}
            </p>
          ) : null}
          {/* Signed in, the session renders this page again, which goes on to the page asked for. */}
          <SignInForm onSignedIn={session.signedIn} />
        </section>
      </main>
    </div>
  );
}
