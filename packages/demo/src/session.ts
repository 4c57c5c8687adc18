import type { Cell, TableSpec } from './tables';

/** What the seed needs from a database inside its one transaction. */
export interface SeedSession {
  /** Runs statements that return nothing. */
  execute(statement: string): Promise<void>;
  /** Runs a query and returns its rows. */
  rows<Row>(query: string): Promise<Row[]>;
  /** Loads rows into a table, streaming them in batches; returns how many were written. */
  load(table: TableSpec, rows: Iterable<Cell[]>): Promise<number>;
}

/** Quotes an SQL identifier (table or column name). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function columnList(table: TableSpec): string {
  return table.columns.map(quoteIdentifier).join(', ');
}
