/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, and a UTF-8 byte order mark so that Excel reads accents right.
 *
 * Values, not display strings: numbers are written as plain numbers (`1234.5`, not `$1,234.50`),
 * dates as ISO 8601. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
 * carriage return first) is prefixed with a single quote; a plain negative number stays a number.
 */

/** What a CSV cell can hold. `null` and `undefined` are written as an empty field. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** The UTF-8 byte order mark: Excel needs it to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** The MIME type of a CSV download. */
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, maybe negative: text that is a number, not a formula. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Characters that force a field into quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet: `=1+1` → `'=1+1`; `-12.5` is left alone. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A date as ISO 8601: the day alone (`2025-03-07`) at midnight UTC, else the full timestamp. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The text of one value, before quoting. */
function fieldText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value);
  return neutralizeFormula(value);
}

/** One field, quoted (and its quotes doubled) when it must be. */
export function csvField(value: CsvValue): string {
  const text = fieldText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvOptions {
  /** Start with the UTF-8 byte order mark. Default true (for Excel). */
  bom?: boolean;
}

/** A whole CSV document: a header row, then one line per row, CRLF after each line. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  { bom = true }: CsvOptions = {},
): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return (bom ? UTF8_BOM : '') + lines.join('');
}

/**
 * A safe file name for a download: lower case, words joined by hyphens, `.csv` at the end.
 * `"Partners 2025"` → `"partners-2025.csv"`.
 */
export function csvFileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.csv$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'export'}.csv`;
}

/** Offers a CSV document to the browser as a file download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: CSV_MIME_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(fileName);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns: free it a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
