import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseHandle } from '@panorama/db';
import { from as copyFrom } from 'pg-copy-streams';
import type { RawClient } from './raw-client';

/** A staged value: text, a number, or NULL. */
export type Cell = string | number | null;

/** The temporary table rows are staged in; it lives until the transaction ends. */
export const STAGING_TABLE = 'import_staging';

/** Rows per INSERT statement on PGlite. */
const BATCH_ROWS = 500;
/** Bytes handed to PostgreSQL's COPY at a time. */
const CHUNK_BYTES = 256 * 1024;

/** Creates the staging table (`ON COMMIT DROP`) with these columns (`name type` each). */
export async function createStaging(client: RawClient, columns: readonly string[]): Promise<void> {
  await client.query(`CREATE TEMP TABLE ${STAGING_TABLE} (${columns.join(', ')}) ON COMMIT DROP`);
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: `\N` for NULL, backslash escapes for the rest. */
function copyField(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'number') return String(cell);
  if (cell.includes('\0')) throw new Error('Text values cannot hold NUL characters');
  return COPY_SPECIAL.test(cell) ? cell.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : cell;
}

/** An SQL literal (standard_conforming_strings: only quotes double). */
function literal(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'number') return String(cell);
  if (cell.includes('\0')) throw new Error('Text values cannot hold NUL characters');
  return `'${cell.replaceAll("'", "''")}'`;
}

/** COPY text lines packed in buffers of about 256 kB, pulled from `rows` only as fast as the server takes them. */
async function* copyChunks(rows: AsyncIterable<readonly Cell[]>): AsyncGenerator<Buffer> {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let offset = 0;
  for await (const row of rows) {
    const line = `${row.map(copyField).join('\t')}\n`;
    const most = line.length * 3;
    if (offset + most > buffer.length) {
      if (offset > 0) yield buffer.subarray(0, offset);
      buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
      offset = 0;
    }
    offset += buffer.write(line, offset);
  }
  if (offset > 0) yield buffer.subarray(0, offset);
}

/**
 * Streams rows into the staging table: `COPY … FROM STDIN` on PostgreSQL (on the transaction's
 * own client), multi-row INSERTs of {@link BATCH_ROWS} on PGlite. Memory stays bounded: rows are
 * pulled from `rows` as they are written. An error thrown by `rows` aborts the load.
 */
export async function stageRows(
  kind: DatabaseHandle['kind'],
  client: RawClient,
  columns: readonly string[],
  rows: AsyncIterable<readonly Cell[]>,
): Promise<void> {
  const names = columns.join(', ');
  if (kind === 'postgres') {
    const copy = (client as unknown as { query(stream: unknown): NodeJS.WritableStream }).query(
      copyFrom(`COPY ${STAGING_TABLE} (${names}) FROM STDIN (FORMAT text)`),
    );
    await pipeline(Readable.from(copyChunks(rows)), copy);
    return;
  }
  const head = `INSERT INTO ${STAGING_TABLE} (${names}) VALUES `;
  let values: string[] = [];
  for await (const row of rows) {
    values.push(`(${row.map(literal).join(',')})`);
    if (values.length === BATCH_ROWS) {
      await client.query(head + values.join(','));
      values = [];
    }
  }
  if (values.length > 0) await client.query(head + values.join(','));
}
