import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@panorama/db';
import { afterAll, beforeAll, expect } from 'vitest';
import { prepareDatabase } from './fixtures';
import { graphql, now } from './load';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import { createFreshDatabase, withClient } from './postgres';
import type { Sql, StoredTotals } from './stored-writes';

/**
 * Fault 4: the server is killed (SIGKILL) in the middle of a write — an import while its file
 * streams in, an import during its merge (crash-mid-write-imports.test.ts), a stream of concurrent
 * target edits (crash-mid-write-targets.test.ts) — then started again on the same database:
 * PostgreSQL, and the embedded PGlite data folder. After each crash the database holds the whole
 * change or none of it, the audit trail and the import records agree with the data, every change a
 * client saw succeed is there, the data folder opens (in this process, then in the restarted
 * server) and the server answers the same figures as SQL; importing the same file again then
 * gives exact counts.
 *
 * Here: the two engines, and the server of a test file, killed and started again.
 */

export const SUM_RANGE = { from: '2019-01-01', to: '2026-12-31' };

/**
 * A kill once the file is sent: when a statement of the merge is seen running (PostgreSQL), or
 * after a random part of the time an import takes once its body is sent (PGlite, whose
 * statements cannot be watched from outside).
 */
export type LaterKill =
  | { kind: 'statement'; label: string; pattern: RegExp }
  | { kind: 'delay'; label: string; from: number; to: number };

export interface Engine {
  engine: string;
  /** Rows of each imported file: fewer on PGlite, which imports a few times slower and restarts slower. */
  rows: number;
  /**
   * Whether the kill while a file streams in comes just after another import answered, whose
   * rows must all be there: PGlite writes its own files, while a PostgreSQL commit does not
   * depend on the server process.
   */
  answeredBeforeKill: boolean;
  /** When imports are killed once their file is sent (besides the kill while it streams in). */
  laterKills: LaterKill[];
  /** A database with the demo's reference data and `contributions` demo contributions, and the admin's token. */
  setUp(contributions: number): Promise<{
    token: string;
    start: () => Promise<PanoramaProcess>;
    /** Runs `work` with SQL access (on PGlite, it opens the data folder in this process). */
    inspect: <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;
    /** The PostgreSQL database's name, to watch its statements; none on PGlite. */
    databaseName?: string;
    cleanUp: () => Promise<void>;
  }>;
}

export const ENGINES: Engine[] = [
  {
    engine: 'PostgreSQL',
    rows: 100_000,
    answeredBeforeKill: false,
    // The biggest statement of the merge: the contributions' INSERT … SELECT (and its rollups).
    laterKills: [{ kind: 'statement', label: 'during its merge', pattern: /INSERT INTO contributions/ }],
    async setUp(contributions) {
      const database = await createFreshDatabase();
      const { token } = await prepareDatabase({ url: database.url }, { contributions });
      return {
        token,
        start: () => startPanorama({ databaseUrl: database.url }),
        inspect: (work) =>
          withClient(database.url, (client) => work(async (text, params) => (await client.query(text, params)).rows)),
        databaseName: database.name,
        cleanUp: () => database.drop(),
      };
    },
  },
  {
    engine: 'PGlite',
    rows: 20_000,
    answeredBeforeKill: true,
    // Staging takes the first fifth of that time or so; the checks and the merge the rest.
    laterKills: [{ kind: 'delay', label: 'during its merge', from: 0.35, to: 0.95 }],
    async setUp(contributions) {
      const folder = mkdtempSync(join(tmpdir(), 'panorama-faults-'));
      const dataDir = join(folder, 'data');
      const { token } = await prepareDatabase({ dataDir }, { contributions });
      return {
        token,
        start: () => startPanorama({ dataDir }),
        inspect: async (work) => {
          const handle = await openDatabase({ dataDir });
          if (handle.kind !== 'pglite') throw new Error('unreachable: a data folder opens PGlite');
          try {
            return await work(async (text, params) => (await handle.pglite.query(text, params)).rows as never[]);
          } finally {
            await handle.close();
          }
        },
        cleanUp: async () => rmSync(folder, { recursive: true, force: true }),
      };
    },
  },
];

const TOTALS_QUERY = `query Totals($from: Date!, $to: Date!) {
  contributions(first: 1) { totalCount }
  partners(first: 1) { totalCount }
  metrics(metrics: [REVENUE_USD, CONTRIBUTION_COUNT], from: $from, to: $to) { total { values { metric value } } }
}`;

/** SIGKILL, and wait until the process is gone. */
export async function kill(server: PanoramaProcess): Promise<number> {
  const killedAt = now();
  server.child.kill('SIGKILL');
  const status = await server.exited;
  expect(status.signal).toBe('SIGKILL');
  return killedAt;
}

/**
 * Panorama's server on the database `setUp` prepares: set up and started before the tests of the
 * current `describe`, stopped and its database removed after them.
 */
export function serverThroughCrashes(setUp: Engine['setUp'], contributions: number) {
  let database: Awaited<ReturnType<Engine['setUp']>> | undefined;
  let server: PanoramaProcess | undefined;

  beforeAll(async () => {
    database = await setUp(contributions);
    server = await database.start();
  });

  afterAll(async () => {
    await server?.stop();
    await database?.cleanUp();
  });

  /** The database as set up: the admin's token, its name on PostgreSQL, how to start a server on it. */
  const prepared = () => {
    if (!database) throw new Error('the database is not set up');
    return database;
  };

  const running = (): PanoramaProcess => {
    if (!server) throw new Error('the server is not running');
    return server;
  };

  /** Runs `work` with SQL access (on PGlite, it opens the data folder in this process). */
  const inspect = <T>(work: (sql: Sql) => Promise<T>): Promise<T> => prepared().inspect(work);

  /** Starts the server again on the same database and checks that it answers what SQL says. */
  async function restart(totals: StoredTotals): Promise<number> {
    const { start, token } = prepared();
    const startedAt = now();
    server = await start();
    const readyMs = Math.round(now() - startedAt);
    const answer = await graphql(server.url, TOTALS_QUERY, { token, variables: SUM_RANGE });
    expect(answer.code, answer.message).toBe('OK');
    const data = answer.body?.data as {
      contributions: { totalCount: number };
      partners: { totalCount: number };
      metrics: { total: { values: { metric: string; value: number }[] } };
    };
    expect(data.contributions.totalCount).toBe(totals.contributions);
    expect(data.partners.totalCount).toBe(totals.partners);
    const values = Object.fromEntries(data.metrics.total.values.map((value) => [value.metric, value.value]));
    expect(values.CONTRIBUTION_COUNT).toBe(totals.contributions);
    expect(Math.abs((values.REVENUE_USD ?? 0) - Number(totals.revenueUsd))).toBeLessThan(0.005);
    return readyMs;
  }

  return { prepared, running, inspect, restart };
}
