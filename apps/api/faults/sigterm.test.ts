import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_QUERY, figuresSequence, figuresVariables, prepareDatabase, REGIONS_QUERY } from './fixtures';
import { graphql, now, type Outcome, report, sleep, startLoad, summarize } from './load';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import { createFreshDatabase, type FreshDatabase, holdAnalyticsTables } from './postgres';

/**
 * Fault 3: SIGTERM under load. Requests in flight when the signal comes complete (some are held
 * in flight by locks the test takes on the tables the analytics read); new requests are refused cleanly
 * (connection refused, or 503 SHUTTING_DOWN on a connection already open), none hangs or gets
 * a 500; the process exits within its grace period; a restarted server answers the same figures.
 */

const GRACE_MS = 8_000;
const HELD_MS = 1_500;
let database: FreshDatabase;
let panorama: PanoramaProcess | undefined;
let token: string;

beforeAll(async () => {
  database = await createFreshDatabase();
  ({ token } = await prepareDatabase({ url: database.url }));
});

afterAll(async () => {
  await panorama?.stop();
  await database?.drop();
});

const start = () =>
  startPanorama({
    databaseUrl: database.url,
    env: { SHUTDOWN_GRACE_MS: String(GRACE_MS), DATABASE_POOL_MAX: '10' },
  });

/** Acceptable answers once the signal is sent: success, or a clean refusal. */
const CLEAN = new Set(['OK', 'SHUTTING_DOWN', 'ECONNREFUSED', 'CONNECTION_CLOSED']);

/** The requests held in flight: five years of figures, a query of their own (never answered from the cache). */
const HELD_QUERY = FIGURES_QUERY.replace('query Figures', 'query HeldFigures');
const HELD_YEARS = Array.from({ length: 5 }, (_, index) => figuresVariables(1_500 + index * 30));

describe('SIGTERM under load', () => {
  it('finishes in-flight requests, refuses new ones, exits within the grace period; a restart answers the same', async () => {
    const server = await start();
    panorama = server;
    const figures = await graphql(server.url, FIGURES_QUERY, { token, variables: figuresVariables(0) });
    expect(figures.code).toBe('OK');

    const nextFigures = figuresSequence();
    const load = startLoad(6, (worker) =>
      worker % 2
        ? graphql(server.url, REGIONS_QUERY, { token, timeoutMs: GRACE_MS + 5_000 })
        : graphql(server.url, FIGURES_QUERY, { token, variables: nextFigures(), timeoutMs: GRACE_MS + 5_000 }),
    );
    await sleep(1_000);

    // Hold five figure requests in flight: they wait for locks on the tables the analytics read.
    const held = await (async () => {
      const lock = await holdAnalyticsTables(database.url);
      const inFlight = HELD_YEARS.map((variables) =>
        graphql(server.url, HELD_QUERY, { token, variables, timeoutMs: GRACE_MS + 5_000 }),
      );
      await sleep(300);
      const signalledAt = now();
      server.child.kill('SIGTERM');
      await sleep(HELD_MS);
      await lock.release();
      return { inFlight: await Promise.all(inFlight), signalledAt };
    })();
    const exit = await server.exited;
    const exitedAt = now();
    const outcomes = await load.stop();
    // Requests sent after the signal, the process still up or not.
    const afterSignal = outcomes.filter((outcome) => outcome.at > held.signalledAt + 50);
    const lateProbe = await graphql(server.url, REGIONS_QUERY, { token, timeoutMs: 2_000 });

    report('sigterm', {
      exitCode: exit.code,
      exitMsAfterSignal: Math.round(exitedAt - held.signalledAt),
      heldInFlight: summarize(held.inFlight),
      load: summarize(outcomes),
      sentAfterSignal: summarize(afterSignal),
      afterExit: lateProbe.code,
    });

    // In-flight requests completed, after the lock was released.
    for (const outcome of held.inFlight) expect(outcome.code).toBe('OK');
    expect(Math.min(...held.inFlight.map((outcome) => outcome.ms))).toBeGreaterThan(HELD_MS);
    // Nothing else than success or a clean refusal; nothing hung.
    const unclean = outcomes.filter((outcome: Outcome) => !CLEAN.has(outcome.code));
    expect(unclean, JSON.stringify(unclean.slice(0, 3))).toEqual([]);
    expect(afterSignal.some((outcome) => outcome.code !== 'OK')).toBe(true);
    expect(lateProbe.code).toBe('ECONNREFUSED');
    // A clean exit, within the grace period.
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitedAt - held.signalledAt).toBeLessThan(GRACE_MS);
    expect(server.output()).toMatch(/"msg":"stopped"/);

    // A new server on the same database answers the same figures, those held in flight included.
    const restarted = await start();
    panorama = restarted;
    const again = await graphql(restarted.url, FIGURES_QUERY, { token, variables: figuresVariables(0) });
    expect(again.code).toBe('OK');
    expect(again.body?.data).toEqual(figures.body?.data);
    for (const [index, variables] of HELD_YEARS.entries()) {
      const answer = await graphql(restarted.url, HELD_QUERY, { token, variables });
      expect(answer.body?.data).toEqual(held.inFlight[index]?.body?.data);
    }
  });
});
