import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_YEAR, parseYear } from '../components/year-select/year';

/**
 * The filters that travel: they live in the URL (so a view can be shared by link and the back
 * button works) and are remembered in the browser, so the next page opens with them.
 */
export interface Filters {
  year: number;
  /** ISO date within `year`, or null for the API's default (the last day with data). */
  asOf: string | null;
  regionCode: string | null;
  incomeStream: string | null;
  partnerType: string | null;
}

export const FILTER_PARAMS = {
  year: 'year',
  asOf: 'asOf',
  regionCode: 'region',
  incomeStream: 'stream',
  partnerType: 'type',
} as const satisfies Record<keyof Filters, string>;

const STORAGE_KEY = 'panorama.filters';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z_]{2,32}$/;

export function readFilters(params: URLSearchParams): Filters {
  const year = parseYear(params.get(FILTER_PARAMS.year));
  const asOf = params.get(FILTER_PARAMS.asOf);
  const code = (name: string) => {
    const value = params.get(name)?.toUpperCase() ?? null;
    return value && CODE.test(value) ? value : null;
  };
  return {
    year,
    asOf: asOf && ISO_DATE.test(asOf) && asOf.startsWith(String(year)) ? asOf : null,
    regionCode: code(FILTER_PARAMS.regionCode),
    incomeStream: code(FILTER_PARAMS.incomeStream),
    partnerType: code(FILTER_PARAMS.partnerType),
  };
}

/** Writes filters into URL parameters, leaving out defaults and keeping other parameters. */
export function writeFilters(params: URLSearchParams, filters: Partial<Filters>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof Filters, string][]) {
    if (!(key in filters)) continue;
    const value = filters[key];
    if (value === null || value === undefined || (key === 'year' && value === DEFAULT_YEAR)) next.delete(name);
    else next.set(name, String(value));
  }
  return next;
}

export function rememberFilters(params: URLSearchParams): void {
  try {
    const kept = writeFilters(new URLSearchParams(), readFilters(params));
    localStorage.setItem(STORAGE_KEY, kept.toString());
  } catch {
    // Storage can be unavailable (private mode): the URL still carries the filters.
  }
}

export function rememberedFilters(): URLSearchParams | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved ? new URLSearchParams(saved) : null;
  } catch {
    return null;
  }
}

/** The current filters and a setter that pushes a history entry (the back button undoes it). */
export function useFilters(): [Filters, (changes: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const setFilters = useCallback(
    (changes: Partial<Filters>) => {
      setParams((current) => {
        const next = writeFilters(current, changes);
        rememberFilters(next);
        return next;
      });
    },
    [setParams],
  );
  return [filters, setFilters];
}
