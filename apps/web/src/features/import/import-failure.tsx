import type { RefObject } from 'react';
import { useT } from '../../i18n/language-provider';
import type { TextKey } from '../../i18n/messages';
import { type ImportKind, kindInSentence } from './import-formats';
import type { ImportFailure } from './import-request';

/** A request that brought no result back, and what it was for. */
export interface ShownFailure extends ImportFailure {
  mode: 'check' | 'import';
  kind: ImportKind;
}

/** What a status means for the person importing, in words. */
function reasonOf(status: number): TextKey {
  switch (status) {
    case 0:
      return 'import.error.network';
    case 401:
      return 'import.error.unauthenticated';
    case 403:
      return 'import.error.forbidden';
    case 404:
      return 'import.error.notFound';
    case 413:
      return 'import.error.tooLarge';
    default:
      return status >= 500 ? 'import.error.server' : 'import.error.status';
  }
}

interface ImportFailureAlertProps {
  failure: ShownFailure;
  /** Focused when it appears, so that it is read at once. */
  alertRef: RefObject<HTMLDivElement | null>;
}

/** Why a check or an import brought no result back (nothing was written), and the server's own words. */
export function ImportFailureAlert({ failure, alertRef }: ImportFailureAlertProps) {
  const t = useT();
  return (
    <div ref={alertRef} className="form-problems import-failure" role="alert" tabIndex={-1}>
      <p className="form-problems__title">
        {t(failure.mode === 'check' ? 'import.error.check' : 'import.error.import')}
      </p>
      <p>{t(reasonOf(failure.status), { status: failure.status, kind: kindInSentence(t, failure.kind) })}</p>
      {failure.message ? <p className="import-failure__detail">{failure.message}</p> : null}
    </div>
  );
}
