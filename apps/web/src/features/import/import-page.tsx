import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { useFocusAfterRender } from '../../components/focus/use-focus-after-render';
import { formatNumber } from '../../components/format/number';
import { LoadingState } from '../../components/query-state/query-state';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import { useCurrentUser, useSession } from '../../lib/session';
import { roleMay } from '../../lib/session-access';
import { ConfirmDialog } from '../settings/confirm-dialog';
import { type CsvPreview, readCsvPreview } from './csv-preview';
import { FileDrop } from './file-drop';
import { FilePreview } from './file-preview';
import { formatFileSize } from './file-size';
import { ImportFailureAlert, type ShownFailure } from './import-failure';
import { type ImportKind, isImportKind, kindInSentence } from './import-formats';
import { ImportOutcome, type ImportOutcomeData } from './import-outcome';
import { sendImport } from './import-request';
import { KindChoice } from './kind-choice';
import '../settings/forms.css';
import './import.css';

/** The file chosen, and its preview once read. */
interface ChosenFile {
  file: File;
  preview: CsvPreview | null;
  readError: string | null;
}

type Mode = ImportOutcomeData['mode'];

/** True when a file's name or type says CSV. */
function looksLikeCsv(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv';
}

/**
 * `/import` (ADMIN, REGIONAL): choose the kind of file, drop or choose the file and see its first
 * rows, check it (a dry run: every row validated and merged, then rolled back) and import it,
 * with every problem the server finds and the rejected rows to download when invalid ones are
 * skipped. The other roles are told that theirs may not import.
 */
export function ImportPage() {
  const t = useT();
  const user = useCurrentUser();
  useDocumentTitle(t('nav.import'));
  if (!roleMay(user?.role, 'import')) return <ImportForbidden />;
  return <ImportForm regionCode={user?.role === 'REGIONAL' ? (user.region?.code ?? null) : null} />;
}

function ImportForbidden() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <article className="page">
      <header className="page__header">
        <h1>{t('nav.import')}</h1>
      </header>
      <section className="card card--padded">
        <p>{t('import.forbidden', { role: user ? t(`role.${user.role}`) : '—' })}</p>
        <p>
          <SearchLink to="/">{t('access.backToOverview')}</SearchLink>
        </p>
      </section>
    </article>
  );
}

function ImportForm({ regionCode }: { regionCode: string | null }) {
  const t = useT();
  const { forgetAnswers } = useSession();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: ImportKind = isImportKind(kindParam) ? kindParam : 'contributions';
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcomeData | null>(null);
  const [failure, setFailure] = useState<ShownFailure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const request = useRef<AbortController | null>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const ids = { kind: useId(), file: useId(), fileInfo: useId(), run: useId(), skip: useId(), skipHint: useId() };

  /** Forgets the answer shown (and any request in flight): it was for another file, kind or option. */
  const forgetAnswer = useCallback(() => {
    request.current?.abort();
    request.current = null;
    setBusy(null);
    setOutcome(null);
    setFailure(null);
  }, []);

  useEffect(() => () => request.current?.abort(), []);
  useEffect(() => {
    if (outcome) outcomeHeading.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  function chooseKind(next: ImportKind) {
    forgetAnswer();
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('kind', next);
        return updated;
      },
      { replace: true },
    );
  }

  function chooseFile(file: File) {
    forgetAnswer();
    const shown: ChosenFile = { file, preview: null, readError: null };
    setChosen(shown);
    readCsvPreview(file).then(
      (preview) => setChosen((current) => (current?.file === file ? { ...current, preview } : current)),
      (error: unknown) =>
        setChosen((current) =>
          current?.file === file
            ? { ...current, readError: error instanceof Error ? error.message : String(error) }
            : current,
        ),
    );
  }

  async function run(mode: Mode) {
    if (!chosen || busy) return;
    const controller = new AbortController();
    request.current?.abort();
    request.current = controller;
    setBusy(mode);
    setFailure(null);
    setOutcome(null);
    const { file } = chosen;
    let answer: Awaited<ReturnType<typeof sendImport>>;
    try {
      answer = await sendImport({ kind, file, skipInvalid, dryRun: mode === 'check' }, { signal: controller.signal });
    } catch {
      return; // Aborted: another file, kind or option was chosen meanwhile.
    }
    if (request.current !== controller) return;
    request.current = null;
    setBusy(null);
    setConfirming(false);
    if (answer.ok) {
      setOutcome({ mode, fileName: file.name, result: answer.result });
      // Rows were written: every page reads its figures afresh.
      if (answer.result.status === 'DONE') forgetAnswers();
    } else setFailure({ mode, kind, ...answer.failure });
  }

  const checked = outcome?.mode === 'check' && outcome.result.status === 'CHECKED' ? outcome.result : null;
  const fileName = chosen?.file.name ?? '';

  return (
    <article className="page import-page">
      <header className="page__header">
        <h1>{t('nav.import')}</h1>
        <p className="page__lead">{t('import.lead')}</p>
      </header>

      <section className="card card--padded import-step" aria-labelledby={ids.kind}>
        <h2 id={ids.kind}>{t('import.step.kind')}</h2>
        <KindChoice kind={kind} onChange={chooseKind} disabled={busy !== null} regionCode={regionCode} />
      </section>

      <section className="card card--padded import-step" aria-labelledby={ids.file}>
        <h2 id={ids.file}>{t('import.step.file')}</h2>
        <FileDrop onFile={chooseFile} disabled={busy !== null} describedBy={chosen ? ids.fileInfo : undefined} />
        {chosen ? (
          <div id={ids.fileInfo} className="import-file">
            <p className="import-file__name">
              {t('import.file.chosen', { name: fileName, size: formatFileSize(chosen.file.size) })}
            </p>
            {looksLikeCsv(chosen.file) ? null : (
              <p className="form-notice form-notice--warning">{t('import.file.notCsv', { name: fileName })}</p>
            )}
          </div>
        ) : null}
        {chosen?.readError ? (
          <p className="form-notice form-notice--error" role="alert">
            {t('import.file.readFailed', { message: chosen.readError })}
          </p>
        ) : null}
        {chosen && !chosen.preview && !chosen.readError ? (
          <LoadingState label={t('import.preview.reading')} lines={3} />
        ) : null}
        {chosen?.preview ? <FilePreview fileName={fileName} preview={chosen.preview} kind={kind} /> : null}
      </section>

      <section className="card card--padded import-step" aria-labelledby={ids.run} aria-busy={busy !== null}>
        <h2 id={ids.run}>{t('import.step.run')}</h2>
        <div className="import-option">
          <input
            id={ids.skip}
            type="checkbox"
            checked={skipInvalid}
            disabled={busy !== null}
            aria-describedby={ids.skipHint}
            onChange={(event) => {
              forgetAnswer();
              setSkipInvalid(event.currentTarget.checked);
            }}
          />
          <label htmlFor={ids.skip}>{t('import.skipInvalid')}</label>
          <p id={ids.skipHint} className="import-option__hint">
            {t('import.skipInvalidHint')}
          </p>
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={!chosen}
            aria-disabled={busy !== null ? true : undefined}
            aria-busy={busy === 'check' ? true : undefined}
            onClick={() => run('check')}
          >
            {busy === 'check' ? t('import.checking') : t('import.check')}
          </button>
          <button
            ref={importButton}
            type="button"
            className="button"
            disabled={!chosen}
            aria-disabled={busy !== null ? true : undefined}
            aria-busy={busy === 'import' ? true : undefined}
            onClick={() => {
              if (!busy) setConfirming(true);
            }}
          >
            {busy === 'import' ? t('import.importing') : t('import.import')}
          </button>
        </div>
        {chosen ? null : <p className="import-step__hint">{t('import.chooseFirst')}</p>}
        <p className="import-status" role="status">
          {busy ? t(busy === 'check' ? 'import.running.check' : 'import.running.import', { name: fileName }) : null}
        </p>
        {failure ? <ImportFailureAlert failure={failure} alertRef={failureRef} /> : null}
      </section>

      {outcome ? <ImportOutcome outcome={outcome} headingRef={outcomeHeading} /> : null}

      {confirming && chosen ? (
        <ConfirmDialog
          title={t('import.confirm.title', { name: fileName })}
          confirmLabel={busy === 'import' ? t('import.importing') : t('import.confirm.confirm')}
          cancelLabel={t('import.confirm.cancel')}
          busy={busy === 'import'}
          onConfirm={() => run('import')}
          onCancel={() => {
            setConfirming(false);
            // Once the dialog has closed: until then, the page behind it is inert.
            focusAfterRender(importButton);
          }}
        >
          <p>{t('import.confirm.body', { kind: kindInSentence(t, kind) })}</p>
          <p>{skipInvalid ? t('import.confirm.skip') : t('import.confirm.allOrNothing')}</p>
          <p>
            {checked
              ? t('import.confirm.checked', {
                  inserted: formatNumber(checked.counts.inserted),
                  updated: formatNumber(checked.counts.updated),
                  unchanged: formatNumber(checked.counts.unchanged),
                  rejected: formatNumber(checked.counts.rejected),
                })
              : t('import.confirm.unchecked')}
          </p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
