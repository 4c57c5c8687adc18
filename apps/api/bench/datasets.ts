import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Database, migrate, openDatabase, REPOSITORY_ROOT } from '@panorama/db';
import { seedDemoData } from '@panorama/demo';
import pg from 'pg';
import { issueApiToken } from '../src/auth/api-tokens';
import { createUser } from '../src/auth/users';

/** A database with demo data, and an API token of an analyst on it. */
export interface Dataset {
  label: string;
  contributions: number;
  engine: 'postgres' | 'pglite';
  /** PostgreSQL: its connection string. */
  url?: string;
  /** PGlite: its data folder. */
  dataDir?: string;
  token: string;
  /** Seconds the demo data took to load; null when an earlier run's data was reused. */
  seededSeconds: number | null;
}

const BENCH_EMAIL = 'bench@panorama.bench';

/** An analyst's token: the benchmark asks what an analyst's script would. */
async function benchToken(db: Database): Promise<string> {
  const existing = await db.query.users.findFirst({ where: { email: BENCH_EMAIL } });
  const userId =
    existing?.id ??
    (await createUser(db, {
      email: BENCH_EMAIL,
      name: 'Benchmark',
      role: 'ANALYST',
      password: `bench-${Date.now()}-${Math.random()}`,
    }));
  return (await issueApiToken(db, { userId, name: `benchmark ${new Date().toISOString()}` })).token;
}

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => join(folder, path))
    .filter(keep)
    .sort();
}

/**
 * What the data of a kept dataset was made with: the migrations and the demo generator. A kept
 * database made by other ones is loaded again.
 */
function dataFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(REPOSITORY_ROOT, 'packages/db/migrations'), (path) => path.endsWith('.sql')),
    ...filesUnder(
      join(REPOSITORY_ROOT, 'packages/demo/src'),
      (path) => path.endsWith('.ts') && !path.endsWith('.test.ts'),
    ),
  ];
  for (const file of files) hash.update(relative(REPOSITORY_ROOT, file)).update('\0').update(readFileSync(file));
  return `panorama bench data ${hash.digest('hex').slice(0, 16)}`;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL database `panorama_bench_<size>` on the server of `adminUrl`, with `size`
 * contributions of demo data. Kept between runs (10 million take a while to load): an earlier
 * run's database is reused when the same migrations and demo generator made it, unless `fresh`.
 */
export async function postgresDataset(
  adminUrl: string,
  size: number,
  options: { fresh: boolean; log: (line: string) => void },
): Promise<Dataset> {
  const name = `panorama_bench_${size}`;
  const url = withDatabase(adminUrl, name);
  const label = `PostgreSQL ${size.toLocaleString('en-US')}`;
  const fingerprint = dataFingerprint();
  const [existing] = await onServer(
    adminUrl,
    async (client) =>
      (
        await client.query<{ made: string | null }>(
          `SELECT shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname = $1`,
          [name],
        )
      ).rows,
  );
  if (existing && existing.made === fingerprint && !options.fresh) {
    const database = await openDatabase({ url, poolMax: 2 });
    try {
      options.log(`${label}: reusing ${name} (pass --fresh to load it again)`);
      return {
        label,
        contributions: size,
        engine: 'postgres',
        url,
        token: await benchToken(database.db),
        seededSeconds: null,
      };
    } finally {
      await database.close();
    }
  }
  if (existing)
    options.log(`${label}: ${name} was made by other migrations or another demo generator: loading it again`);
  if (existing) await onServer(adminUrl, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`));
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const database = await openDatabase({ url, poolMax: 2 });
  try {
    await migrate(database);
    options.log(`${label}: loading demo data into ${name}…`);
    const summary = await seedDemoData(database, {
      contributions: size,
      log: (line) => options.log(`  ${line}`),
    });
    // As autovacuum would in time: the visibility map lets index-only scans skip the table.
    await onServer(url, (client) => client.query('VACUUM ANALYZE'));
    await onServer(adminUrl, (client) => client.query(`COMMENT ON DATABASE "${name}" IS '${fingerprint}'`));
    const seededSeconds = summary.elapsedMs / 1000;
    options.log(`${label}: loaded in ${seededSeconds.toFixed(1)} s`);
    return { label, contributions: size, engine: 'postgres', url, token: await benchToken(database.db), seededSeconds };
  } finally {
    await database.close();
  }
}

/** The embedded PGlite database with the demo data, in a new folder (the caller removes it). */
export async function pgliteDataset(log: (line: string) => void): Promise<Dataset> {
  const dataDir = mkdtempSync(join(tmpdir(), 'panorama-bench-pglite-'));
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database);
    log('PGlite: loading the demo data…');
    const summary = await seedDemoData(database);
    const contributions = summary.counts.contributions;
    return {
      label: `PGlite ${contributions.toLocaleString('en-US')} (demo)`,
      contributions,
      engine: 'pglite',
      dataDir,
      token: await benchToken(database.db),
      seededSeconds: summary.elapsedMs / 1000,
    };
  } finally {
    await database.close();
  }
}
