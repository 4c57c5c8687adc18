import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { parseYear, YEAR_PARAM } from './year';

/**
 * The reporting year selected in the URL (`?year=2025`). Choosing another year pushes a
 * history entry, so the back button returns to the previous one; other parameters are kept.
 */
export function useYear(): [year: number, setYear: (year: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const year = parseYear(searchParams.get(YEAR_PARAM));
  const setYear = useCallback(
    (next: number) => {
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        params.set(YEAR_PARAM, String(next));
        return params;
      });
    },
    [setSearchParams],
  );
  return [year, setYear];
}
