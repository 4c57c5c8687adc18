import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/language-provider';
import type { NewToken } from './create-token-form';

interface NewTokenNoticeProps {
  created: NewToken;
  /** The user has copied the secret: it is forgotten. */
  onDone: () => void;
}

/**
 * The secret of a token just created, shown this once: a warning, the secret in a read-only field
 * (selected on focus), a copy button, and "Done", which forgets it. Takes the focus when it shows.
 */
export function NewTokenNotice({ created, onDone }: NewTokenNoticeProps) {
  const t = useT();
  const titleId = useId();
  const warningId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopyState('copied');
    } catch {
      // No clipboard (an insecure origin, a refusal): the secret is selected, to copy by hand.
      secretRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <section className="card card--padded settings-section new-token" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('tokens.newTitle', { name: created.apiToken.name })}
      </h2>
      <p id={warningId} className="new-token__warning">
        <span aria-hidden="true">⚠ </span>
        {t('tokens.newWarning')}
      </p>
      <div className="new-token__secret">
        <label htmlFor={`${titleId}-secret`} className="form-field__label">
          {t('tokens.secret')}
        </label>
        <div className="new-token__row">
          <input
            ref={secretRef}
            id={`${titleId}-secret`}
            className="form-control form-control--secret"
            readOnly
            value={created.token}
            aria-describedby={warningId}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={copy}>
            {t('tokens.copy')}
          </button>
        </div>
        <p className="new-token__copied" role="status">
          {copyState === 'copied' ? t('tokens.copied') : copyState === 'failed' ? t('tokens.copyFailed') : ''}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('tokens.done')}
        </button>
      </div>
    </section>
  );
}
