import { useState } from 'react';
import { useT } from '../../i18n/language-provider';
import { translate } from '../../i18n/translate';
import { downloadCsv } from '../../lib/csv';
import { formatNumber } from '../format/number';
import { MAX_EXPORT_ROWS } from './fetch-all-pages';

/** A CSV document ready to download, and how complete it is. */
export interface CsvExport {
  csv: string;
  /** Rows written. */
  rowCount: number;
  /** Rows that match in all. */
  totalCount: number;
  /** True when the export stopped at the limit before the end. */
  truncated: boolean;
}

type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'running'; fetched: number; total: number }
  | { kind: 'done'; result: Omit<CsvExport, 'csv'> }
  | { kind: 'failed'; message: string };

export interface ExportButtonProps {
  /** The downloaded file's name, without `.csv`: "partners-2025". */
  fileName: string;
  /** Builds the document; a server table fetches every page. Progress is told as rows arrive. */
  buildCsv: (onProgress: (fetched: number, total: number) => void) => Promise<CsvExport>;
  /** Rows that match, when known: warns before exporting that only the first ones will come. */
  rowCount?: number;
  maxRows?: number;
  disabled?: boolean;
}

/** What the export did, in words, in the language shown. */
export function exportSummary({ rowCount, totalCount, truncated }: Omit<CsvExport, 'csv'>): string {
  if (truncated) {
    return translate('export.truncated', { rows: formatNumber(rowCount), total: formatNumber(totalCount) });
  }
  return translate('export.done', { count: rowCount });
}

/** "Export CSV": downloads the table's rows as values (not formatted text), and says how it went. */
export function ExportButton({ fileName, buildCsv, rowCount, maxRows = MAX_EXPORT_ROWS, disabled }: ExportButtonProps) {
  const t = useT();
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const running = status.kind === 'running';

  async function exportRows() {
    setStatus({ kind: 'running', fetched: 0, total: rowCount ?? 0 });
    try {
      const { csv, ...result } = await buildCsv((fetched, total) => setStatus({ kind: 'running', fetched, total }));
      downloadCsv(fileName, csv);
      setStatus({ kind: 'done', result });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const limited = rowCount !== undefined && rowCount > maxRows;
  return (
    <div className="data-table-export">
      <button type="button" className="button data-table-button" onClick={exportRows} disabled={disabled || running}>
        {running ? t('export.running') : t('export.button')}
      </button>
      <p className="data-table-export__status" role="status">
        {status.kind === 'running' && status.total > 0
          ? t('export.fetching', {
              fetched: formatNumber(status.fetched),
              total: formatNumber(Math.min(status.total, maxRows)),
            })
          : null}
        {status.kind === 'done' ? exportSummary(status.result) : null}
        {status.kind === 'failed' ? t('export.failed', { message: status.message }) : null}
        {status.kind === 'idle' && limited ? t('export.limit', { max: formatNumber(maxRows) }) : null}
      </p>
    </div>
  );
}
