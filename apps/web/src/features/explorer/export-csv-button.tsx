import { useT } from '../../i18n/language-provider';
import { exportFileName, exportResultRows } from './csv-file';
import type { ResultRows } from './result-rows';

interface ExportCsvButtonProps {
  /** The result's first list, flattened; null when the result has none (the button is disabled). */
  rows: ResultRows | null;
  /** Names the file: `panorama-regions-ranked.csv`. */
  operationName: string | null;
  /** The id of the text that says what will be exported. */
  noteId: string;
}

/** Downloads the result's first list as a CSV file. */
export function ExportCsvButton({ rows, operationName, noteId }: ExportCsvButtonProps) {
  const t = useT();
  return (
    <button
      type="button"
      className="button"
      disabled={rows === null}
      aria-describedby={noteId}
      onClick={() => {
        if (rows) exportResultRows(rows, exportFileName(operationName));
      }}
    >
      {t('export.button')}
    </button>
  );
}
