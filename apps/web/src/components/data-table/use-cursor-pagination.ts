import type { PaginationState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';

/** The page sizes a server table offers. */
export const PAGE_SIZES: readonly number[] = [25, 50, 100];
export const DEFAULT_PAGE_SIZE = 50;

/** Where a cursor-paginated list stands: the page shown and the `after` cursor of each page seen. */
export interface CursorPagination {
  /** Changes when the list itself changes (filters, order): back to the first page. */
  resetKey: string;
  pageIndex: number;
  pageSize: number;
  /** `cursors[i]` is the `after` of page `i`: null for the first page. */
  cursors: readonly (string | null)[];
}

export function firstPage(resetKey: string, pageSize: number): CursorPagination {
  return { resetKey, pageIndex: 0, pageSize, cursors: [null] };
}

/**
 * The state after the table asks for another page. Relay cursors go one page at a time: the next
 * page starts after `endCursor` (the last row shown), earlier pages after the cursors already seen.
 * A new page size starts over; a page that cannot be reached leaves the state as it is.
 */
export function moveCursorPagination(
  state: CursorPagination,
  next: PaginationState,
  endCursor: string | null | undefined,
): CursorPagination {
  if (next.pageSize !== state.pageSize) return firstPage(state.resetKey, next.pageSize);
  if (next.pageIndex === state.pageIndex) return state;
  if (next.pageIndex < state.pageIndex) return { ...state, pageIndex: Math.max(0, next.pageIndex) };
  if (next.pageIndex === state.pageIndex + 1 && endCursor) {
    const cursors = [...state.cursors.slice(0, state.pageIndex + 1), endCursor];
    return { ...state, pageIndex: next.pageIndex, cursors };
  }
  return state;
}

export interface CursorPaginationControls {
  /** The `first` and `after` variables of the page to fetch. */
  first: number;
  after: string | null;
  pagination: PaginationState;
  /** What the table emits, with the `endCursor` of the page it shows. */
  changePage: (next: PaginationState, endCursor: string | null | undefined) => void;
}

/**
 * Page state of a server table over a Relay connection. `resetKey` sums up the filters and the
 * order: when it changes, the list goes back to its first page (keeping the page size).
 */
export function useCursorPagination(resetKey: string, initialPageSize = DEFAULT_PAGE_SIZE): CursorPaginationControls {
  const [stored, setStored] = useState(() => firstPage(resetKey, initialPageSize));
  const state = stored.resetKey === resetKey ? stored : firstPage(resetKey, stored.pageSize);
  if (state !== stored) setStored(state);
  const changePage = useCallback(
    (next: PaginationState, endCursor: string | null | undefined) =>
      setStored((current) => moveCursorPagination(current, next, endCursor)),
    [],
  );
  return {
    first: state.pageSize,
    after: state.cursors[state.pageIndex] ?? null,
    pagination: { pageIndex: state.pageIndex, pageSize: state.pageSize },
    changePage,
  };
}
