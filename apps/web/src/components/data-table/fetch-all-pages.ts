import type { Client, TypedDocumentNode } from 'urql';
import { translate } from '../../i18n/translate';

/** The most rows one CSV export fetches from a server-paginated list. */
export const MAX_EXPORT_ROWS = 10_000;
/** Rows per request while exporting (the API serves at most 500 a page). */
export const EXPORT_PAGE_SIZE = 500;

/** The part of a Relay connection an export reads. */
export interface ConnectionPage<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: readonly TNode[];
}

/** The rows an export fetched, and whether it stopped before the end. */
export interface FetchedRows<TRow> {
  rows: TRow[];
  /** How many rows match in all. */
  totalCount: number;
  /** True when there were more than `maxRows` rows: only the first `maxRows` were fetched. */
  truncated: boolean;
}

/** The variables of a query that pages through a connection: `$first: Int!` and `$after: String`. */
export type PageVariables = { first: number; after?: string | null };

export interface FetchAllPagesOptions<TData, TVariables extends PageVariables, TNode, TRow> {
  client: Client;
  /**
   * The same query the table pages through, with `$first` and `$after` variables: a `graphql()`
   * document, whose result and variables types are read from it.
   */
  query: TypedDocumentNode<TData, TVariables>;
  /** Its variables as the table uses them; `first` and `after` are replaced. */
  variables: TVariables;
  /** Where the connection is in the answer (null when the answer has none, such as a missing node). */
  connection: (data: TData) => ConnectionPage<TNode> | null | undefined;
  /**
   * Turns a page of nodes into table rows (to read a fragment, or add figures from another query);
   * default: the nodes.
   */
  toRows?: (nodes: readonly TNode[]) => Promise<readonly TRow[]> | readonly TRow[];
  maxRows?: number;
  pageSize?: number;
  /** Told after each page: rows so far, and the total. */
  onProgress?: (fetched: number, total: number) => void;
}

/**
 * Fetches every page of a connection, following `endCursor`, up to `maxRows` rows: what a CSV
 * export of a server-paginated table needs. Throws the query's error when a page fails.
 */
export async function fetchAllPages<TData, TVariables extends PageVariables, TNode, TRow = TNode>({
  client,
  query,
  variables,
  connection,
  toRows = (nodes) => nodes as unknown as readonly TRow[],
  maxRows = MAX_EXPORT_ROWS,
  pageSize = EXPORT_PAGE_SIZE,
  onProgress,
}: FetchAllPagesOptions<TData, TVariables, TNode, TRow>): Promise<FetchedRows<TRow>> {
  const rows: TRow[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const first = Math.min(pageSize, maxRows - rows.length);
    const pageVariables: TVariables = { ...variables, first, after };
    const result = await client.query(query, pageVariables, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw result.error;
    const page = result.data ? connection(result.data) : null;
    if (!page) throw new Error(translate('export.noList'));
    totalCount = page.totalCount;
    rows.push(...(await toRows(page.nodes)));
    onProgress?.(rows.length, totalCount);
    const more = page.pageInfo.hasNextPage && page.pageInfo.endCursor !== null;
    if (!more) return { rows, totalCount, truncated: false };
    if (rows.length >= maxRows) return { rows, totalCount, truncated: true };
    after = page.pageInfo.endCursor;
  }
}
