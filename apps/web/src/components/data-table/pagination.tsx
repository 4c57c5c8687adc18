import { useId } from 'react';
import { useT } from '../../i18n/language-provider';
import { formatRowRange } from './cell-format';

export interface PaginationProps {
  /** The table's caption, to name the controls: "Partners pages". */
  label: string;
  pageIndex: number;
  pageSize: number;
  /** Rows in all, across pages. */
  rowCount: number;
  /** Rows on the page shown (the last page may hold fewer). */
  shown: number;
  pageSizes: readonly number[];
  canPrevious: boolean;
  canNext: boolean;
  /** While a page loads: the buttons wait. */
  disabled?: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (pageSize: number) => void;
}

/** Previous / Next, the page size, and where the page stands: "1–50 of 1,234". */
export function Pagination({
  label,
  pageIndex,
  pageSize,
  rowCount,
  shown,
  pageSizes,
  canPrevious,
  canNext,
  disabled = false,
  onPrevious,
  onNext,
  onPageSize,
}: PaginationProps) {
  const t = useT();
  const sizeId = useId();
  return (
    <nav className="data-table-pagination" aria-label={t('table.pages', { caption: label })}>
      <p className="data-table-pagination__range" aria-live="polite">
        {formatRowRange(pageIndex, pageSize, rowCount, shown)}
      </p>
      <div className="data-table-pagination__size">
        <label htmlFor={sizeId}>{t('table.rowsPerPage')}</label>
        <select
          id={sizeId}
          className="data-table-control"
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.currentTarget.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="data-table-pagination__buttons">
        <button
          type="button"
          className="button data-table-button"
          onClick={onPrevious}
          disabled={disabled || !canPrevious}
        >
          {t('table.previous')}
        </button>
        <button type="button" className="button data-table-button" onClick={onNext} disabled={disabled || !canNext}>
          {t('table.next')}
        </button>
      </div>
    </nav>
  );
}
