/**
 * `pnpm bench`: how fast the API answers, at several sizes of data.
 *
 * For each dataset (demo data at each `--sizes` on PostgreSQL, and the demo on the embedded
 * PGlite): median and p95 latency over HTTP of `overview`, `panorama` and three `metrics`
 * queries, cold (response cache off) and warm (cache on), next to raw SQL over the fact table
 * answering the same question; then a load test of `overview` (autocannon, `--connections`
 * clients for `--duration` seconds) with the cache on and off, with the API process's memory.
 * The API runs as production runs it, in a process of its own. Prints the tables and writes
 * docs/benchmarks.md.
 *
 * Options: --sizes 50000,1000000,10000000   contributions per PostgreSQL dataset
 *          --runs 30 --sql-runs 10          requests per query; raw SQL runs per query
 *          --warmup 100                     rounds of every query each API process answers first
 *          --duration 30 --connections 50   the load test
 *          --load-warmup 5                  seconds of the same load first, not counted (its memory is)
 *          --load-sizes …                   sizes that get the load test (default: all)
 *          --no-pglite  --fresh (reload kept datasets)  --prepare (load the datasets, measure nothing)
 *          --pool N (DATABASE_POOL_MAX)
 *          --redis URL  (the warm runs use a Redis cache)  --no-write (leave docs/benchmarks.md)
 * PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 * BENCH_NODE_OPTIONS are given to the API processes' node (such as `--cpu-prof`).
 * Datasets are kept as databases `panorama_bench_<size>` and reused by later runs.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { openDatabase } from '@panorama/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { DEFAULT_POOL_MAX } from '../src/env';
import { startApi } from './api-process';
import { FLOOR_QUERY, LOAD_QUERY, QUERIES, type QueryName, RAW_SQL } from './bench-queries';
import { isLocalServer, postgresCpuMs } from './cpu';
import { type Dataset, pgliteDataset, postgresDataset } from './datasets';
import { askGraphql, type Latency, loadTest, timeRuns } from './measure';
import { javascriptReferenceMs, postgresReferenceMs } from './reference-work';
import { benchReport, type LatencyLine, type LoadLine, type RequestCpu } from './report';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const sizesOption = (name: string, fallback: string) =>
  option(name, fallback)
    .split(',')
    .filter(Boolean)
    .map((size) => Number(size.replaceAll('_', '')));

const SIZES = sizesOption('sizes', '50000,1000000,10000000');
const LOAD_SIZES = new Set(sizesOption('load-sizes', SIZES.join(',')));
const RUNS = Number(option('runs', '30'));
const WARMUP = Number(option('warmup', '100'));
const SQL_RUNS = Number(option('sql-runs', '10'));
const DURATION = Number(option('duration', '30'));
const LOAD_WARMUP = Number(option('load-warmup', '5'));
const CONNECTIONS = Number(option('connections', '50'));
const POOL = option('pool', '');
const REDIS_URL = option('redis', '');
const WITH_PGLITE = !args.includes('--no-pglite');
const FRESH = args.includes('--fresh');
const PREPARE_ONLY = args.includes('--prepare');
const WRITE = !args.includes('--no-write') && !PREPARE_ONLY;
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REPORT = new URL('../../../docs/benchmarks.md', import.meta.url);

const log = (line: string) => console.log(line);

const latencies: LatencyLine[] = [];
const loads: LoadLine[] = [];
const seeding: { dataset: string; seconds: number }[] = [];

/** Raw SQL over the fact table, one statement at a time on one connection. */
async function rawSql(dataset: Dataset): Promise<Record<QueryName, Latency>> {
  const times = {} as Record<QueryName, Latency>;
  if (dataset.engine === 'postgres') {
    const client = new pg.Client({ connectionString: dataset.url });
    await client.connect();
    try {
      for (const name of Object.keys(QUERIES) as QueryName[]) {
        times[name] = await timeRuns(SQL_RUNS, () => client.query(RAW_SQL[name]));
      }
    } finally {
      await client.end();
    }
  } else {
    // The embedded database runs in the process that opens it: raw SQL in this one.
    const database = await openDatabase({ dataDir: dataset.dataDir });
    try {
      for (const name of Object.keys(QUERIES) as QueryName[]) {
        times[name] = await timeRuns(SQL_RUNS, () => database.db.execute(sql.raw(RAW_SQL[name])));
      }
    } finally {
      await database.close();
    }
  }
  return times;
}

function apiEnvironment(dataset: Dataset, cache: 'on' | 'off'): Record<string, string | undefined> {
  return {
    ...(dataset.engine === 'postgres' ? { DATABASE_URL: dataset.url } : { PANORAMA_DATA_DIR: dataset.dataDir }),
    RESPONSE_CACHE: cache,
    ...(POOL ? { DATABASE_POOL_MAX: POOL } : {}),
    ...(cache === 'on' && REDIS_URL ? { REDIS_URL, REDIS_KEY_PREFIX: `panorama-bench:${Date.now()}:` } : {}),
  };
}

/** Latency and CPU time of every query through one API process, and the load test when asked. */
async function throughApi(
  dataset: Dataset,
  cache: 'on' | 'off',
): Promise<{ times: Record<QueryName, Latency>; cpu: Record<QueryName, RequestCpu> }> {
  const api = await startApi(apiEnvironment(dataset, cache));
  const times = {} as Record<QueryName, Latency>;
  const cpu = {} as Record<QueryName, RequestCpu>;
  const postgresCpu = dataset.url && isLocalServer(dataset.url) ? postgresCpuMs : null;
  try {
    // A server runs for days: its hot paths are compiled by the time anyone asks. Measured from a
    // cold start instead, the first requests run unoptimized code (several milliseconds more), and
    // V8 goes on compiling for a few hundred requests: at 1,000,000 contributions a cold
    // `panorama` cost the API 17 ms of CPU on average over the first 40 rounds of the five
    // queries, 8 ms over the next 40, and no less by round 480.
    for (let round = 0; round < WARMUP; round++) {
      for (const query of Object.values(QUERIES)) await askGraphql(api.url, dataset.token, query);
    }
    for (const [name, query] of Object.entries(QUERIES) as [QueryName, string][]) {
      const apiBefore = api.cpuMs();
      const postgresBefore = postgresCpu?.() ?? 0;
      times[name] = await timeRuns(RUNS, async () => {
        const outcome = await askGraphql(api.url, dataset.token, query);
        const expected = cache === 'on' ? 'hit' : 'off';
        // The warm-up run of a warm series is its one miss.
        if (outcome !== expected && outcome !== 'miss') throw new Error(`${name}: cache ${outcome}, not ${expected}`);
      });
      // timeRuns asks RUNS + 1 times: once to warm up, then RUNS timed.
      cpu[name] = {
        api: (api.cpuMs() - apiBefore) / (RUNS + 1),
        postgres: postgresCpu ? (postgresCpu() - postgresBefore) / (RUNS + 1) : null,
      };
      log(
        `  ${name}, cache ${cache}: median ${times[name].median.toFixed(1)} ms, p95 ${times[name].p95.toFixed(1)} ms`,
      );
    }
    if (LOAD_SIZES.has(dataset.contributions) || dataset.engine === 'pglite') {
      const queries = [
        [LOAD_QUERY, QUERIES[LOAD_QUERY]],
        ...(cache === 'on' ? [[`\`${FLOOR_QUERY}\``, FLOOR_QUERY]] : []),
      ] as const;
      for (const [name, query] of queries) {
        await askGraphql(api.url, dataset.token, query);
        // A server under load for the first time is still compiling its code and sizing its heap.
        const warmup =
          LOAD_WARMUP > 0
            ? await loadTest(api, dataset.token, query, { connections: CONNECTIONS, seconds: LOAD_WARMUP })
            : null;
        const apiBefore = api.cpuMs();
        const postgresBefore = postgresCpu?.() ?? 0;
        const measured = await loadTest(api, dataset.token, query, { connections: CONNECTIONS, seconds: DURATION });
        const result = { ...measured, maxRssMb: Math.max(measured.maxRssMb, warmup?.maxRssMb ?? 0) };
        const answered = Math.max(1, measured.requests);
        const cpu = {
          api: (api.cpuMs() - apiBefore) / answered,
          postgres: postgresCpu ? (postgresCpu() - postgresBefore) / answered : null,
        };
        loads.push({ dataset: dataset.label, contributions: dataset.contributions, query: name, cache, result, cpu });
        log(
          `  load ${name}, cache ${cache}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
            `${result.non2xx} non-2xx, ${result.errors} errors, RSS ≤ ${result.maxRssMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    await api.stop();
  }
  return { times, cpu };
}

async function measure(dataset: Dataset): Promise<void> {
  if (dataset.seededSeconds !== null) seeding.push({ dataset: dataset.label, seconds: dataset.seededSeconds });
  log(`${dataset.label}: raw SQL…`);
  const raw = await rawSql(dataset);
  const { times: cold, cpu: coldCpu } = await throughApi(dataset, 'off');
  const { times: warm } = await throughApi(dataset, 'on');
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    latencies.push({
      dataset: dataset.label,
      contributions: dataset.contributions,
      query: name,
      cold: cold[name],
      coldCpu: coldCpu[name],
      warm: warm[name],
      sql: raw[name],
    });
  }
}

/** The fixed work of `reference-work.ts`, timed now: the slower the machine (or the busier), the longer. */
async function referenceWork(): Promise<string> {
  const javascript = javascriptReferenceMs();
  const postgres = await postgresReferenceMs(ADMIN_URL);
  return `JavaScript ${javascript.toFixed(0)} ms, PostgreSQL ${postgres.toFixed(0)} ms (\`bench/reference-work.ts\`)`;
}

async function machine(): Promise<Record<string, string>> {
  const postgres = await (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      const version = (await client.query('SHOW server_version')).rows[0]?.server_version as string;
      const buffers = (await client.query('SHOW shared_buffers')).rows[0]?.shared_buffers as string;
      return `${version} (shared_buffers ${buffers})`;
    } finally {
      await client.end();
    }
  })();
  return {
    CPU: cpus()[0]?.model ?? 'unknown',
    cores: String(availableParallelism()),
    RAM: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    Node: process.version,
    PostgreSQL: postgres,
    'connection pool': `${POOL || DEFAULT_POOL_MAX} (DATABASE_POOL_MAX)`,
    'warm cache': REDIS_URL ? 'Redis' : 'in-process LRU',
    'reference work (the same on every machine: compare runs by it)': await referenceWork(),
    'load average at the start': loadavg()
      .map((load) => load.toFixed(2))
      .join(', '),
    date: new Date().toISOString().slice(0, 10),
  };
}

async function main() {
  const command = `pnpm bench${args.length ? ` ${args.join(' ')}` : ''}`;
  log(`${command}: ${RUNS} requests per query, load ${CONNECTIONS} connections × ${DURATION} s`);
  const about = await machine();
  let pglite: Dataset | undefined;
  try {
    if (WITH_PGLITE && !PREPARE_ONLY) {
      pglite = await pgliteDataset(log);
      await measure(pglite);
    }
    for (const size of SIZES) {
      const dataset = await postgresDataset(ADMIN_URL, size, { fresh: FRESH, log });
      if (!PREPARE_ONLY) await measure(dataset);
    }
  } finally {
    if (pglite?.dataDir) rmSync(pglite.dataDir, { recursive: true, force: true });
  }

  if (PREPARE_ONLY) return;
  const report = benchReport({
    command,
    about,
    settings: {
      runs: RUNS,
      warmup: WARMUP,
      sqlRuns: SQL_RUNS,
      duration: DURATION,
      loadWarmup: LOAD_WARMUP,
      connections: CONNECTIONS,
    },
    latencies,
    loads,
    seeding,
  });
  log(`\n${report}`);
  if (WRITE) {
    writeFileSync(REPORT, report);
    log(`written to docs/benchmarks.md`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
