import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PostgresHandle } from './client';
import { testServerUrl } from './testing';

/**
 * Always on a PostgreSQL server (the one of the tests, else the local one): PGlite has no pool
 * and no connection to lose.
 */
const SERVER = testServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let handle: PostgresHandle;
const poolErrors: Error[] = [];

beforeAll(async () => {
  const opened = await openDatabase({ url: SERVER, poolMax: 2, onPoolError: (error) => poolErrors.push(error) });
  if (opened.kind !== 'postgres') throw new Error('expected a PostgreSQL handle');
  handle = opened;
});
afterAll(async () => {
  await handle?.close();
});

describe('the pool, when the server ends a connection that is checked out', () => {
  it('fails the query under way and keeps the process, and the next query works', async () => {
    const client = await handle.pool.connect();
    await client.query('BEGIN');
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    const killer = new pg.Client({ connectionString: SERVER });
    await killer.connect();
    await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    await killer.end();
    // The process would end here with an unhandled 'error' event (vitest reports it as a failure).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    expect(poolErrors.length).toBeGreaterThan(0);
    const { rows } = await handle.pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
