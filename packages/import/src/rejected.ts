import type { Problem } from './problems';

/** A record to write back to the user with what is wrong with it. */
export interface RejectedRecord {
  line: number;
  fields: readonly string[];
  problems: readonly Problem[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, safe to open in a spreadsheet: a value starting with `=`, `+`, `-`, `@`, a tab
 * or a CR gets a leading `'` (so it is not run as a formula), and a value with a comma, quote
 * or line break is quoted with its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line (CRLF-terminated) of safe cells. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The text of a record's `problem` cell: `amount_usd "-5": must be 0 or more; …`. */
export function problemText(record: RejectedRecord): string {
  return record.problems
    .map((problem) => {
      const where = [
        problem.line === record.line ? null : `line ${problem.line}`,
        problem.column,
        problem.value === null ? null : JSON.stringify(problem.value),
      ]
        .filter((part) => part !== null)
        .join(' ');
      return where === '' ? problem.reason : `${where}: ${problem.reason}`;
    })
    .join('; ');
}

/**
 * The rejected-rows CSV: the file's header and each rejected record's original fields, plus a
 * last `problem` column saying what is wrong. Every cell is escaped against formula injection.
 * For a large file, write `csvLine(...)` per record instead of building one string.
 */
export function rowsToCsv(header: readonly string[], records: Iterable<RejectedRecord>): string {
  let text = csvLine([...header, 'problem']);
  for (const record of records) text += csvLine([...record.fields, problemText(record)]);
  return text;
}
