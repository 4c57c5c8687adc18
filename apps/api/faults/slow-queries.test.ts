import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_QUERY, figuresSequence, prepareDatabase, REGIONS_QUERY } from './fixtures';
import { graphql, type Outcome, percentile, report, sleep, startLoad, summarize } from './load';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import {
  activeStatements,
  createFreshDatabase,
  type FreshDatabase,
  holdAnalyticsTables,
  SHARED_SERVER_URL,
} from './postgres';

/**
 * Fault 5: queries that run past the statement timeout. Here the figures queries are held up by
 * locks another session keeps on the tables the analytics read (as a long migration would):
 * PostgreSQL cancels each at the timeout, the client is told why (QUERY_TIMEOUT) and the log
 * says so; requests that do not need those tables keep their latency meanwhile.
 * (The embedded PGlite has no statement timeout: this holds on PostgreSQL only.)
 */

const STATEMENT_TIMEOUT_MS = 1_000;
let database: FreshDatabase;
let panorama: PanoramaProcess;
let token: string;

beforeAll(async () => {
  database = await createFreshDatabase();
  ({ token } = await prepareDatabase({ url: database.url }));
  panorama = await startPanorama({
    databaseUrl: database.url,
    env: { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), DATABASE_POOL_MAX: '10' },
  });
});

afterAll(async () => {
  await panorama?.stop();
  await database?.drop();
});

const ask = (query: string) => graphql(panorama.url, query, { token, timeoutMs: 10_000 });
// Each figures request asks about another year: the response cache cannot answer it, the database must.
const nextFigures = figuresSequence();
const askFigures = () => graphql(panorama.url, FIGURES_QUERY, { token, variables: nextFigures(), timeoutMs: 10_000 });

/** Light requests, two at a time, for `ms`. */
async function lightLoad(ms: number): Promise<Outcome[]> {
  const load = startLoad(2, () => ask(REGIONS_QUERY));
  await sleep(ms);
  return load.stop();
}

describe('queries past the statement timeout', () => {
  it('are cancelled and reported; other requests keep their latency', async () => {
    await lightLoad(500); // warm up
    const before = await lightLoad(3_000);

    const lock = await holdAnalyticsTables(database.url);
    // Four slow requests at a time, again and again, while the light ones are measured.
    const slowLoad = startLoad(4, () => askFigures());
    const during = await lightLoad(3_500);
    const slow = await slowLoad.stop();
    await lock.release();
    await sleep(200);
    const lingering = await activeStatements(SHARED_SERVER_URL, database.name);
    const after = await lightLoad(2_000);
    const figures = await askFigures();

    const timings = (outcomes: Outcome[]) => outcomes.map((outcome) => outcome.ms);
    report('slow queries', {
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
      slow: summarize(slow),
      lightBefore: summarize(before),
      lightDuring: summarize(during),
      lightAfter: summarize(after),
      statementsStillRunning: lingering.length,
    });

    // Each slow request was cancelled at the timeout and told so, clearly.
    expect(slow.length).toBeGreaterThanOrEqual(8);
    for (const outcome of slow) {
      expect(outcome.code).toBe('QUERY_TIMEOUT');
      expect(outcome.message).toMatch(/took longer than the server allows and was cancelled/);
      expect(outcome.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
      expect(outcome.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 1_000);
    }
    expect(lingering).toEqual([]);
    // The log says it too, with the request's id.
    const logged = panorama.logLines().filter((line) => String(line.msg).startsWith('statement timeout at metrics'));
    expect(logged.length).toBeGreaterThanOrEqual(slow.length);
    expect(logged.every((line) => typeof line.reqId === 'string')).toBe(true);

    // The other requests: all answered, about as fast as before.
    for (const outcomes of [during, after]) expect(outcomes.every((outcome) => outcome.code === 'OK')).toBe(true);
    const p95Before = percentile(timings(before), 0.95);
    expect(percentile(timings(during), 0.95)).toBeLessThan(Math.max(2 * p95Before, p95Before + 50));
    expect(percentile(timings(after), 0.95)).toBeLessThan(Math.max(2 * p95Before, p95Before + 50));
    expect(figures.code).toBe('OK');
  });
});
