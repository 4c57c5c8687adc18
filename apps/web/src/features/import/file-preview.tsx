import { useT } from '../../i18n/language-provider';
import type { CsvPreview } from './csv-preview';
import { checkHeader, type ImportKind, kindInSentence } from './import-formats';

interface FilePreviewProps {
  fileName: string;
  preview: CsvPreview;
  kind: ImportKind;
}

/**
 * The first rows of the chosen file as the preview reader sees them, each with its line (as the
 * server's problems name it), and a warning when the header does not fit the kind chosen.
 */
export function FilePreview({ fileName, preview, kind }: FilePreviewProps) {
  const t = useT();
  if (preview.header.length === 0) {
    return <p className="form-notice form-notice--error">{t('import.preview.noHeader')}</p>;
  }
  const { missing, unknown } = checkHeader(kind, preview.header);
  const width = Math.max(preview.header.length, ...preview.rows.map((row) => row.fields.length));
  const cells = Array.from({ length: width }, (_, at) => at);
  return (
    <div className="import-preview">
      {missing.length > 0 || unknown.length > 0 ? (
        <div className="form-notice form-notice--warning import-header-warning">
          <p>{t('import.header.mismatch', { kind: kindInSentence(t, kind) })}</p>
          <ul>
            {missing.length > 0 ? <li>{t('import.header.missing', { columns: missing.join(', ') })}</li> : null}
            {unknown.length > 0 ? <li>{t('import.header.unknown', { columns: unknown.join(', ') })}</li> : null}
          </ul>
        </div>
      ) : null}
      <section
        className="table-scroll import-preview__scroll"
        aria-label={t('import.preview.caption', { name: fileName })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
      >
        <table className="data-table import-preview__table">
          <caption>
            {t('import.preview.caption', { name: fileName })}
            <span className="data-table__note">
              {preview.rows.length === 0
                ? t('import.preview.empty')
                : `${t('import.preview.shown', { count: preview.rows.length })}${preview.more ? ` ${t('import.preview.more')}` : ''}`}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('import.preview.line')}
              </th>
              {cells.map((at) => (
                <th key={at} scope="col">
                  {preview.header[at] ?? ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <th scope="row" className="numeric">
                  {row.line}
                </th>
                {cells.map((at) => (
                  <td key={at} className="import-preview__cell">
                    {row.fields[at] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
