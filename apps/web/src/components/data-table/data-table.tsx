import {
  functionalUpdate,
  type PaginationState,
  type Row,
  type RowData,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { type KeyboardEvent, type MouseEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/language-provider';
import { EmptyState, LoadingState } from '../query-state/query-state';
import { cellClassName, type DataColumn, type DataTableFeatures, dataTableFeatures } from './columns';
import { type CsvExport, ExportButton } from './export-button';
import type { FetchedRows } from './fetch-all-pages';
import { HeaderCell } from './header-cell';
import { Pagination } from './pagination';
import { rowsToCsv } from './table-csv';
import { Toolbar } from './toolbar';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './use-cursor-pagination';
import './data-table.css';

/** Server mode: the page owns sorting and paging, fetches the page, and hands the table its rows. */
export interface ServerTableControls<TData> {
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  pagination: PaginationState;
  onPaginationChange: (pagination: PaginationState) => void;
  /** Rows that match, across pages (the connection's `totalCount`). */
  rowCount: number;
  /** The connection's `hasNextPage`, when known; else the row count decides. */
  hasNextPage?: boolean;
  pageSizes?: readonly number[];
  /** Fetches every row (every page, bounded) for the CSV export, through the table's own query. */
  fetchAllRows: (onProgress: (fetched: number, total: number) => void) => Promise<FetchedRows<TData>>;
}

export interface DataTableProps<TData extends RowData> {
  /** What the table holds: its caption, and the name of its controls. */
  caption: string;
  /** Hides the caption visually (still read) when a heading just above says the same. */
  captionHidden?: boolean;
  /** A line under the caption: what the figures mean, their period. */
  note?: ReactNode;
  /** The columns: keep the array stable (module scope or `useMemo`). */
  columns: readonly DataColumn<TData>[];
  /** The rows (server mode: the page's rows): keep the array stable between renders. */
  data: readonly TData[];
  getRowId: (row: TData) => string;
  /** Client mode: the first order. */
  initialSorting?: SortingState;
  /** Client mode: rows per page; omitted, every row shows. */
  pageSize?: number;
  server?: ServerTableControls<TData>;
  /** Shown between the toolbar and the table: a failed query's error state with its Retry. */
  error?: ReactNode;
  /** A query is running: a skeleton without rows, an overlay over the rows shown. */
  loading?: boolean;
  loadingLabel?: string;
  /** The empty state's title and what to do about it. */
  emptyTitle?: string;
  empty?: ReactNode;
  /**
   * Called when a row is clicked outside its links and buttons. Rows are not tab stops: keyboard
   * users open a row through the link in it (put one in the row header), which Enter follows.
   */
  onRowActivate?: (row: TData) => void;
  /** A heading at the start of the toolbar row: a section's title (then hide the caption). */
  heading?: ReactNode;
  /** The search and filters above the table. */
  toolbar?: ReactNode;
  /** Names the toolbar for assistive technology; default "<caption> filters" (in the language shown). */
  toolbarLabel?: string;
  /** The CSV file's name, without `.csv`. Every table exports. */
  csvFileName: string;
}

const INTERACTIVE = 'a, button, input, select, textarea, label, summary, [role="button"]';

/** True when an event started on a link or control inside the row: that element handles it. */
function fromControl(event: MouseEvent | KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target.closest(INTERACTIVE) : null;
  return target !== null && event.currentTarget.contains(target);
}

function useResolvedState<T>(initial: T, controlled?: { value: T; onChange: (value: T) => void }) {
  const [own, setOwn] = useState(initial);
  const value = controlled ? controlled.value : own;
  const onChange = (updater: Updater<T>) => (controlled?.onChange ?? setOwn)(functionalUpdate(updater, value));
  return [value, onChange] as const;
}

/**
 * The one table of the dashboard, over TanStack Table 9: sortable headers, right-aligned figures,
 * a sticky header, pagination, loading and empty states, a toolbar and CSV export. In client mode
 * it sorts and pages `data` itself; in server mode (`server`) it renders the page it is given and
 * emits sorting and paging changes.
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { caption, captionHidden, note, columns, data, getRowId, server, loading = false, onRowActivate } = props;
  const t = useT();
  const captionId = useId();
  const paginated = server !== undefined || props.pageSize !== undefined;
  const [sorting, setSorting] = useResolvedState<SortingState>(
    props.initialSorting ?? [],
    server && { value: server.sorting, onChange: server.onSortingChange },
  );
  const [pagination, setPagination] = useResolvedState<PaginationState>(
    { pageIndex: 0, pageSize: props.pageSize ?? DEFAULT_PAGE_SIZE },
    server && { value: server.pagination, onChange: server.onPaginationChange },
  );

  // Columns only for CSV stay out of the table; the export reads them all.
  const shownColumns = useMemo(() => columns.filter((column) => !column.meta?.csvOnly), [columns]);
  const table = useTable({
    features: dataTableFeatures,
    columns: shownColumns,
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting, pagination },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    manualSorting: server !== undefined,
    manualPagination: server !== undefined,
    ...(server ? { rowCount: server.rowCount } : {}),
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const rows = paginated ? table.getRowModel().rows : table.getPrePaginatedRowModel().rows;
  const leafCount = table.getAllLeafColumns().length;
  const rowCount = server ? server.rowCount : data.length;

  async function buildCsv(onProgress: (fetched: number, total: number) => void): Promise<CsvExport> {
    if (server) {
      const fetched = await server.fetchAllRows(onProgress);
      return {
        csv: rowsToCsv(columns, fetched.rows),
        rowCount: fetched.rows.length,
        totalCount: fetched.totalCount,
        truncated: fetched.truncated,
      };
    }
    const all = table.getPrePaginatedRowModel().rows.map((row) => row.original);
    return { csv: rowsToCsv(columns, all), rowCount: all.length, totalCount: all.length, truncated: false };
  }

  function activate(event: MouseEvent | KeyboardEvent, row: Row<DataTableFeatures, TData>) {
    if (!onRowActivate || fromControl(event)) return;
    if ('key' in event && event.key !== 'Enter') return;
    if (!('key' in event) && window.getSelection()?.toString()) return; // selecting text, not clicking
    onRowActivate(row.original);
  }

  return (
    <div className="data-table-panel">
      <Toolbar
        heading={props.heading}
        label={props.toolbarLabel ?? t('table.filters', { caption })}
        actions={
          <ExportButton
            fileName={props.csvFileName}
            buildCsv={buildCsv}
            rowCount={server ? server.rowCount : undefined}
            disabled={rowCount === 0}
          />
        }
      >
        {props.toolbar}
      </Toolbar>
      {props.error}
      <div className="data-table-frame">
        {/* A focusable region, so that keyboard users can scroll a wide or long table. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section className="table-scroll data-table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table" aria-busy={loading}>
            <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
              {caption}
              {note ? <span className="data-table__note">{note}</span> : null}
            </caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <HeaderCell key={header.id} header={header} />
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={leafCount} className="data-table__placeholder">
                    {loading ? (
                      <LoadingState label={props.loadingLabel ?? t('table.loading')} lines={3} />
                    ) : (
                      <EmptyState title={props.emptyTitle ?? t('table.empty')}>{props.empty}</EmptyState>
                    )}
                  </td>
                </tr>
              ) : (
                rows.map((row) => (
                  <tr
                    key={row.id}
                    className={onRowActivate ? 'data-table__row--link' : undefined}
                    onClick={onRowActivate ? (event) => activate(event, row) : undefined}
                    onKeyDown={onRowActivate ? (event) => activate(event, row) : undefined}
                  >
                    {row.getAllCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      const className = cellClassName(meta);
                      return meta?.rowHeader ? (
                        <th key={cell.id} scope="row" className={className}>
                          <table.FlexRender cell={cell} />
                        </th>
                      ) : (
                        <td key={cell.id} className={className}>
                          <table.FlexRender cell={cell} />
                        </td>
                      );
                    })}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </section>
        {loading && rows.length > 0 ? (
          <div className="data-table__overlay">
            <p className="data-table__overlay-label" role="status">
              {props.loadingLabel ?? t('table.loading')}
            </p>
          </div>
        ) : null}
      </div>
      {paginated && rowCount > 0 ? (
        <Pagination
          label={caption}
          pageIndex={pagination.pageIndex}
          pageSize={pagination.pageSize}
          rowCount={rowCount}
          shown={rows.length}
          pageSizes={server?.pageSizes ?? PAGE_SIZES}
          canPrevious={table.getCanPreviousPage()}
          canNext={server?.hasNextPage ?? table.getCanNextPage()}
          disabled={loading}
          onPrevious={() => table.previousPage()}
          onNext={() => table.nextPage()}
          onPageSize={(size) => table.setPagination({ pageIndex: 0, pageSize: size })}
        />
      ) : null}
    </div>
  );
}
