import type { RowData } from '@tanstack/react-table';
import { type CsvValue, toCsv } from '../../lib/csv';
import type { DataColumn } from './columns';

interface ExportableColumn<TData> {
  header: string;
  value: (row: TData, index: number) => unknown;
}

/** A column definition's fields this module reads, whatever its kind. */
interface AnyColumnDef<TData> {
  id?: string;
  header?: unknown;
  accessorFn?: (row: TData, index: number) => unknown;
  accessorKey?: unknown;
  columns?: readonly AnyColumnDef<TData>[];
  meta?: { csv?: boolean; csvHeader?: string };
}

/** Reads `a.b.c` from a row, as TanStack does for a dotted `accessorKey`. */
function readPath(row: unknown, path: string): unknown {
  let current: unknown = row;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The columns a CSV export writes, in order: every leaf column with a value and not opted out. */
export function exportableColumns<TData extends RowData>(
  columns: readonly DataColumn<TData>[],
): ExportableColumn<TData>[] {
  const leaves: ExportableColumn<TData>[] = [];
  const visit = (definitions: readonly AnyColumnDef<TData>[]) => {
    for (const definition of definitions) {
      if (definition.columns) {
        visit(definition.columns);
        continue;
      }
      if (definition.meta?.csv === false) continue;
      const { accessorFn, accessorKey } = definition;
      const value =
        accessorFn ?? (typeof accessorKey === 'string' ? (row: TData) => readPath(row, accessorKey) : undefined);
      if (!value) continue;
      const header =
        definition.meta?.csvHeader ??
        (typeof definition.header === 'string' ? definition.header : (definition.id ?? String(accessorKey)));
      leaves.push({ header, value });
    }
  };
  visit(columns as readonly AnyColumnDef<TData>[]);
  return leaves;
}

/** A raw cell value as CSV can hold it: numbers, text, booleans and dates; anything else is empty. */
export function toCsvValue(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'bigint') return value.toString();
  return null;
}

/** The CSV of rows through a table's columns: their raw values, not what the cells show. */
export function rowsToCsv<TData extends RowData>(
  columns: readonly DataColumn<TData>[],
  rows: readonly TData[],
): string {
  const exported = exportableColumns(columns);
  return toCsv(
    exported.map((column) => column.header),
    rows.map((row, index) => exported.map((column) => toCsvValue(column.value(row, index)))),
  );
}
