import { useFilters } from '../../lib/filters';

/**
 * The reporting year selected in the URL (`?year=2025`), one of the filters that travel: choosing
 * another year pushes a history entry (the back button returns to the previous one), keeps the
 * other parameters, and is remembered for the next visit.
 */
export function useYear(): [year: number, setYear: (year: number) => void] {
  const [filters, setFilters] = useFilters();
  return [filters.year, (year: number) => setFilters({ year })];
}
