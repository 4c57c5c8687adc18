import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type PostgresHandle, selectRows } from './client';
import { StatementPreparer } from './prepared-statements';
import { testServerUrl } from './testing';

describe('which statements are prepared', () => {
  it('a statement the second time its text is seen, under one name, for at most `limit` texts', () => {
    const preparer = new StatementPreparer(2);
    const first = 'SELECT 1';
    expect(preparer.nameFor(first)).toBeUndefined();
    const name = preparer.nameFor(first);
    expect(name).toMatch(/^panorama_[0-9a-f]{24}$/);
    expect(preparer.nameFor(first)).toBe(name);
    expect(preparer.nameFor('WITH x AS (SELECT 2) SELECT * FROM x')).toBeUndefined();
    const second = preparer.nameFor('WITH x AS (SELECT 2) SELECT * FROM x');
    expect(second).toBeDefined();
    expect(second).not.toBe(name);
    // The limit is reached: a third text runs unprepared however often it comes.
    for (let time = 0; time < 5; time++) expect(preparer.nameFor('SELECT 3')).toBeUndefined();
    expect(preparer.prepared).toBe(2);
  });

  it('never transaction control or settings', () => {
    const preparer = new StatementPreparer(10);
    for (const text of ['BEGIN', 'COMMIT', 'SET LOCAL role panorama_app', 'select set_config($1, $2, true)']) {
      preparer.nameFor(text);
      const name = preparer.nameFor(text);
      expect(name === undefined, text).toBe(!text.startsWith('select'));
    }
  });

  it('forgets one-off texts once its window is full', () => {
    const preparer = new StatementPreparer(10, 3);
    preparer.nameFor('SELECT 1');
    for (const text of ['SELECT 2', 'SELECT 3', 'SELECT 4']) preparer.nameFor(text);
    // SELECT 1's first sighting was forgotten with the window: this is its first again.
    expect(preparer.nameFor('SELECT 1')).toBeUndefined();
    expect(preparer.nameFor('SELECT 1')).toBeDefined();
  });
});

/** Always on a PostgreSQL server (the one of the tests, else the local one): PGlite has no pool. */
const SERVER = testServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let handle: PostgresHandle | undefined;

afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function open(preparedStatements?: number): Promise<PostgresHandle> {
  const opened = await openDatabase({ url: SERVER, poolMax: 1, preparedStatements });
  if (opened.kind !== 'postgres') throw new Error('expected a PostgreSQL handle');
  handle = opened;
  return opened;
}

/** The statements prepared on the pool's one connection. */
async function preparedOn(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ statement: string }>(
    "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'panorama\\_%' ORDER BY statement",
  );
  return rows.map((row) => row.statement);
}

describe('prepared statements on PostgreSQL', () => {
  it('are prepared on the connection from the second run and answer as before', async () => {
    const { db, pool } = await open();
    const ask = (n: number) => selectRows<{ next: number }>(db, sql`SELECT ${n}::int + 1 AS next`);
    expect(await ask(1)).toEqual([{ next: 2 }]);
    expect(await preparedOn(pool)).toEqual([]);
    expect(await ask(2)).toEqual([{ next: 3 }]);
    expect(await ask(41)).toEqual([{ next: 42 }]);
    expect(await preparedOn(pool)).toEqual(['SELECT $1::int + 1 AS next']);
  });

  it('are prepared again on a new connection when the old one is gone', async () => {
    const { db, pool } = await open();
    const ask = () => selectRows<{ answer: number }>(db, sql`SELECT 42 AS answer`);
    await ask();
    await ask();
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const killer = new pg.Client({ connectionString: SERVER });
    await killer.connect();
    await killer.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
    await killer.end();
    // The pool drops the dead connection (its first query may fail) and opens another.
    await ask().catch(() => undefined);
    expect(await ask()).toEqual([{ answer: 42 }]);
    expect(await preparedOn(pool)).toEqual(['SELECT 42 AS answer']);
  });

  it('are not prepared when the limit is 0', async () => {
    const { db, pool } = await open(0);
    for (let time = 0; time < 3; time++) await selectRows(db, sql`SELECT 7 AS seven`);
    expect(await preparedOn(pool)).toEqual([]);
  });
});
