/**
 * `pnpm bench:import`: imports a generated contributions file into a fresh PostgreSQL database
 * and prints how long it took and the most memory the process used; then imports it again
 * (every row unchanged), then a copy with 1% of the amounts changed. Then streams a 2 GB file
 * through validation alone, to show that memory stays bounded whatever the size.
 *
 *   pnpm bench:import [--rows 1000000] [--gigabytes 2] [--pglite] [--max-rss-mb 500]
 *
 * With `--max-rss-mb`, it fails (exit 1) when the process held more memory than that at any time.
 *
 * PostgreSQL: `BENCH_DATABASE_URL` names a server (default postgres://postgres@127.0.0.1:5432);
 * the bench creates its own database there and drops it at the end. `--pglite`: the embedded
 * database in a temporary folder instead.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { type Actor, migrate, openDatabase } from '@panorama/db';
import pg from 'pg';
import { type ImportResult, importCsv } from '../src/load';
import { loadReferenceData, regionOn } from '../src/reference';
import { validateCsv } from '../src/validate';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    gigabytes: { type: 'string', default: '2' },
    pglite: { type: 'boolean', default: false },
    'max-rss-mb': { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const GIGABYTES = Number(values.gigabytes);
const ACTOR: Actor = { userId: 0, email: 'bench', role: 'ADMIN', regionCode: null };
const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref\n';
const STREAMS = ['INDIVIDUAL_GIVING', 'CORPORATE', 'FOUNDATION', 'HNWI'] as const;
const TYPES = ['GIVING_CHANNEL', 'CORPORATION', 'FOUNDATION', 'HNWI'] as const;
const OBJECTIVES = ['INC_GROWTH', 'INC_FLEXIBLE'];

/** A small deterministic generator (mulberry32), so that every run imports the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The most memory the process has held (VmHWM), in MB. */
async function peakRssMb(): Promise<number> {
  const status = await import('node:fs/promises').then((fs) => fs.readFile('/proc/self/status', 'utf8'));
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The most RSS seen while `work` runs, sampled every 50 ms, and how long it took. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function writeFile(path: string, rows: number, changedEvery: number, pairs: [string, string][]) {
  const next = random(42);
  const out = createWriteStream(path);
  let chunk = HEADER;
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(next() * 2922); // 2019-01-01 … 2026-12-31
    const date = new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10);
    let cents = Math.floor(next() * 5_000_000) + 100;
    if (changedEvery > 0 && i % changedEvery === 0) cents += 1;
    const partner = Math.floor(next() * Math.max(1, rows / 20));
    const type = TYPES[partner % TYPES.length];
    const stream = STREAMS[partner % STREAMS.length];
    const [region, country] = pairs[partner % pairs.length] ?? ['HQ', ''];
    const kind = i % 10 === 0 ? 'IN_KIND' : 'CASH';
    chunk += `B-${i},${date},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},${stream},${kind},BP-${partner},Partner ${partner},${type},${region},${country},${OBJECTIVES[i % 2]},\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

/** Rows of valid contributions without end, as bytes, until `bytes` have been produced. */
async function* generatedFile(bytes: number, pairs: [string, string][]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let produced = 0;
  let i = 0;
  yield encoder.encode(HEADER);
  while (produced < bytes) {
    let chunk = '';
    for (let n = 0; n < 10_000; n++, i++) {
      const [region, country] = pairs[i % pairs.length] ?? ['HQ', ''];
      chunk += `G-${i},2024-0${(i % 9) + 1}-1${i % 10},${i % 100000}.${String(i % 100).padStart(2, '0')},CORPORATE,CASH,GP-${i % 5000},Partner ${i % 5000},CORPORATION,${region},${country},INC_GROWTH,\n`;
    }
    const encoded = encoder.encode(chunk);
    produced += encoded.length;
    yield encoded;
  }
}

function describe(result: ImportResult): string {
  const { inserted, updated, unchanged, rejected } = result.counts;
  return `${result.status}: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected`;
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'panorama-bench-import-'));
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `panorama_bench_import_${process.pid}`;
  let url: string | undefined;
  if (!values.pglite) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(server);
    target.pathname = `/${name}`;
    url = target.toString();
  }
  const database = await openDatabase(url ? { url } : { dataDir: join(folder, 'data') });
  const lines: string[] = [];
  const print = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    await migrate(database);
    await database.useAppRole();
    const reference = await loadReferenceData(database.db);
    // Region and country pairs valid over the whole period, and a few rows with no country.
    const pairs: [string, string][] = [];
    for (const country of reference.memberships.keys()) {
      const region = regionOn(reference, country, '2019-01-01');
      if (region && region === regionOn(reference, country, '2026-12-31')) pairs.push([region, country]);
    }
    pairs.push(['HQ', '']);

    const file = join(folder, 'contributions.csv');
    const changed = join(folder, 'contributions-changed.csv');
    await writeFile(file, ROWS, 0, pairs);
    await writeFile(changed, ROWS, 100, pairs);
    const size = (await stat(file)).size / 1024 / 1024;
    print(`Panorama import benchmark — ${values.pglite ? 'embedded PGlite' : 'PostgreSQL'}, node ${process.version}`);
    print(`file: ${ROWS.toLocaleString('en-US')} contribution rows, ${size.toFixed(0)} MB\n`);
    print('| run | result | seconds | rows/s | peak RSS (MB) |');
    print('|---|---|---:|---:|---:|');
    const run = async (label: string, path: string) => {
      const { result, seconds, peakMb } = await measured(() =>
        importCsv(database, {
          kind: 'contributions',
          source: createReadStream(path),
          fileName: label,
          actor: ACTOR,
          reference,
        }),
      );
      const rate = Math.round(ROWS / seconds).toLocaleString('en-US');
      print(`| ${label} | ${describe(result)} | ${seconds.toFixed(1)} | ${rate} | ${peakMb.toFixed(0)} |`);
    };
    await run('first import', file);
    await run('same file again', file);
    await run('1% of amounts changed', changed);

    if (GIGABYTES > 0) {
      let rows = 0;
      const { seconds, peakMb } = await measured(async () => {
        for await (const record of validateCsv(
          'contributions',
          generatedFile(GIGABYTES * 1024 ** 3, pairs),
          reference,
        )) {
          if (record.row !== null) rows++;
        }
      });
      print(
        `| validate a ${GIGABYTES} GB file (${rows.toLocaleString('en-US')} rows) | streamed, nothing written | ${seconds.toFixed(1)} | ${Math.round(rows / seconds).toLocaleString('en-US')} | ${peakMb.toFixed(0)} |`,
      );
    }
    const peak = await peakRssMb();
    print(`\nmost memory held by the process at any time (VmHWM): ${peak.toFixed(0)} MB`);
    const limit = values['max-rss-mb'] === undefined ? null : Number(values['max-rss-mb']);
    if (limit !== null && peak > limit) {
      console.error(`The import held ${peak.toFixed(0)} MB, more than the ${limit} MB allowed.`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
    await rm(folder, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
