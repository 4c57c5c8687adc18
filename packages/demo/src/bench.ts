import { randomBytes } from 'node:crypto';
import { migrate, openDatabase } from '@panorama/db';
import pg from 'pg';
import { describeServer, formatAmount, formatCount, formatDuration, oneLine, parseSeedArguments } from './command-line';
import { seedDemoData } from './seed';

/**
 * `pnpm bench:seed [--contributions N] [--seed S]`: seeds a fresh PostgreSQL database (created
 * on the server of DATABASE_URL, dropped afterwards) and reports the load speed and peak memory.
 */
const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_BENCH_CONTRIBUTIONS = 1_000_000;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const options = parseSeedArguments(process.argv.slice(2));
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const contributions = options.contributions ?? DEFAULT_BENCH_CONTRIBUTIONS;
  const name = `panorama_bench_seed_${randomBytes(4).toString('hex')}`;
  console.log(`Creating ${name} on ${describeServer(adminUrl)}`);
  await onServer(adminUrl, `CREATE DATABASE "${name}"`);
  try {
    const handle = await openDatabase({ url: withDatabase(adminUrl, name), poolMax: 2 });
    if (handle.kind !== 'postgres') throw new Error('The bench needs PostgreSQL');
    try {
      await migrate(handle);
      console.log(`Seeding ${formatCount(contributions)} contributions`);
      const summary = await seedDemoData(handle, {
        contributions,
        seed: options.seed,
        log: (line) => console.log(`  ${line}`),
      });
      const check = await handle.pool.query<{ rows: number; total: string }>(
        'SELECT count(*)::int AS rows, coalesce(sum(amount_usd), 0)::text AS total FROM contributions',
      );
      const loaded = check.rows[0];
      if (loaded?.rows !== contributions || loaded.total !== summary.totalRevenueUsd) {
        throw new Error(
          `The database holds ${loaded?.rows} contributions worth ${loaded?.total}; expected ${contributions} worth ${summary.totalRevenueUsd}`,
        );
      }
      const allRows = Object.values(summary.counts).reduce((sum, count) => sum + count, 0);
      const seconds = summary.elapsedMs / 1_000;
      const peakMegabytes = process.resourceUsage().maxRSS / 1024;
      console.log(
        [
          `contributions: ${formatCount(contributions)} in ${seconds.toFixed(1)} s (${formatDuration(summary.elapsedMs)})`,
          `rate:          ${formatCount(Math.round(contributions / seconds))} contributions/s (${formatCount(Math.round(allRows / seconds))} rows/s over ${formatCount(allRows)} rows)`,
          `revenue:       USD ${formatAmount(summary.totalRevenueUsd)} (checked against the database)`,
          `peak RSS:      ${peakMegabytes.toFixed(0)} MB`,
        ].join('\n'),
      );
    } finally {
      await handle.close();
    }
  } finally {
    await onServer(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    console.log(`Dropped ${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:seed: ${oneLine(error)}`);
  process.exitCode = 1;
});
