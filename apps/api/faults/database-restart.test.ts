import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_QUERY, figuresSequence, prepareDatabase, REGIONS_QUERY } from './fixtures';
import { graphql, now, type Outcome, report, sleep, startLoad, summarize } from './load';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import { createPrivateCluster, type PrivateCluster, withClient } from './postgres';

/**
 * Fault 2: PostgreSQL stops for 10 seconds, then starts again — a cluster of the test's own
 * (initdb, pg_ctl on a free port), never the machine's shared server. /readyz turns not ready
 * then ready; while the database is down every request fails fast with "temporarily
 * unavailable"; once it is back, requests succeed without restarting the server.
 */

const CONNECT_TIMEOUT_MS = 2_000;
const READINESS_TIMEOUT_MS = 1_000;
const OUTAGE_MS = 10_000;
let cluster: PrivateCluster;
let panorama: PanoramaProcess;
let token: string;

beforeAll(async () => {
  cluster = await createPrivateCluster();
  await withClient(cluster.url(), (client) => client.query('CREATE DATABASE panorama'));
  ({ token } = await prepareDatabase({ url: cluster.url('panorama') }));
  panorama = await startPanorama({
    databaseUrl: cluster.url('panorama'),
    env: {
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      READINESS_TIMEOUT_MS: String(READINESS_TIMEOUT_MS),
    },
  });
});

afterAll(async () => {
  await panorama?.stop();
  cluster?.destroy();
});

interface Probe {
  at: number;
  ms: number;
  status: number | string;
}

/** Asks /readyz every 100 ms until stopped. */
function pollReadiness(url: string) {
  const probes: Probe[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const at = now();
      const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
        (response) => response.status,
        (error: Error) => error.name,
      );
      probes.push({ at, ms: now() - at, status });
      await sleep(100);
    }
  })();
  return {
    probes,
    stop: async () => {
      running = false;
      await done;
      return probes;
    },
  };
}

describe('PostgreSQL stopped for 10 seconds, then started again', () => {
  it('says not ready, fails requests fast, then serves again without a restart', async () => {
    const readiness = pollReadiness(panorama.url);
    // Figures of another year each time: the response cache cannot answer, the database must.
    const nextFigures = figuresSequence();
    const load = startLoad(4, (worker) =>
      worker % 2
        ? graphql(panorama.url, REGIONS_QUERY, { token, timeoutMs: 15_000 })
        : graphql(panorama.url, FIGURES_QUERY, { token, variables: nextFigures(), timeoutMs: 15_000 }),
    );
    await sleep(1_500);

    const stoppedAt = now();
    cluster.stop();
    const stopDoneAt = now();
    await sleep(OUTAGE_MS);
    const startingAt = now();
    cluster.start();
    const startedAt = now();

    // Until a request succeeds again (bounded by the test's timeout), then a little more.
    let recoveredAt: number | undefined;
    while (recoveredAt === undefined && now() - startedAt < 20_000) {
      await sleep(50);
      recoveredAt = load.outcomes.find((outcome) => outcome.at > startedAt && outcome.code === 'OK')?.at;
    }
    await sleep(1_500);
    const outcomes = await load.stop();
    const probes = await readiness.stop();

    const during = outcomes.filter((outcome) => outcome.at >= stopDoneAt && outcome.at + outcome.ms <= startingAt);
    const after = outcomes.filter((outcome) => recoveredAt !== undefined && outcome.at >= recoveredAt);
    const notReady = probes.filter((probe) => probe.status === 503);
    const readyAgainAt = probes.find((probe) => probe.at > startedAt && probe.status === 200)?.at;
    report('outage', {
      stopMs: Math.round(stopDoneAt - stoppedAt),
      outageMs: Math.round(startingAt - stopDoneAt),
      startMs: Math.round(startedAt - startingAt),
      duringOutage: summarize(during),
      readinessProbes: {
        total: probes.length,
        notReady: notReady.length,
        maxMs: Math.round(Math.max(...probes.map((p) => p.ms))),
      },
      readyAgainMsAfterStart: readyAgainAt === undefined ? null : Math.round(readyAgainAt - startedAt),
      firstSuccessMsAfterStart: recoveredAt === undefined ? null : Math.round(recoveredAt - startedAt),
      afterRecovery: summarize(after),
      all: summarize(outcomes),
    });

    expect(panorama.running()).toBe(true);
    // /readyz: not ready while down, ready again after, and never slower than its own timeout.
    expect(notReady.length).toBeGreaterThan(10);
    expect(readyAgainAt).toBeDefined();
    expect(Math.max(...probes.map((probe) => probe.ms))).toBeLessThan(READINESS_TIMEOUT_MS + 500);
    // While down: every request refused, clearly, and none waited longer than the connect timeout.
    expect(during.length).toBeGreaterThan(20);
    const refusals = during.filter((outcome: Outcome) => outcome.code === 'SERVICE_UNAVAILABLE');
    expect(refusals.length, JSON.stringify(during.find((outcome) => outcome.code !== 'SERVICE_UNAVAILABLE'))).toBe(
      during.length,
    );
    expect(refusals.every((outcome) => outcome.status === 503)).toBe(true);
    expect(Math.max(...during.map((outcome) => outcome.ms))).toBeLessThan(CONNECT_TIMEOUT_MS + 500);
    // Nothing hung or crashed at any time.
    expect(outcomes.filter((outcome) => !['OK', 'SERVICE_UNAVAILABLE'].includes(outcome.code))).toEqual([]);
    // Back: served again within seconds, every request after the first success succeeds.
    expect(recoveredAt).toBeDefined();
    expect((recoveredAt ?? Number.POSITIVE_INFINITY) - startedAt).toBeLessThan(5_000);
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((outcome) => outcome.code === 'OK')).toBe(true);
  });
});
