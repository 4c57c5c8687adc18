import type { Actor } from '@panorama/db';
import type { ImportKind } from './formats';
import type { RawClient } from './raw-client';
import type { RowsByKind } from './rows';
import type { MergeCounts, StagedProblem } from './staged';
import type { Cell } from './staging';

/** How one kind of file is staged, checked against the database and merged. */
export interface Loader<K extends ImportKind> {
  kind: K;
  /**
   * The staging table's columns for the row (`name type`); the table also has the file's `line`
   * first and the original `fields` (JSON, kept only to write rejected rows) last.
   */
  columns: readonly string[];
  /** A valid row's values, in {@link columns} order. */
  cells(row: RowsByKind[K]): Cell[];
  /**
   * The region a row is of, which a REGIONAL actor's must be (checked while reading); `null`
   * when only the database can tell (then {@link check} does).
   */
  region(row: RowsByKind[K]): string | null;
  /** What only the database can tell about the staged rows; `$1` is a REGIONAL actor's region. */
  check(client: RawClient, actor: Actor): Promise<StagedProblem[]>;
  /** Writes the staged rows, with their audit entries, and counts them. */
  merge(client: RawClient, actor: Actor): Promise<MergeCounts>;
}

/** The staging table's columns: `line`, the loader's, `fields`. */
export function stagingColumns(loader: Loader<ImportKind>): string[] {
  return ['line integer NOT NULL', ...loader.columns, 'fields text'];
}

/** The staging table's column names, in {@link stagingColumns} order. */
export function stagingNames(loader: Loader<ImportKind>): string[] {
  return stagingColumns(loader).map((column) => column.split(' ')[0] as string);
}
