import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_QUERY, figuresSequence, prepareDatabase, REGIONS_QUERY } from './fixtures';
import { graphql, now, type Outcome, report, sleep, startLoad, summarize } from './load';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import {
  createFreshDatabase,
  type FreshDatabase,
  panoramaConnectionsGone,
  SHARED_SERVER_URL,
  terminatePanoramaConnections,
} from './postgres';

/**
 * Fault 1: every PostgreSQL connection of the server is killed (`pg_terminate_backend`), once
 * while it is idle and once under load. The process stays up; a request that loses its
 * connection gets "temporarily unavailable" (SERVICE_UNAVAILABLE, 503), never a crash, a hang or
 * a 500; the next requests succeed.
 */

const REQUEST_TIMEOUT_MS = 10_000;
let database: FreshDatabase;
let panorama: PanoramaProcess;
let token: string;

beforeAll(async () => {
  database = await createFreshDatabase();
  ({ token } = await prepareDatabase({ url: database.url }));
  panorama = await startPanorama({ databaseUrl: database.url, env: { DATABASE_POOL_MAX: '10' } });
});

afterAll(async () => {
  await panorama?.stop();
  await database?.drop();
});

const ask = (query: string) => graphql(panorama.url, query, { token, timeoutMs: REQUEST_TIMEOUT_MS });
// Each figures request asks about another year: the response cache cannot answer it, the database must.
const nextFigures = figuresSequence();
const askFigures = () =>
  graphql(panorama.url, FIGURES_QUERY, { token, variables: nextFigures(), timeoutMs: REQUEST_TIMEOUT_MS });

/**
 * Only success or the clear, retryable refusal are acceptable answers: 503 when nothing could be
 * answered, 200 with the error on the fields that lost their connection when the rest could.
 */
function expectOnlyOkOrUnavailable(outcomes: Outcome[]) {
  const others = outcomes.filter((outcome) => outcome.code !== 'OK' && outcome.code !== 'SERVICE_UNAVAILABLE');
  expect(others, JSON.stringify(others.slice(0, 3))).toEqual([]);
  for (const failed of outcomes.filter((outcome) => outcome.code === 'SERVICE_UNAVAILABLE')) {
    expect(failed.message).toBe('The database is temporarily unavailable. Try again in a few seconds.');
    expect(failed.status).toBe(failed.body?.data == null ? 503 : 200);
  }
}

describe('PostgreSQL connections killed', () => {
  it('while idle: the process stays up and the next requests succeed', async () => {
    // Fill the pool, then let it go idle.
    await Promise.all(Array.from({ length: 10 }, () => askFigures()));
    await sleep(200);
    const killed = await terminatePanoramaConnections(SHARED_SERVER_URL, database.name);
    expect(killed).toBeGreaterThan(0);
    // Idle means the kill is over: the backends have exited and said so on their sockets (a
    // request sent in between may meet a dying connection; that is the test under load).
    await panoramaConnectionsGone(SHARED_SERVER_URL, database.name);
    await sleep(100);

    const after: Outcome[] = [];
    for (let round = 0; round < 5; round++) {
      after.push(...(await Promise.all(Array.from({ length: 4 }, () => ask(REGIONS_QUERY)))));
    }
    const summary = summarize(after);
    report('idle kill', { killedConnections: killed, requestsAfter: summary });
    expect(panorama.running()).toBe(true);
    expectOnlyOkOrUnavailable(after);
    // The pool drops the dead connections as soon as PostgreSQL closes them: nothing fails.
    expect(summary.ok).toBe(summary.total);
    expect(panorama.output()).toMatch(/database connection error \(the pool will reconnect\)/);
  });

  it('under load: failed requests say "temporarily unavailable", none hangs, the next succeed', async () => {
    const load = startLoad(8, (worker) => (worker % 2 === 0 ? askFigures() : ask(REGIONS_QUERY)));
    await sleep(2_000);
    const killedAt = now();
    const killed = await terminatePanoramaConnections(SHARED_SERVER_URL, database.name);
    await sleep(1_000);
    const secondKilledAt = now();
    const killedAgain = await terminatePanoramaConnections(SHARED_SERVER_URL, database.name);
    await sleep(3_000);
    const outcomes = await load.stop();

    const before = outcomes.filter((outcome) => outcome.at + outcome.ms < killedAt);
    const failed = outcomes.filter((outcome) => outcome.code !== 'OK');
    const lastFailureEnd = Math.max(killedAt, ...failed.map((outcome) => outcome.at + outcome.ms));
    const afterRecovery = outcomes.filter((outcome) => outcome.at > lastFailureEnd);
    report('load kill', {
      killedConnections: [killed, killedAgain],
      all: summarize(outcomes),
      beforeKill: summarize(before),
      errorRate: Number((failed.length / outcomes.length).toFixed(4)),
      partialAnswers: failed.filter((outcome) => outcome.body?.data != null).length,
      recoveryMs: Math.round(lastFailureEnd - secondKilledAt),
      afterRecovery: summarize(afterRecovery),
    });

    expect(panorama.running()).toBe(true);
    expect(killed + killedAgain).toBeGreaterThan(0);
    expectOnlyOkOrUnavailable(outcomes);
    // No request waited anywhere near the client's patience: failures are immediate.
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(5_000);
    // Fewer failures than requests in flight at each kill (8 workers, killed twice).
    expect(failed.length).toBeLessThanOrEqual(16);
    expect(afterRecovery.length).toBeGreaterThan(50);

    // And afterwards, every request succeeds.
    const final = await Promise.all(Array.from({ length: 10 }, () => askFigures()));
    expect(final.map((outcome) => outcome.code)).toEqual(Array(10).fill('OK'));
  });
});
