import { useId } from 'react';
import { useT } from '../../i18n/language-provider';
import { downloadCsv, toCsv } from '../../lib/csv';
import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  type ImportKind,
  KIND_LABELS,
  KIND_LEADS,
  kindInSentence,
} from './import-formats';

interface KindChoiceProps {
  kind: ImportKind;
  onChange: (kind: ImportKind) => void;
  disabled?: boolean;
  /** The region of a regional team member, whose rows alone it may import. */
  regionCode: string | null;
}

/** The kind of file to import, what it is for, and the columns it must have. */
export function KindChoice({ kind, onChange, disabled = false, regionCode }: KindChoiceProps) {
  const t = useT();
  const name = useId();
  const leadId = useId();
  return (
    <>
      <fieldset className="import-kinds" disabled={disabled} aria-describedby={leadId}>
        <legend className="import-kinds__legend">{t('import.kindLegend')}</legend>
        <div className="import-kinds__options">
          {IMPORT_KINDS.map((each) => (
            <label key={each} className={`import-kind${each === kind ? ' import-kind--chosen' : ''}`}>
              <input type="radio" name={name} value={each} checked={each === kind} onChange={() => onChange(each)} />
              <span>{t(KIND_LABELS[each])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p id={leadId} className="import-kinds__lead">
        {t(KIND_LEADS[kind])}
      </p>
      {regionCode ? (
        <p className="form-notice form-notice--info import-region-note">
          {t('import.regionalNote', { code: regionCode })}
        </p>
      ) : null}
      <ExpectedColumns kind={kind} />
    </>
  );
}

/** The columns of a kind of file, in a table, and an empty file with them to start from. */
function ExpectedColumns({ kind }: { kind: ImportKind }) {
  const t = useT();
  const columns = IMPORT_FORMATS[kind];
  return (
    <div className="import-columns">
      <div className="table-scroll">
        <table className="data-table import-columns__table">
          <caption>
            {t('import.columns.caption', { kind: kindInSentence(t, kind) })}
            <span className="data-table__note">{t('import.columns.note')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columns.name')}</th>
              <th scope="col">{t('import.columns.presence')}</th>
              <th scope="col">{t('import.columns.holds')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.name}>
                <th scope="row">
                  <code>{column.name}</code>
                </th>
                <td className={column.required ? 'import-columns__required' : 'import-columns__optional'}>
                  {column.required ? t('import.columns.required') : t('import.columns.optional')}
                </td>
                <td>
                  {column.hint ? t(column.hint) : null}
                  {column.hint && column.values ? ' ' : null}
                  {column.values ? (
                    <span className="import-columns__values">
                      {t('import.columns.oneOf')}{' '}
                      {column.values.map((value, at) => (
                        <span key={value}>
                          {at > 0 ? ', ' : null}
                          <code>{value}</code>
                        </span>
                      ))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="import-columns__template">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            downloadCsv(
              `${kind}-template`,
              toCsv(
                columns.map((column) => column.name),
                [],
                { bom: false },
              ),
            )
          }
        >
          {t('import.columns.template')}
        </button>
      </p>
    </div>
  );
}
