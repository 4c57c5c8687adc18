import { useId } from 'react';
import { useT } from '../../i18n/language-provider';
import { useYear } from './use-year';
import { REPORTING_YEARS } from './year';
import './year-select.css';

/** Chooses the reporting year of every page; the choice lives in the URL. */
export function YearSelect() {
  const [year, setYear] = useYear();
  const t = useT();
  const id = useId();
  return (
    <div className="year-select">
      <label htmlFor={id}>{t('year.label')}</label>
      <select id={id} value={year} onChange={(event) => setYear(Number(event.currentTarget.value))}>
        {REPORTING_YEARS.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
