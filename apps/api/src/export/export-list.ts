import type { UserRole } from '@panorama/db';
import { csvCell } from '@panorama/import';
import { and, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';

/** What an export keeps; each list takes the parameters it names, the others stay null. */
export interface ExportFilter {
  regionCode: string | null;
  /** A closed range of days `[from, to]` over the list's date. */
  from: string | null;
  to: string | null;
  year: number | null;
}

/** The query parameters a list may take. */
export type ExportParameter = 'region' | 'from' | 'to' | 'year';

/**
 * Who may export a list, as the GraphQL field that returns it decides:
 * - `signedIn`: everyone signed in (reference data, targets, stories, field needs);
 * - `detail`: partner- and contribution-level detail — a REGIONAL user its own region's rows only,
 *   and a `region` of another bureau is refused;
 * - `roles`: those roles only (the audit trail, users).
 */
export type ExportAccess =
  | { kind: 'signedIn' }
  | { kind: 'detail' }
  | { kind: 'roles'; roles: readonly UserRole[]; who: string };

/** The key that orders a list and resumes it after a batch: an id or a code. */
export type BatchKey = number | string;

/** A list that `GET /api/export/:name` serves as CSV. */
export interface ExportList {
  /** How messages name the rows: "contributions", "impact records". */
  noun: string;
  access: ExportAccess;
  parameters: readonly ExportParameter[];
  /** The CSV header; each batch selects these names (and `key`). */
  columns: readonly string[];
  /** Columns holding database ids to write as the API's global IDs, with their GraphQL type. */
  globalIds?: Readonly<Record<string, string>>;
  /**
   * One batch: at most `size` rows of what the viewer may read, after `after` by `key` (from the
   * start when null), ordered by `key`, with the columns as text.
   */
  batch(viewer: Viewer, filter: ExportFilter, after: BatchKey | null, size: number): SQL;
}

/** Every condition given, or `true`. */
export const conditions = (...parts: (SQL | undefined)[]): SQL => and(...parts) ?? sql`true`;

/** A decimal as exact text without trailing zeros (`1200.5`, not `1200.5000`). */
export const decimalText = (column: SQLWrapper): SQL => sql`trim_scale(${column})::text`;

/** A timestamp as ISO 8601 text in UTC, as the API writes it (`2025-03-01T09:30:00.000Z`). */
export const timestampText = (column: SQLWrapper): SQL =>
  sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Keeps `value` only where `readable` holds (null elsewhere); `readable` undefined means everywhere. */
export const onlyWhere = (readable: SQL | undefined, value: SQLWrapper): SQL =>
  readable === undefined ? sql`${value}` : sql`CASE WHEN ${readable} THEN ${value} END`;

/** A plain decimal number (`-0.3766`, `1e-7`): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * One CSV line (CRLF-terminated) of an export. Cells are escaped against formula injection
 * (`csvCell`: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`), except plain numbers, so
 * that a negative change stays a number.
 */
export function exportLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (PLAIN_NUMBER.test(cell) ? cell : csvCell(cell))).join(',')}\r\n`;
}
