import { useId } from 'react';
import { periodText, yearBounds } from '../../components/format/date';
import { useT } from '../../i18n/language-provider';

interface AsOfControlProps {
  year: number;
  /** The day chosen in the URL, or null for the API's default (the last day with data). */
  chosen: string | null;
  /** The day the figures were read at, once known. */
  readAt: string | null;
  onChange: (asOf: string | null) => void;
}

/** Chooses the day the figures are read at, within the year, and says which days they cover. */
export function AsOfControl({ year, chosen, readAt, onChange }: AsOfControlProps) {
  const t = useT();
  const inputId = useId();
  const noteId = useId();
  const { first, last } = yearBounds(year);
  const shown = chosen ?? readAt;
  return (
    <div className="as-of">
      <div className="as-of__field">
        <label htmlFor={inputId} className="field__label">
          {t('asOf.label')}
        </label>
        <input
          id={inputId}
          type="date"
          className="field__control"
          min={first}
          max={last}
          value={shown ?? ''}
          aria-describedby={noteId}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === '') onChange(null);
            else if (value >= first && value <= last) onChange(value);
          }}
        />
        {chosen ? (
          <button type="button" className="as-of__reset" onClick={() => onChange(null)}>
            {t('asOf.latest')}
          </button>
        ) : null}
      </div>
      <p id={noteId} className="as-of__note" aria-live="polite">
        {shown ? t('asOf.figuresFrom', { period: periodText(shown) }) : t('asOf.figuresFor', { year })}
      </p>
    </div>
  );
}
