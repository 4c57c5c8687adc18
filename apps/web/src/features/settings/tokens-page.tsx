import { useCallback, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { useFocusAfterRender } from '../../components/focus/use-focus-after-render';
import { formatTimestamp } from '../../components/format/timestamp';
import { ErrorState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import type { Translate } from '../../i18n/translate';
import { readFragment } from '../../lib/graphql';
import { ConfirmDialog } from './confirm-dialog';
import { CreateTokenForm, type NewToken } from './create-token-form';
import { NewTokenNotice } from './new-token-notice';
import {
  TokenFields,
  type TokenRow,
  type TokenStatus,
  TokensPage_RevokeToken,
  TokensPage_Tokens,
  tokenStatus,
} from './token-documents';
import './settings.css';

const NO_TOKENS: TokenRow[] = [];

const STATUS_LABELS = {
  ACTIVE: 'tokens.active',
  REVOKED: 'tokens.revoked',
  EXPIRED: 'tokens.expired',
} as const satisfies Record<TokenStatus, string>;

/** The columns of the tokens table; `onRevoke` opens the confirmation of a token's revocation. */
function tokenColumns(t: Translate, onRevoke: (token: TokenRow, opener: HTMLButtonElement) => void) {
  const column = dataColumns<TokenRow>();
  const columns: DataColumn<TokenRow>[] = [
    column.text({ id: 'name', header: t('tokens.name'), value: (row) => row.name, rowHeader: true }),
    column.text({
      id: 'prefix',
      header: t('tokens.prefix'),
      value: (row) => row.prefix,
      cell: (row) => <code className="token-prefix">{row.prefix}…</code>,
    }),
    column.text({
      id: 'createdAt',
      header: t('tokens.created'),
      value: (row) => row.createdAt,
      cell: (row) => formatTimestamp(row.createdAt),
    }),
    column.text({
      id: 'expiresAt',
      header: t('tokens.expires'),
      value: (row) => row.expiresAt,
      cell: (row) => (row.expiresAt ? formatTimestamp(row.expiresAt) : t('tokens.never')),
    }),
    column.text({
      id: 'lastUsedAt',
      header: t('tokens.lastUsed'),
      value: (row) => row.lastUsedAt,
      cell: (row) => (row.lastUsedAt ? formatTimestamp(row.lastUsedAt) : t('tokens.neverUsed')),
    }),
    column.text({
      id: 'status',
      header: t('tokens.status'),
      value: (row) => tokenStatus(row),
      cell: (row) => {
        const status = tokenStatus(row);
        return (
          <span className={`token-status token-status--${status.toLowerCase()}`}>
            {t(STATUS_LABELS[status])}
            {row.revokedAt ? <span className="token-status__when"> {formatTimestamp(row.revokedAt)}</span> : null}
          </span>
        );
      },
    }),
    column.text({ id: 'revokedAt', header: t('tokens.revokedAt'), value: (row) => row.revokedAt, csvOnly: true }),
    column.display({
      id: 'actions',
      header: t('tokens.actions'),
      cell: (row) =>
        tokenStatus(row) === 'ACTIVE' ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('tokens.revokeLabel', { name: row.name })}
            onClick={(event) => onRevoke(row, event.currentTarget)}
          >
            {t('tokens.revoke')}
          </button>
        ) : null,
    }),
  ];
  return columns;
}

interface Revoking {
  token: TokenRow;
  /** The button that opened the confirmation: the focus goes back to it on Cancel. */
  opener: HTMLButtonElement;
  error: string | null;
}

/**
 * `/settings/tokens` (ANALYST, ADMIN): the user's API tokens, a form to create one (its secret is
 * shown once, with a copy button), and revocation after a confirmation.
 */
export function TokensPage() {
  const t = useT();
  useDocumentTitle(t('nav.apiTokens'));
  const [result, reexecute] = useQuery({ query: TokensPage_Tokens });
  const [{ fetching: revokingNow }, revokeToken] = useMutation(TokensPage_RevokeToken);
  const [created, setCreated] = useState<NewToken | null>(null);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const [notice, setNotice] = useState('');
  const [dismissed, setDismissed] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const tokens = useMemo(
    () => (result.data ? readFragment(TokenFields, result.data.myApiTokens) : NO_TOKENS),
    [result.data],
  );
  const openRevocation = useCallback(
    (token: TokenRow, opener: HTMLButtonElement) => setRevoking({ token, opener, error: null }),
    [],
  );
  const columns = useMemo(() => tokenColumns(t, openRevocation), [t, openRevocation]);

  function cancelRevocation() {
    const opener = revoking?.opener;
    setRevoking(null);
    // Once the dialog has closed: until then, the page behind it is inert.
    focusAfterRender(opener);
  }

  async function confirmRevocation() {
    if (!revoking) return;
    const { token } = revoking;
    const answer = await revokeToken({ id: token.id });
    if (answer.error) {
      setRevoking({ ...revoking, error: t('tokens.revokeFailed', { message: answer.error.message }) });
      return;
    }
    setRevoking(null);
    setNotice(t('tokens.revokedNotice', { name: token.name }));
    refresh();
    // The button is gone with the token's revocation: the focus goes to the notice that says so.
    focusAfterRender(noticeRef);
  }

  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('nav.apiTokens')}</h1>
        <p className="page__lead">{t('tokens.lead')}</p>
      </header>
      {created ? (
        <NewTokenNotice
          created={created}
          onDone={() => {
            setCreated(null);
            setDismissed(true);
          }}
        />
      ) : (
        <CreateTokenForm
          autoFocus={dismissed}
          onCreated={(token) => {
            setNotice('');
            setCreated(token);
            refresh();
          }}
        />
      )}
      <div role="status">
        {notice ? (
          <p ref={noticeRef} className="form-notice" tabIndex={-1}>
            {notice}
          </p>
        ) : null}
      </div>
      {result.error ? <ErrorState title={t('tokens.error')} detail={result.error.message} onRetry={refresh} /> : null}
      <section className="card account-table">
        <DataTable
          caption={t('tokens.listTitle')}
          columns={columns}
          data={tokens}
          getRowId={(row) => String(row.id)}
          loading={result.fetching}
          loadingLabel={t('tokens.loading')}
          emptyTitle={t('tokens.empty')}
          empty={<p>{t('tokens.emptyBody')}</p>}
          csvFileName="api-tokens"
        />
      </section>
      {revoking ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.token.name })}
          confirmLabel={revokingNow ? t('tokens.revoking') : t('tokens.revokeConfirm')}
          cancelLabel={t('tokens.cancel')}
          busy={revokingNow}
          error={revoking.error}
          onConfirm={confirmRevocation}
          onCancel={cancelRevocation}
        >
          <p>{t('tokens.revokeBody', { prefix: revoking.token.prefix })}</p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
