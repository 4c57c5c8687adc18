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
 *          --warmup 20                      rounds of every query each API process answers first
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
import { LOAD_QUERY, QUERIES, type QueryName, RAW_SQL } from './bench-queries';
import { isLocalServer, postgresCpuMs } from './cpu';
import { type Dataset, pgliteDataset, postgresDataset } from './datasets';
import { askGraphql, type Latency, type LoadResult, loadTest, timeRuns } from './measure';

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
const WARMUP = Number(option('warmup', '20'));
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

interface LatencyLine {
  dataset: string;
  contributions: number;
  query: QueryName;
  cold: Latency;
  /** CPU time per cold request. */
  coldCpu: RequestCpu;
  warm: Latency;
  sql: Latency;
}

/** CPU time per request, in ms: of the API process, and of the PostgreSQL server's processes (null when not on this machine or embedded in the API). */
interface RequestCpu {
  api: number;
  postgres: number | null;
}

interface LoadLine {
  dataset: string;
  contributions: number;
  query: string;
  cache: 'on' | 'off';
  result: LoadResult;
  /** CPU time per request answered during the counted run. */
  cpu: RequestCpu;
}

/**
 * What a request costs with an answer of a few bytes: sent again from the cache like any other,
 * it costs authentication, the data version and HTTP, nothing of the data or of GraphQL.
 */
const FLOOR_QUERY = '{ __typename }';

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
    // cold start instead, the first requests run unoptimized code (several milliseconds more).
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
    'load average at the start': loadavg()
      .map((load) => load.toFixed(2))
      .join(', '),
    date: new Date().toISOString().slice(0, 10),
  };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** PostgreSQL's CPU time per request: 'in API' for PGlite, '—' for a server not on this machine. */
const postgresCell = (dataset: string, cpu: RequestCpu) =>
  cpu.postgres !== null ? ms(cpu.postgres) : dataset.startsWith('PGlite') ? 'in API' : '—';

function latencyTable(): string[] {
  return [
    '| dataset | query | cold median | cold p95 | cold CPU: API | cold CPU: PostgreSQL | warm median | warm p95 | raw SQL median | raw SQL p95 | raw SQL ÷ cold |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...latencies.map(
      (line) =>
        `| ${line.dataset} | ${line.query} | ${ms(line.cold.median)} | ${ms(line.cold.p95)} | ${ms(line.coldCpu.api)} | ` +
        `${postgresCell(line.dataset, line.coldCpu)} | ${ms(line.warm.median)} | ` +
        `${ms(line.warm.p95)} | ${ms(line.sql.median)} | ${ms(line.sql.p95)} | ${(line.sql.median / line.cold.median).toFixed(1)}× |`,
    ),
  ];
}

function loadTable(): string[] {
  return [
    '| dataset | query | cache | requests/s | p50 ms | p99 ms | requests | non-2xx | errors | API RSS (max) | CPU ms/request: API | CPU ms/request: PostgreSQL |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...loads.map(
      ({ dataset, query, cache, result, cpu }) =>
        `| ${dataset} | ${query} | ${cache} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ` +
        `${result.requests} | ${result.non2xx} | ${result.errors} | ${result.maxRssMb.toFixed(0)} MB | ${ms(cpu.api)} | ` +
        `${postgresCell(dataset, cpu)} |`,
    ),
  ];
}

function targets(): string[] {
  const lines: string[] = [];
  const at = (size: number, query: QueryName) =>
    latencies.find((line) => line.contributions === size && line.query === query && line.dataset.startsWith('Post'));
  for (const query of ['overview', 'panorama'] as const) {
    const million = at(1_000_000, query);
    if (million)
      lines.push(
        `- ${mark(million.cold.median <= 15 && million.cold.p95 <= 40)} \`${query}\` at 1,000,000, cache off: median ${ms(million.cold.median)} ms (≤ 15), p95 ${ms(million.cold.p95)} ms (≤ 40)`,
      );
    const tenMillion = at(10_000_000, query);
    if (million && tenMillion)
      lines.push(
        `- ${mark(tenMillion.cold.median <= 2 * million.cold.median && tenMillion.cold.p95 <= 2 * million.cold.p95)} \`${query}\` at 10,000,000: median ${ms(tenMillion.cold.median)} ms, p95 ${ms(tenMillion.cold.p95)} ms (≤ 2× the 1,000,000 figures)`,
      );
  }
  const slowest = latencies
    .filter((line) => line.contributions === 1_000_000 && line.dataset.startsWith('Post'))
    .map((line) => ({ query: line.query, ratio: line.sql.median / line.cold.median }))
    .sort((a, b) => a.ratio - b.ratio)[0];
  if (slowest)
    lines.push(
      `- ${mark(slowest.ratio >= 10)} every query ≥ 10× faster than raw SQL at 1,000,000 (cache off): the least is \`${slowest.query}\`, ${slowest.ratio.toFixed(1)}×`,
    );
  for (const { dataset, query, cache, result } of loads) {
    if (query !== LOAD_QUERY) continue;
    const fast =
      cache === 'on' ? result.requestsPerSecond >= 1500 && result.p99 <= 100 : result.requestsPerSecond >= 300;
    const goal = cache === 'on' ? '≥ 1,500 req/s, p99 ≤ 100 ms' : '≥ 300 req/s';
    // Speed and memory are two targets: each gets its own mark.
    lines.push(
      `- ${mark(fast && result.non2xx === 0 && result.errors === 0)} ${dataset}, cache ${cache}: ` +
        `${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99} ms (${goal}), ${result.non2xx} non-2xx and ${result.errors} errors (0)`,
      `- ${mark(result.maxRssMb < 300)} ${dataset}, cache ${cache}: API RSS under load ${result.maxRssMb.toFixed(0)} MB (< 300)`,
    );
  }
  return lines;
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
  const report = [
    '# Benchmarks',
    '',
    'How fast the API answers as the data grows. Each dataset is the demo data at a size (the',
    'same generator as `pnpm db:seed`, `--contributions N`). Latency is over HTTP, one request at a',
    `time, as an analyst’s token, once the API process has answered every query ${WARMUP} times (a`,
    'server runs for days: its code is compiled by the time anyone asks): **cold** with the response',
    'cache off (every request computes its answer), **warm** with it on (the answer of an unchanged',
    'data version), next to **raw SQL**',
    'over the fact table `contributions` answering the same question (one connection, no API, no',
    'rollups). **Cold CPU** is the CPU time, user and system, that one cold request cost the API',
    'process and the PostgreSQL server’s processes (all of them, as read in /proc; PGlite runs in',
    'the API process): where the work behind a cold answer is done, and what one costs the cores.',
    'The load test sends the `overview` query from many connections at once to the API',
    'running as in production, in a process of its own whose resident memory is sampled, with the',
    'CPU time per request answered, read the same way;',
    `each run follows ${LOAD_WARMUP} s of the same load that is not counted (its memory is).`,
    '',
    `Command: \`${command}\` (options: see \`apps/api/bench/run.ts\`).`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    ...Object.entries(about).map(([key, value]) => `| ${key} | ${value} |`),
    '',
    `## Latency (ms; ${RUNS} requests per query, raw SQL ${SQL_RUNS} runs)`,
    '',
    ...latencyTable(),
    '',
    `## Throughput (${CONNECTIONS} connections, ${DURATION} s after ${LOAD_WARMUP} s not counted)`,
    '',
    ...loadTable(),
    '',
    `\`${FLOOR_QUERY}\` asks for no data: sent again from the cache like any other answer, its line is`,
    'what a request costs with an answer of a few bytes (authentication, the data version, HTTP).',
    '',
    '## Targets',
    '',
    ...targets(),
    '',
    ...(seeding.length
      ? [
          '## Loading the data',
          '',
          ...seeding.map(({ dataset, seconds }) => `- ${dataset}: ${seconds.toFixed(1)} s`),
          '',
        ]
      : []),
    'The queries, and the raw SQL beside each, are in `apps/api/bench/bench-queries.ts`.',
    '',
  ].join('\n');
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
