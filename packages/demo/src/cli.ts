import { DatabaseUnavailableError, migrate, openDatabase, resolveDataDir } from '@panorama/db';
import {
  describeServer,
  formatAmount,
  formatCount,
  formatDuration,
  isServerError,
  oneLine,
  parseSeedArguments,
  UsageError,
} from './command-line';
import { DEFAULT_CONTRIBUTIONS, DEFAULT_SEED, DemoDataError, seedDemoData, seedSettings } from './seed';

const USAGE = `Usage: pnpm db:seed [--contributions N] [--seed S] [--reset]

Fills the database with deterministic demo data: the PostgreSQL of DATABASE_URL, or else the
embedded database in PANORAMA_DATA_DIR (default .data at the repository root).
  --contributions N  number of contributions (default ${formatCount(DEFAULT_CONTRIBUTIONS)})
  --seed S           seed of the generator (default ${DEFAULT_SEED}); same seed and size, same data
  --reset            empty the demo tables first (partners, contributions, targets, ...)`;

/** The embedded database's folder, resolved as the API resolves it (against the repository root). */
const dataDirectory = () => resolveDataDir(process.env.PANORAMA_DATA_DIR || '.data');

/** Errors of ours whose message already says what to do. */
const isExplained = (error: unknown) =>
  [DemoDataError, UsageError, DatabaseUnavailableError].some((kind) => error instanceof kind);

async function main(): Promise<void> {
  const options = parseSeedArguments(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL || undefined;
  const where = url ? `PostgreSQL at ${describeServer(url)}` : `the embedded database in ${dataDirectory()}`;
  const { seed, contributions } = seedSettings(options);
  console.log(`Seeding ${where}: ${formatCount(contributions)} contributions, seed ${seed}`);
  const handle = await openDatabase(url ? { url, poolMax: 2 } : { dataDir: dataDirectory() });
  try {
    await handle.ping();
    await migrate(handle);
    const summary = await seedDemoData(handle, {
      contributions,
      seed,
      reset: options.reset,
      log: (line) => console.log(`  ${line}`),
    });
    const width = Math.max(...Object.keys(summary.counts).map((table) => table.length));
    console.log(`Done in ${formatDuration(summary.elapsedMs)}:`);
    for (const [table, count] of Object.entries(summary.counts)) {
      console.log(`  ${table.padEnd(width)}  ${formatCount(count).padStart(12)}`);
    }
    console.log(`  ${'revenue'.padEnd(width)}  USD ${formatAmount(summary.totalRevenueUsd)}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`db:seed: ${error.message} (see --help)`);
  } else if (isExplained(error) || isServerError(error)) {
    // Expected: one line, no stack.
    console.error(`db:seed: ${oneLine(error, !isExplained(error))}`);
  } else {
    console.error(`db:seed failed: ${oneLine(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
  }
  process.exitCode = 1;
});
