import { downloadCsv, toCsv } from '../../lib/csv';
import type { ResultRows } from './result-rows';

/**
 * Offers rows as a CSV download through the dashboard's CSV writer (RFC 4180, BOM, safe from
 * formula injection): a header of the dotted column names, then one line per row; a column a
 * row lacks is an empty field.
 */
export function exportResultRows({ columns, rows }: ResultRows, fileName: string): void {
  const cells = rows.map((row) => columns.map((column) => row[column] ?? null));
  downloadCsv(fileName, toCsv(columns, cells));
}

/** `panorama-regions-ranked.csv` for the operation `RegionsRanked`; `panorama-query.csv` without a name. */
export function exportFileName(operationName: string | null): string {
  const words = operationName?.replaceAll(/([a-z0-9])([A-Z])/g, '$1 $2') || 'query';
  return `panorama ${words}`;
}
