import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { columnList, quoteIdentifier, type SeedSession } from './session';
import type { Cell } from './tables';

/** Characters COPY's text format gives a meaning to, which a value must escape. */
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: `\N` for NULL, backslash escapes for the rest. */
function copyField(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`Cannot load the number ${cell}`);
    return String(cell);
  }
  if (cell.includes('\0')) throw new Error('Text values cannot hold NUL characters');
  return SPECIAL.test(cell) ? cell.replace(/[\\\t\n\r]/g, (character) => ESCAPES[character] ?? character) : cell;
}

/** Bytes handed to PostgreSQL at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * COPY text lines, written straight into buffers of about 256 kB: no long-lived strings, so
 * the garbage collector has little to do even for millions of rows.
 */
export function* copyChunks(rows: Iterable<Cell[]>, counter: { rows: number }): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let offset = 0;
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < row.length; index++) {
      if (index > 0) line += '\t';
      line += copyField(row[index] as Cell);
    }
    line += '\n';
    counter.rows++;
    const most = line.length * 3;
    if (offset + most > CHUNK_BYTES) {
      if (offset > 0) yield buffer.subarray(0, offset);
      buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
      offset = 0;
    }
    offset += buffer.write(line, offset);
  }
  if (offset > 0) yield buffer.subarray(0, offset);
}

function postgresSession(client: pg.PoolClient): SeedSession {
  return {
    async execute(statement) {
      await client.query(statement);
    },
    async rows<Row>(query: string) {
      return (await client.query(query)).rows as Row[];
    },
    async load(table, rows) {
      const counter = { rows: 0 };
      const copy = client.query(
        copyFrom(`COPY ${quoteIdentifier(table.name)} (${columnList(table)}) FROM STDIN (FORMAT text)`),
      );
      // Readable.from pulls the generator only as fast as PostgreSQL takes the data: memory stays flat.
      await pipeline(Readable.from(copyChunks(rows, counter)), copy);
      return counter.rows;
    },
  };
}

/**
 * Runs `work` in one transaction on a dedicated pooled connection, without statement timeout;
 * rolls everything back when it throws. `after` runs on the same connection once committed.
 */
export async function inPostgresTransaction<T>(
  pool: pg.Pool,
  work: (session: SeedSession) => Promise<T>,
  after: (session: SeedSession) => Promise<void>,
): Promise<T> {
  const client = await pool.connect();
  const session = postgresSession(client);
  try {
    await client.query('SET statement_timeout = 0');
    await client.query('BEGIN');
    let result: T;
    try {
      result = await work(session);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await after(session);
    await client.query('RESET statement_timeout');
    client.release();
    return result;
  } catch (error) {
    // A connection left mid-COPY or with a changed setting does not go back to the pool.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
