import { useId } from 'react';
import { periodText, yearBounds } from '../../components/format/date';
import { useT } from '../../i18n/language-provider';

interface PanoramaAsOfProps {
  year: number;
  /** The day chosen in the URL, or null for the API's default (the last day with data). */
  chosen: string | null;
  /** The day the figures were read at, once known. */
  readAt: string | null;
  onChange: (asOf: string | null) => void;
}

/** Chooses the day the figures are read at, within the year. */
export function PanoramaAsOf({ year, chosen, readAt, onChange }: PanoramaAsOfProps) {
  const t = useT();
  const inputId = useId();
  const { first, last } = yearBounds(year);
  const shown = chosen ?? readAt;
  return (
    <div className="panorama-field">
      <label htmlFor={inputId} className="panorama-field__label">
        {t('asOf.label')}
      </label>
      <div className="panorama-as-of">
        <input
          id={inputId}
          type="date"
          className="panorama-field__control"
          min={first}
          max={last}
          value={shown ?? ''}
          title={shown ? t('asOf.figuresFrom', { period: periodText(shown) }) : undefined}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === '') onChange(null);
            else if (value >= first && value <= last) onChange(value);
          }}
        />
        {chosen ? (
          <button type="button" className="panorama-button" onClick={() => onChange(null)}>
            {t('asOf.latest')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
