import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '@panorama/db';
import { testServerUrl } from '@panorama/db/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../auth/api-tokens';
import { createUser } from '../auth/users';
import { insertContributions, insertPartner, insertTarget } from '../schema/test-seed';
import { CACHE_HEADER } from './response-cache';

/**
 * Two API processes on one PostgreSQL database, as behind a load balancer: a write through one
 * is seen through the other by the very next request, with the in-process cache of each and
 * with one cache shared in Redis. PGlite cannot be opened by two processes, so this always runs
 * on PostgreSQL: the server of TEST_DATABASE_URL, else the local one, on a database of its own.
 */

const POSTGRES = testServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const API_FOLDER = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

const name = `panorama_test_cache_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
})();

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: string[];
}

/** Starts `tsx src/main.ts` as production would, on a free port; resolves once it says it is ready. */
function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: API_FOLDER,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      PANORAMA_DEMO_DATA: 'never',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start in time:\n${output.join('\n')}`));
    }, 90_000);
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        try {
          const { port } = JSON.parse(line) as { port?: number };
          if (typeof port === 'number') {
            clearTimeout(timer);
            resolve({ url: `http://127.0.0.1:${port}`, child, output });
          }
        } catch {
          // Not a log line.
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

async function stopApi(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}

let adminToken = '';
let leadershipToken = '';

beforeAll(async () => {
  await onServer(`CREATE DATABASE "${name}"`);
  const database = await openDatabase({ url: databaseUrl, poolMax: 2 });
  try {
    await migrate(database);
    const partner = await insertPartner(database.db, { regionCode: 'RBN', countryIso3: 'KEN' });
    await insertContributions(database.db, partner.id, [{ amountUsd: '1000.00', date: '2025-03-15' }]);
    await insertTarget(database.db, { metricCode: 'REVENUE_USD', year: 2025 }, ['10000']);
    for (const role of ['ADMIN', 'LEADERSHIP'] as const) {
      const userId = await createUser(database.db, {
        email: `${role.toLowerCase()}@two.panorama`,
        name: role,
        role,
        password: randomBytes(12).toString('hex'),
      });
      const { token } = await issueApiToken(database.db, { userId, name: 'tests' });
      if (role === 'ADMIN') adminToken = token;
      else leadershipToken = token;
    }
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

const OVERVIEW = '{ overview(year: 2025) { asOf kpis { metric value target } } }';

async function graphql(api: ApiProcess, query: string, token: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  // On failure, what the process logged last says why.
  expect(body.errors, `${JSON.stringify(body.errors)}\n${api.output.slice(-5).join('\n')}`).toBeUndefined();
  return { cache: response.headers.get(CACHE_HEADER), data: body.data ?? {} };
}

/** The overview's revenue and revenue target, as the leadership reads them, and what the cache did. */
async function revenue(api: ApiProcess) {
  const { cache, data } = await graphql(api, OVERVIEW, leadershipToken);
  const kpis = (data.overview as { kpis: { metric: string; value: number; target: number }[] }).kpis;
  const figure = kpis.find((kpi) => kpi.metric === 'REVENUE_USD');
  if (!figure) throw new Error('no REVENUE_USD key figure');
  return { cache, value: figure.value, target: figure.target };
}

let targetVersion = 1;

async function setTarget(api: ApiProcess, value: number) {
  const { data } = await graphql(
    api,
    `mutation { setTarget(input: { metricCode: "REVENUE_USD", scopeType: GLOBAL, year: 2025, value: "${value}",
      expectedVersion: ${targetVersion} }) { __typename ... on MutationSetTargetSuccess { data { version } } } }`,
    adminToken,
  );
  const result = data.setTarget as { __typename: string; data?: { version: number } };
  expect(result.__typename).toBe('MutationSetTargetSuccess');
  targetVersion = result.data?.version ?? targetVersion;
}

let importCount = 0;

async function importContribution(api: ApiProcess, amount: string) {
  importCount++;
  const csv = [
    'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref',
    `TWO-${importCount},2025-02-10,${amount},CORPORATE,CASH,P-TWO,Two Processes Ltd,CORPORATION,RBN,KEN,INC_GROWTH,`,
  ].join('\n');
  const response = await fetch(`${api.url}/api/import/contributions?name=two.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminToken}` },
    body: csv,
  });
  const body = (await response.json()) as { status?: string; error?: string };
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.status).toBe('DONE');
}

describe.each([
  { cache: 'in-process', redis: false },
  { cache: 'shared in Redis', redis: true },
])('two API processes, cache $cache', ({ redis }) => {
  const prefix = `panorama-test:${randomBytes(6).toString('hex')}:`;
  let first: ApiProcess | undefined;
  let second: ApiProcess | undefined;

  beforeAll(async () => {
    const env: Record<string, string> = redis ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {};
    [first, second] = await Promise.all([startApi(env), startApi(env)]);
  });
  afterAll(async () => {
    await Promise.all([stopApi(first), stopApi(second)]);
    if (redis) {
      const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      const keys = await client.keys(`${prefix}*`);
      if (keys.length) await client.del(...keys);
      client.disconnect();
    }
  });

  it('answers from the cache while nothing changes', async () => {
    if (!first || !second) throw new Error('not started');
    const before = await revenue(second);
    expect(['miss', 'hit']).toContain(before.cache);
    expect((await revenue(second)).cache).toBe('hit');
    // Redis: the other process finds the answer the second one stored.
    expect((await revenue(first)).cache).toBe(redis ? 'hit' : 'miss');
    expect((await revenue(first)).cache).toBe('hit');
    if (redis) {
      const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        expect((await client.keys(`${prefix}response:*`)).length).toBeGreaterThan(0);
      } finally {
        client.disconnect();
      }
    }
  });

  it('shows a write through one process in the next answer of the other', async () => {
    if (!first || !second) throw new Error('not started');
    for (let round = 1; round <= 3; round++) {
      // Both processes hold the current answer.
      await revenue(first);
      const cached = await revenue(second);
      expect(cached.cache).toBe('hit');

      const target = 20_000 + round * 1_000 + (redis ? 500 : 0);
      await setTarget(first, target);
      const afterWrite = await revenue(second);
      expect(afterWrite.cache).toBe('miss');
      expect(afterWrite.target).toBe(target);

      await importContribution(first, '123.45');
      const afterImport = await revenue(second);
      expect(afterImport.cache).toBe('miss');
      expect(afterImport.value).toBeCloseTo(afterWrite.value + 123.45, 2);
      expect((await revenue(first)).value).toBeCloseTo(afterImport.value, 2);
    }
  });
});
