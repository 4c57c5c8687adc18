import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
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

/** True when the URL names at least one filter (even one with an unusable value). */
function namesAFilter(params: URLSearchParams): boolean {
  return Object.values(FILTER_PARAMS).some((name) => params.has(name));
}

/**
 * The URL parameters a visit opens with: when its URL names no filter (a bookmark, an address typed
 * in), the remembered filters are added to its other parameters; else the URL decides alone.
 */
export function withRememberedFilters(params: URLSearchParams): URLSearchParams {
  if (namesAFilter(params)) return params;
  const saved = rememberedFilters();
  return saved ? writeFilters(params, readFilters(saved)) : params;
}

/**
 * The current filters and a setter that pushes a history entry (the back button undoes it).
 * The dashboard opens with the remembered filters when its first URL names none.
 */
export function useFilters(): [Filters, (changes: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  // React Router keys the entry the app opened on "default"; every later entry has a key of its own.
  const restoring = location.key === 'default' && !namesAFilter(params);
  const opened = useMemo(() => (restoring ? withRememberedFilters(params) : params), [restoring, params]);
  const filters = useMemo(() => readFilters(opened), [opened]);
  useEffect(() => {
    if (!restoring) return;
    // Shows the restored filters in the URL, and gives the entry a key: when the back button returns
    // to it later, it shows what it showed then, not what has been remembered since.
    const search = opened.toString();
    navigate(
      { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, state: location.state },
    );
  }, [restoring, opened, navigate, location.pathname, location.hash, location.state]);
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
