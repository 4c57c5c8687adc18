import {
  type ColumnDef,
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  metaHelper,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { formatNumber, formatPercent, formatUsd } from '../format/number';
import { formatDate, formatEnum, formatMetricValue, type MetricUnit } from './cell-format';

/** What a column tells the table beyond TanStack's own definition. */
export interface DataColumnMeta {
  /** Right-aligned tabular figures: amounts, counts, ratios. */
  numeric?: boolean;
  /** The cell names its row (`<th scope="row">`), like a name column. */
  rowHeader?: boolean;
  /** Kept on one line (dates, codes). */
  nowrap?: boolean;
  /** Given room: a long name that should not wrap word by word. */
  wide?: boolean;
  /** Written to CSV exports but not shown (detail that would crowd the screen). */
  csvOnly?: boolean;
  /** The column's title in CSV exports; default: its header. */
  csvHeader?: string;
  /** False: left out of CSV exports (a column of buttons). */
  csv?: boolean;
}

/**
 * The one feature set of every data table: sorting and pagination, done by the table for client
 * tables and by the server (manual mode) for server tables. Module scope: TanStack needs it stable.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
  columnMeta: metaHelper<DataColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** A column of a data table of `TData` rows, whatever its value type. */
// biome-ignore lint/suspicious/noExplicitAny: a table's columns hold values of different types, as in TanStack's own `columns()`.
export type DataColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

interface BaseColumnOptions<TData, TValue> {
  /** Stable column ID: the sorting key a server table maps to its `orderBy`. */
  id: string;
  /** The header, in words. */
  header: string;
  /** The raw value: what sorting compares and CSV exports write. */
  value: (row: TData) => TValue | null | undefined;
  /** What the cell shows instead of the formatted value (a link, a badge). */
  cell?: (row: TData, value: TValue | undefined) => ReactNode;
  /** Default true. A server table turns it off where its API cannot order. */
  sortable?: boolean;
  /** The cell names its row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** The column's title in CSV exports, when it must differ from the header (units). */
  csvHeader?: string;
  /** Given room: a long name that should not wrap word by word. */
  wide?: boolean;
  /** Exported to CSV, not shown. */
  csvOnly?: boolean;
}

/** The class of a column's header and cells, from its meta. */
export function cellClassName(meta: DataColumnMeta | undefined): string | undefined {
  const classes = [meta?.numeric ? 'numeric' : null, meta?.nowrap ? 'nowrap' : null, meta?.wide ? 'wide' : null].filter(
    Boolean,
  );
  return classes.length > 0 ? classes.join(' ') : undefined;
}

export type TextColumnOptions<TData> = BaseColumnOptions<TData, string>;
export type NumberColumnOptions<TData> = BaseColumnOptions<TData, number> & { maximumFractionDigits?: number };
export type UsdColumnOptions<TData> = BaseColumnOptions<TData, number> & { compact?: boolean };
export type PercentColumnOptions<TData> = BaseColumnOptions<TData, number> & { signed?: boolean };
export type MetricColumnOptions<TData> = BaseColumnOptions<TData, number> & {
  unit: MetricUnit | string;
  /** Dollars as `$1.2M`: for comparisons across many rows; CSV keeps the exact value. */
  compact?: boolean;
};

/**
 * Typed column builders for one kind of row. Each column keeps its raw value (numbers, ISO days,
 * enum values) for sorting and CSV, and formats it for people in the cell; a missing value is
 * `undefined`, sorted last whatever the direction, and shown as a dash.
 *
 * @example
 * const column = dataColumns<PartnerRow>();
 * const columns = [
 *   column.text({ id: 'name', header: 'Name', value: (row) => row.name, rowHeader: true }),
 *   column.usd({ id: 'revenue', header: 'Revenue', value: (row) => row.revenueUsd }),
 * ];
 */
export function dataColumns<TData extends RowData>() {
  const helper = createColumnHelper<DataTableFeatures, TData>();

  function column<TValue>(
    options: BaseColumnOptions<TData, TValue>,
    kind: { numeric: boolean; nowrap?: boolean; format: (value: TValue | undefined) => ReactNode },
  ): DataColumn<TData> {
    const { id, header, value, cell, sortable = true, rowHeader = false, csvHeader, wide, csvOnly } = options;
    return helper.accessor((row: TData): TValue | undefined => value(row) ?? undefined, {
      id,
      header,
      cell: (context) => {
        const current = context.getValue();
        return cell ? cell(context.row.original, current) : kind.format(current);
      },
      enableSorting: sortable,
      sortFn: kind.numeric ? 'basic' : 'text',
      sortUndefined: 'last',
      sortDescFirst: kind.numeric,
      meta: {
        numeric: kind.numeric,
        nowrap: kind.nowrap ?? false,
        rowHeader,
        ...(csvHeader ? { csvHeader } : {}),
        ...(wide ? { wide } : {}),
        ...(csvOnly ? { csvOnly } : {}),
      },
    });
  }

  return {
    /** Text, compared case-insensitively. */
    text: (options: TextColumnOptions<TData>) => column(options, { numeric: false, format: (value) => value ?? '—' }),

    /** An API enum value, shown in words (`GIVING_CHANNEL` → "Giving channel"), exported as is. */
    enumeration: (options: TextColumnOptions<TData>) => column(options, { numeric: false, format: formatEnum }),

    /** An ISO day, shown as "Mar 7, 2025", exported as `2025-03-07`; ISO days sort as text. */
    date: (options: TextColumnOptions<TData>) => column(options, { numeric: false, nowrap: true, format: formatDate }),

    /** A count or quantity: `1,234`. */
    number: ({ maximumFractionDigits = 0, ...options }: NumberColumnOptions<TData>) =>
      column(options, { numeric: true, format: (value) => formatNumber(value, { maximumFractionDigits }) }),

    /** US dollars: `$1,234.50`, or `$1.2M` when compact. */
    usd: ({ compact = false, ...options }: UsdColumnOptions<TData>) =>
      column(options, { numeric: true, format: (value) => formatUsd(value, { compact }) }),

    /** A ratio as a percentage; signed for changes (`+12%`). */
    percent: ({ signed = false, ...options }: PercentColumnOptions<TData>) =>
      column(options, { numeric: true, format: (value) => formatPercent(value, { signed }) }),

    /** A value of a catalog metric, in its unit (USD, RATE, COUNT…). */
    metric: ({ unit, compact = false, ...options }: MetricColumnOptions<TData>) =>
      column(options, { numeric: true, format: (value) => formatMetricValue(value, unit, { compact }) }),

    /** A column without a value (buttons, links): never sorted, never exported. */
    display: (options: { id: string; header: string; cell: (row: TData) => ReactNode }) =>
      helper.display({
        id: options.id,
        header: options.header,
        cell: (context) => options.cell(context.row.original),
        enableSorting: false,
        meta: { csv: false },
      }) as DataColumn<TData>,
  };
}
