import type { DatabaseHandle } from '@panorama/db';
import { loadWithDeferredChecks } from './bulk-load';
import { ContributionStats } from './contribution-stats';
import { CONTRIBUTION_COLUMNS, contributionRows } from './contributions';
import { FIELD_NEED_COLUMNS, generateFieldNeeds } from './field-needs';
import { Geography } from './geography';
import { generateImpactRecords, IMPACT_COLUMNS, ImpactStats } from './impact';
import { inPgliteTransaction } from './load-pglite';
import { inPostgresTransaction } from './load-postgres';
import { centsToDecimal } from './money';
import { generatePartners, PARTNER_COLUMNS, partnerCount, partnerRow } from './partners';
import { generatePartnerships, PARTNERSHIP_COLUMNS, partnershipRow } from './partnerships';
import { generateOpportunities, OPPORTUNITY_COLUMNS, PipelineStats } from './pipeline';
import { Random } from './random';
import type { SeedSession } from './session';
import { generateStories, STORY_COLUMNS } from './stories';
import { type Cell, DEMO_TABLES, ROLLUP_TABLES, type TableCounts } from './tables';
import { generateTargets, TARGET_COLUMNS, TARGET_VERSION_COLUMNS } from './targets';

export const DEFAULT_SEED = 2021;
export const DEFAULT_CONTRIBUTIONS = 50_000;

export interface SeedOptions {
  /** Same seed and size, same data. Default 2021. */
  seed?: number;
  /** Number of contributions. Default 50,000. */
  contributions?: number;
  /** Empty the demo tables first. Without it, a database holding data is refused. */
  reset?: boolean;
  /** Told about progress, one line at a time. */
  log?: (line: string) => void;
}

export interface SeedSummary {
  seed: number;
  counts: TableCounts;
  /** Sum of the contributions' amounts, exact, e.g. "251234567.89". */
  totalRevenueUsd: string;
  elapsedMs: number;
}

/** A seed refused for a reason the user can fix (data already there, a bad option). */
export class DemoDataError extends Error {
  override name = 'DemoDataError';
}

/** The seed and size an options object asks for; throws a DemoDataError when they are not usable. */
export function seedSettings(options: SeedOptions): { seed: number; contributions: number } {
  const seed = options.seed ?? DEFAULT_SEED;
  const contributions = options.contributions ?? DEFAULT_CONTRIBUTIONS;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new DemoDataError(`The seed must be a whole number from 0 to 4294967295, not ${seed}.`);
  }
  if (!Number.isSafeInteger(contributions) || contributions < 1 || contributions > 1_000_000_000) {
    throw new DemoDataError(
      `The number of contributions must be a whole number from 1 to 1,000,000,000, not ${contributions}.`,
    );
  }
  return { seed, contributions };
}

/** Empties the demo tables when asked; otherwise refuses a database that already holds any of their rows. */
async function prepare(session: SeedSession, reset: boolean): Promise<void> {
  if (reset) {
    await session.execute(`TRUNCATE ${DEMO_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    return;
  }
  const [flags] = await session.rows<Record<string, boolean>>(
    `SELECT ${DEMO_TABLES.map((table) => `EXISTS (SELECT 1 FROM ${table}) AS ${table}`).join(', ')}`,
  );
  const filled = DEMO_TABLES.filter((table) => flags?.[table]);
  if (filled.length > 0) {
    throw new DemoDataError(
      `The database already has data (${filled.slice(0, 2).join(', ')}${filled.length > 2 ? ', …' : ''}); ` +
        'pass --reset (reset: true) to replace it with demo data.',
    );
  }
}

function* counted(rows: Iterable<Cell[]>, total: number, log: (line: string) => void): Generator<Cell[]> {
  const step = total >= 1_000_000 ? 250_000 : Math.max(10_000, Math.ceil(total / 4));
  let done = 0;
  for (const row of rows) {
    yield row;
    done++;
    if (done % step === 0 && done < total) {
      log(`contributions: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
    }
  }
}

async function generate(
  session: SeedSession,
  seed: number,
  contributions: number,
  log: (line: string) => void,
): Promise<{ counts: TableCounts; totalCents: number }> {
  // The rollups' triggers would fold in every batch; they are rebuilt once, at the end, instead.
  await session.execute(`SET LOCAL panorama.rollups = 'deferred'`);
  const random = new Random(seed);
  const geography = new Geography(random.fork('geography'));
  const partners = generatePartners(random.fork('partners'), geography, partnerCount(contributions));
  const partnerships = generatePartnerships(random.fork('partnerships'), geography, partners);
  const counts = Object.fromEntries(DEMO_TABLES.map((table) => [table, 0])) as TableCounts;
  const started = performance.now();
  const load = async (name: keyof TableCounts, columns: readonly string[], rows: Iterable<Cell[]>) => {
    counts[name] = await session.load({ name, columns }, rows);
    log(`${name}: ${counts[name].toLocaleString('en-US')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };

  await load('partners', PARTNER_COLUMNS, partners.map(partnerRow));
  await load('partnerships', PARTNERSHIP_COLUMNS, partnerships.map(partnershipRow));
  const stats = new ContributionStats(geography.regionCodes.length, geography.countryCodes.length, partners.length);
  const gifts = contributionRows(random.fork('contributions'), geography, partners, contributions, stats);
  await loadWithDeferredChecks(session, 'contributions', () =>
    load('contributions', CONTRIBUTION_COLUMNS, counted(gifts, contributions, log)),
  );
  const impact = new ImpactStats();
  await load(
    'impact_records',
    IMPACT_COLUMNS,
    generateImpactRecords(random.fork('impact'), geography, partnerships, impact),
  );
  const pipeline = new PipelineStats();
  const opportunities = generateOpportunities(random.fork('pipeline'), geography, partners, pipeline);
  const targets = generateTargets({ rng: random.fork('targets'), geography, contributions: stats, impact, pipeline });
  await load('targets', TARGET_COLUMNS, targets.targets);
  await load('target_versions', TARGET_VERSION_COLUMNS, targets.versions);
  await load('opportunities', OPPORTUNITY_COLUMNS, opportunities);
  await load(
    'field_needs',
    FIELD_NEED_COLUMNS,
    generateFieldNeeds(random.fork('field-needs'), geography, partnerships),
  );
  await load('stories', STORY_COLUMNS, generateStories(random.fork('stories'), geography, partnerships));
  await session.execute('SELECT panorama_rebuild_rollups()');
  log(`rollups: rebuilt (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // Ids were given explicitly: move each identity past them, so later inserts do not collide.
  await session.rows(
    `SELECT ${DEMO_TABLES.map(
      (table) =>
        `setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
    ).join(', ')}`,
  );
  return { counts, totalCents: stats.totalCents };
}

/**
 * Fills the demo tables with deterministic demo data (partners, partnerships, contributions,
 * impact records, targets, pipeline, field needs, stories) in one transaction: a failed seed
 * leaves nothing. PostgreSQL is loaded with COPY, PGlite with batched INSERTs; the rollups are
 * rebuilt once the rows are in.
 */
export async function seedDemoData(handle: DatabaseHandle, options: SeedOptions = {}): Promise<SeedSummary> {
  const { seed, contributions } = seedSettings(options);
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const work = async (session: SeedSession) => {
    await prepare(session, options.reset === true);
    return generate(session, seed, contributions, log);
  };
  const analyze = (session: SeedSession) => session.execute(`ANALYZE ${[...DEMO_TABLES, ...ROLLUP_TABLES].join(', ')}`);
  const result =
    handle.kind === 'postgres'
      ? await inPostgresTransaction(handle.pool, work, analyze)
      : await inPgliteTransaction(handle.pglite, work, analyze);
  return {
    seed,
    counts: result.counts,
    totalRevenueUsd: centsToDecimal(result.totalCents),
    elapsedMs: Math.round(performance.now() - started),
  };
}
