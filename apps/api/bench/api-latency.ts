/**
 * `pnpm bench`: median and p95 latency of `overview`, `panorama` and a three-dimension `metrics`
 * query over HTTP, next to raw SQL over the fact table answering the same question, on the demo
 * data (embedded PGlite and PostgreSQL) and on 1,000,000 contributions in PostgreSQL.
 *
 * Options: --runs N (default 25), --sizes 50000,1000000, --no-pglite. PostgreSQL comes from
 * BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a fresh database is created and dropped for each size.
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type DatabaseHandle, migrate, openDatabase } from '@panorama/db';
import { seedDemoData } from '@panorama/demo';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { issueApiToken } from '../src/auth/api-tokens';
import { createUser } from '../src/auth/users';
import { createPanoramaServer } from '../src/server';
import { QUERIES, RAW_SQL } from './bench-queries';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const RUNS = Number(option('runs', '25'));
const SIZES = option('sizes', '50000,1000000').split(',').map(Number);
const WITH_PGLITE = !args.includes('--no-pglite');
const SERVER_URL =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

async function time(runs: number, task: () => Promise<void>) {
  await task(); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

interface Line {
  dataset: string;
  query: string;
  httpMedian: number;
  httpP95: number;
  sqlMedian: number;
  sqlP95: number;
}

async function measure(dataset: string, database: DatabaseHandle): Promise<Line[]> {
  // The queries are an analyst's, with an API token, as a script would send them.
  const userId = await createUser(database.db, {
    email: `bench-${randomBytes(3).toString('hex')}@panorama.bench`,
    name: 'Benchmark',
    role: 'ANALYST',
    password: randomBytes(16).toString('hex'),
  });
  const { token } = await issueApiToken(database.db, { userId, name: 'benchmark' });
  await database.useAppRole();
  const server = await createPanoramaServer({ database, production: true, webDist: '/nonexistent', log: () => {} });
  const port = await server.listen(0, '127.0.0.1');
  const lines: Line[] = [];
  try {
    for (const [name, query] of Object.entries(QUERIES)) {
      const http = await time(RUNS, async () => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: { message: string }[] };
        if (body.errors) throw new Error(`${name}: ${body.errors[0]?.message}`);
      });
      const raw = await time(RUNS, async () => {
        await database.db.execute(sql.raw(RAW_SQL[name as keyof typeof RAW_SQL]));
      });
      lines.push({
        dataset,
        query: name,
        httpMedian: http.median,
        httpP95: http.p95,
        sqlMedian: raw.median,
        sqlP95: raw.p95,
      });
      console.log(
        `  ${name}: HTTP median ${http.median.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms; raw SQL median ${raw.median.toFixed(1)} ms`,
      );
    }
  } finally {
    await server.stop();
  }
  return lines;
}

async function onPostgres(size: number): Promise<Line[]> {
  const name = `panorama_bench_${size}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolMax: 10 });
  try {
    await migrate(database);
    const summary = await seedDemoData(database, { contributions: size });
    console.log(
      `PostgreSQL, ${size.toLocaleString('en-US')} contributions (seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s)`,
    );
    return await measure(`PostgreSQL ${size.toLocaleString('en-US')}`, database);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite(): Promise<Line[]> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    await seedDemoData(database);
    console.log('Embedded PGlite, 50,000 contributions (demo)');
    return await measure('PGlite 50,000 (demo)', database);
  } finally {
    await database.close();
  }
}

const lines: Line[] = [];
console.log(
  `Panorama API latency: ${RUNS} runs per query, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
if (WITH_PGLITE) lines.push(...(await onPglite()));
for (const size of SIZES) lines.push(...(await onPostgres(size)));

const ms = (value: number) => value.toFixed(1).padStart(8);
console.log('\n| dataset | query | HTTP median ms | HTTP p95 ms | raw SQL median ms | raw SQL p95 ms |');
console.log('|---|---|---:|---:|---:|---:|');
for (const line of lines) {
  console.log(
    `| ${line.dataset} | ${line.query} | ${ms(line.httpMedian)} | ${ms(line.httpP95)} | ${ms(line.sqlMedian)} | ${ms(line.sqlP95)} |`,
  );
}
