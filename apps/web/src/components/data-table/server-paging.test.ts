import type { Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../lib/graphql';
import { exportSummary } from './export-button';
import { fetchAllPages } from './fetch-all-pages';
import { orderOf, sortingOf } from './server-order';
import { firstPage, moveCursorPagination } from './use-cursor-pagination';

describe('moveCursorPagination', () => {
  const start = firstPage('filters', 50);

  it('goes to the next page after the last row shown', () => {
    const second = moveCursorPagination(start, { pageIndex: 1, pageSize: 50 }, 'c50');
    expect(second).toMatchObject({ pageIndex: 1, cursors: [null, 'c50'] });
    const third = moveCursorPagination(second, { pageIndex: 2, pageSize: 50 }, 'c100');
    expect(third).toMatchObject({ pageIndex: 2, cursors: [null, 'c50', 'c100'] });
  });

  it('goes back to pages already seen, and forward again from there', () => {
    const third = moveCursorPagination(
      moveCursorPagination(start, { pageIndex: 1, pageSize: 50 }, 'c50'),
      { pageIndex: 2, pageSize: 50 },
      'c100',
    );
    const back = moveCursorPagination(third, { pageIndex: 1, pageSize: 50 }, 'c100');
    expect(back).toMatchObject({ pageIndex: 1, cursors: [null, 'c50', 'c100'] });
    expect(moveCursorPagination(back, { pageIndex: 2, pageSize: 50 }, 'c100-again').cursors).toEqual([
      null,
      'c50',
      'c100-again',
    ]);
  });

  it('starts over on a new page size', () => {
    const second = moveCursorPagination(start, { pageIndex: 1, pageSize: 50 }, 'c50');
    expect(moveCursorPagination(second, { pageIndex: 3, pageSize: 100 }, 'x')).toEqual(firstPage('filters', 100));
  });

  it('stays put when the page cannot be reached', () => {
    expect(moveCursorPagination(start, { pageIndex: 5, pageSize: 50 }, 'c50')).toBe(start);
    expect(moveCursorPagination(start, { pageIndex: 1, pageSize: 50 }, null)).toBe(start);
  });
});

describe('orderOf and sortingOf', () => {
  const fields = { date: 'DATE', amountUsd: 'AMOUNT_USD' } as const;
  const fallback = { field: 'DATE', direction: 'DESC' } as const;

  it('maps the sorted column to the API order', () => {
    expect(orderOf([{ id: 'amountUsd', desc: true }], fields, fallback)).toEqual({
      field: 'AMOUNT_USD',
      direction: 'DESC',
    });
    expect(orderOf([{ id: 'date', desc: false }], fields, fallback)).toEqual({ field: 'DATE', direction: 'ASC' });
  });

  it('falls back when the column cannot be ordered by the API, or nothing is sorted', () => {
    expect(orderOf([{ id: 'partner', desc: false }], fields, fallback)).toBe(fallback);
    expect(orderOf([], fields, fallback)).toBe(fallback);
  });

  it('shows the API order as the table sorting', () => {
    expect(sortingOf({ field: 'AMOUNT_USD', direction: 'ASC' }, fields)).toEqual([{ id: 'amountUsd', desc: false }]);
  });
});

/** A paginated list of the API, searched by `$q`: the shape every server table pages through. */
const Items = graphql(`
  query ServerPagingTest_Partners($first: Int!, $after: String, $q: String) {
    partners(first: $first, after: $after, filter: { search: $q }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
      }
    }
  }
`);

/** A client over a list of `total` items, recording the variables of each request. */
function fakeClient(total: number, calls: unknown[]): Client {
  return {
    query: (_query: unknown, variables: { first: number; after: string | null }) => ({
      toPromise: async () => {
        calls.push(variables);
        const start = variables.after ? Number(variables.after) : 0;
        const end = Math.min(total, start + variables.first);
        const nodes = Array.from({ length: end - start }, (_, index) => ({ id: String(start + index) }));
        return {
          data: {
            partners: {
              totalCount: total,
              pageInfo: { hasNextPage: end < total, endCursor: end > start ? String(end) : null },
              nodes,
            },
          },
        };
      },
    }),
  } as unknown as Client;
}

describe('fetchAllPages', () => {
  it('follows the cursors to the end, with the table’s own variables', async () => {
    const calls: unknown[] = [];
    const progress: number[] = [];
    const result = await fetchAllPages({
      client: fakeClient(1200, calls),
      query: Items,
      variables: { first: 50, after: 'ignored', q: 'acme' },
      connection: (data) => data.partners,
      onProgress: (fetched) => progress.push(fetched),
    });
    expect(result.rows).toHaveLength(1200);
    expect(result).toMatchObject({ totalCount: 1200, truncated: false });
    expect(calls).toEqual([
      { first: 500, after: null, q: 'acme' },
      { first: 500, after: '500', q: 'acme' },
      { first: 500, after: '1000', q: 'acme' },
    ]);
    expect(progress).toEqual([500, 1000, 1200]);
  });

  it('stops at the limit and says so', async () => {
    const calls: unknown[] = [];
    const result = await fetchAllPages({
      client: fakeClient(25_000, calls),
      query: Items,
      variables: { first: 50, after: null, q: '' },
      connection: (data) => data.partners,
      maxRows: 1200,
    });
    expect(result.rows).toHaveLength(1200);
    expect(result).toMatchObject({ totalCount: 25_000, truncated: true });
    expect(calls.at(-1)).toMatchObject({ first: 200, after: '1000' });
  });

  it('turns each page into rows', async () => {
    const result = await fetchAllPages({
      client: fakeClient(3, []),
      query: Items,
      variables: { first: 50, after: null, q: '' },
      connection: (data) => data.partners,
      toRows: async (nodes) => nodes.map((node) => ({ id: node.id, label: `#${node.id}` })),
    });
    expect(result.rows.map((row) => row.label)).toEqual(['#0', '#1', '#2']);
  });

  it('throws the query’s error', async () => {
    const failing = {
      query: () => ({ toPromise: async () => ({ error: new Error('Network down') }) }),
    } as unknown as Client;
    await expect(
      fetchAllPages({
        client: failing,
        query: Items,
        variables: { first: 1, after: null, q: '' },
        connection: (d) => d.partners,
      }),
    ).rejects.toThrow('Network down');
  });
});

describe('exportSummary', () => {
  it('says how many rows were exported, and when the export stopped at the limit', () => {
    expect(exportSummary({ rowCount: 1, totalCount: 1, truncated: false })).toBe('Exported 1 row.');
    expect(exportSummary({ rowCount: 10_000, totalCount: 54_321, truncated: true })).toBe(
      'Exported the first 10,000 of 54,321 rows, the most one export holds. Narrow the filters to export the rest.',
    );
  });
});
