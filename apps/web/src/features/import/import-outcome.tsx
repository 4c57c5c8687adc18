import { type RefObject, useId, useMemo } from 'react';
import { dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { formatNumber } from '../../components/format/number';
import { useT } from '../../i18n/language-provider';
import type { TextKey } from '../../i18n/messages';
import type { Translate } from '../../i18n/translate';
import { downloadCsv } from '../../lib/csv';
import type { ImportCounts, ImportProblem, ImportResult } from './import-request';

/** What an answer came back for: a check (dry run) or an import, of which file. */
export interface ImportOutcomeData {
  mode: 'check' | 'import';
  fileName: string;
  result: ImportResult;
}

/** Problems listed per page. */
const PROBLEMS_PER_PAGE = 50;

const COUNT_LABELS: readonly [keyof ImportCounts, TextKey][] = [
  ['inserted', 'import.counts.inserted'],
  ['updated', 'import.counts.updated'],
  ['unchanged', 'import.counts.unchanged'],
  ['rejected', 'import.counts.rejected'],
];

/** The file's name without `.csv`: the stem of the files offered for download. */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.csv$/i, '') || 'import';
}

/** A problem and its place in the answer's list (two problems may say the same of one line). */
type ProblemRow = ImportProblem & { at: number };

function problemColumns(t: Translate) {
  const column = dataColumns<ProblemRow>();
  return [
    column.number({ id: 'line', header: t('import.problems.line'), value: (problem) => problem.line }),
    column.text({
      id: 'column',
      header: t('import.problems.column'),
      value: (problem) => problem.column,
      cell: (_, value) => (value ? <code>{value}</code> : '—'),
    }),
    column.text({
      id: 'value',
      header: t('import.problems.value'),
      value: (problem) => problem.value,
      cell: (_, value) =>
        value === undefined ? '—' : <span className="import-problem__value">{value === '' ? '""' : value}</span>,
    }),
    column.text({ id: 'reason', header: t('import.problems.reason'), value: (problem) => problem.reason, wide: true }),
  ];
}

function titleOf({ mode, result }: ImportOutcomeData): TextKey {
  switch (result.status) {
    case 'CHECKED':
      return 'import.outcome.checked';
    case 'DONE':
      return 'import.outcome.done';
    case 'REFUSED':
      return mode === 'check' ? 'import.outcome.refusedCheck' : 'import.outcome.refused';
  }
}

function leadOf({ result }: ImportOutcomeData): TextKey {
  switch (result.status) {
    case 'CHECKED':
      return 'import.outcome.checkedLead';
    case 'DONE':
      return 'import.outcome.doneLead';
    case 'REFUSED':
      return 'import.outcome.refusedLead';
  }
}

interface ImportOutcomeProps {
  outcome: ImportOutcomeData;
  /** The heading, focused when the answer arrives so that it is read first. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * The server's answer: what the import did or would do (counts formatted in the language shown),
 * every problem it listed, with their line, column, value and reason, and the rejected rows to
 * download when it skipped some.
 */
export function ImportOutcome({ outcome, headingRef }: ImportOutcomeProps) {
  const t = useT();
  const { result, fileName } = outcome;
  const headingId = useId();
  const columns = useMemo(() => problemColumns(t), [t]);
  const problems = useMemo(() => result.problems.map((problem, at) => ({ ...problem, at })), [result.problems]);
  const stem = fileStem(fileName);
  const tone = result.status === 'REFUSED' ? 'refused' : result.status === 'DONE' ? 'done' : 'checked';
  const unlisted = result.problemCount - result.problems.length;

  return (
    <section className={`card card--padded import-outcome import-outcome--${tone}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(titleOf(outcome), { name: fileName })}
      </h2>
      <p className="import-outcome__lead">{t(leadOf(outcome))}</p>
      {result.status === 'REFUSED' ? null : (
        <dl className="import-counts">
          {COUNT_LABELS.map(([key, label]) => (
            <div key={key} className={`import-count import-count--${key}`}>
              <dt>{t(label)}</dt>
              <dd>{formatNumber(result.counts[key])}</dd>
            </div>
          ))}
          <div className="import-count import-count--partners">
            <dt>{t('import.counts.partnersCreated')}</dt>
            <dd>{formatNumber(result.partnersCreated)}</dd>
          </div>
        </dl>
      )}
      {result.rejectedCsv ? (
        <div className="import-rejected">
          <button
            type="button"
            className="button"
            onClick={() => downloadCsv(`${stem}-rejected`, result.rejectedCsv ?? '')}
          >
            {t('import.rejected.download')}
          </button>
          <p className="import-rejected__hint">{t('import.rejected.hint')}</p>
        </div>
      ) : null}
      {result.problemCount > 0 ? (
        <div className="import-problems account-table">
          <DataTable
            caption={t('import.problems.caption', { count: result.problemCount })}
            note={
              unlisted > 0
                ? t('import.problems.more', {
                    shown: formatNumber(result.problems.length),
                    more: formatNumber(unlisted),
                  })
                : undefined
            }
            columns={columns}
            data={problems}
            getRowId={(problem) => String(problem.at)}
            pageSize={PROBLEMS_PER_PAGE}
            csvFileName={`${stem}-problems`}
          />
        </div>
      ) : null}
    </section>
  );
}
