/**
 * The report of `pnpm bench`: its tables, its targets met or not, and the text around them, as
 * printed and written to docs/benchmarks.md.
 */
import { FLOOR_QUERY, LOAD_QUERY, type QueryName } from './bench-queries';
import type { Latency, LoadResult } from './measure';

export interface LatencyLine {
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
export interface RequestCpu {
  api: number;
  postgres: number | null;
}

export interface LoadLine {
  dataset: string;
  contributions: number;
  query: string;
  cache: 'on' | 'off';
  result: LoadResult;
  /** CPU time per request answered during the counted run. */
  cpu: RequestCpu;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** PostgreSQL's CPU time per request: 'in API' for PGlite, '—' for a server not on this machine. */
const postgresCell = (dataset: string, cpu: RequestCpu) =>
  cpu.postgres !== null ? ms(cpu.postgres) : dataset.startsWith('PGlite') ? 'in API' : '—';

function latencyTable(latencies: readonly LatencyLine[]): string[] {
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

function loadTable(loads: readonly LoadLine[]): string[] {
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

/** The targets, each marked met (✓) or not (✗) with its figure. */
export function benchTargets(latencies: readonly LatencyLine[], loads: readonly LoadLine[]): string[] {
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

/** How the benchmark ran, as its options set it. */
export interface BenchSettings {
  runs: number;
  warmup: number;
  sqlRuns: number;
  duration: number;
  loadWarmup: number;
  connections: number;
}

export interface BenchResults {
  /** The command as typed. */
  command: string;
  /** The machine, a line each. */
  about: Record<string, string>;
  settings: BenchSettings;
  latencies: readonly LatencyLine[];
  loads: readonly LoadLine[];
  seeding: readonly { dataset: string; seconds: number }[];
}

/** docs/benchmarks.md. */
export function benchReport({ command, about, settings, latencies, loads, seeding }: BenchResults): string {
  return [
    '# Benchmarks',
    '',
    'How fast the API answers as the data grows. Each dataset is the demo data at a size (the',
    'same generator as `pnpm db:seed`, `--contributions N`). Latency is over HTTP, one request at a',
    `time, as an analyst’s token, once the API process has answered every query ${settings.warmup} times (a`,
    'server runs for days: its code is compiled by the time anyone asks): **cold** with the response',
    'cache off (every request computes its answer), **warm** with it on (the answer of an unchanged',
    'data version), next to **raw SQL**',
    'over the fact table `contributions` answering the same question (one statement on one',
    'connection, no API, no rollups; its figures are the API’s, as `bench-queries.test.ts` checks on',
    'the demo data). **Cold CPU** is the CPU time, user and system, that one cold request cost the API',
    'process and the PostgreSQL server’s processes (all of them, as read in /proc; PGlite runs in',
    'the API process): where the work behind a cold answer is done, and what one costs the cores.',
    'The load test sends the `overview` query from many connections at once to the API',
    'running as in production, in a process of its own whose resident memory is sampled, with the',
    'CPU time per request answered, read the same way;',
    `each run follows ${settings.loadWarmup} s of the same load that is not counted (its memory is).`,
    '',
    `Command: \`${command}\` (options: see \`apps/api/bench/run.ts\`).`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    ...Object.entries(about).map(([key, value]) => `| ${key} | ${value} |`),
    '',
    `## Latency (ms; ${settings.runs} requests per query, raw SQL ${settings.sqlRuns} runs)`,
    '',
    ...latencyTable(latencies),
    '',
    `## Throughput (${settings.connections} connections, ${settings.duration} s after ${settings.loadWarmup} s not counted)`,
    '',
    ...loadTable(loads),
    '',
    `\`${FLOOR_QUERY}\` asks for no data: sent again from the cache like any other answer, its line is`,
    'what a request costs with an answer of a few bytes (authentication, the data version, HTTP).',
    '',
    '## Targets',
    '',
    ...benchTargets(latencies, loads),
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
}
