import { type Actor, type DatabaseHandle, imports, recordAudit, type Transaction, writeAs } from '@panorama/db';
import { IMPORT_KINDS, type ImportKind } from './formats';
import { type Loader, stagingColumns, stagingNames } from './loader';
import { CONTRIBUTIONS } from './merge-contributions';
import { IMPACT } from './merge-impact';
import { PARTNERS } from './merge-partners';
import { TARGETS } from './merge-targets';
import { ImportError, type Problem } from './problems';
import { rawClientOf } from './raw-client';
import { loadReferenceData, type ReferenceData } from './reference';
import { csvLine, problemText, type RejectedRecord } from './rejected';
import type { StagedProblem } from './staged';
import { type Cell, createStaging, STAGING_TABLE, stageRows } from './staging';
import { validateCsv } from './validate';

const LOADERS: { readonly [K in ImportKind]: Loader<K> } = {
  contributions: CONTRIBUTIONS,
  impact: IMPACT,
  targets: TARGETS,
  partners: PARTNERS,
};

/** How many problems an import keeps to return; the rest are only counted. */
export const MAX_KEPT_PROBLEMS = 10_000;

export interface ImportOptions {
  kind: ImportKind;
  /** The file's bytes, streamed. */
  source: AsyncIterable<Uint8Array>;
  /** The file's name, recorded in `imports`. */
  fileName: string;
  /** Who imports: row-level security, the audit trail and the region rule go by it. */
  actor: Actor;
  /** Load the valid rows and return the rejected ones, instead of all or nothing. */
  skipInvalid?: boolean;
  /**
   * Check only: validate and merge exactly as an import would, then roll everything back. The
   * result is CHECKED (or REFUSED) with the counts the import would make; nothing is recorded.
   */
  dryRun?: boolean;
  /** The reference data to validate against; loaded from the database when absent. */
  reference?: ReferenceData;
  /** For tests only: called as rows are staged, and once they are merged; a throw aborts the import. */
  hooks?: {
    afterRows?: (staged: number) => void | Promise<void>;
    afterMerge?: () => void | Promise<void>;
  };
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportResult {
  /**
   * DONE: rows written (the valid ones, with `skipInvalid`); REFUSED: nothing written; CHECKED:
   * a dry run that would have been DONE, with its counts, and nothing written.
   */
  status: 'DONE' | 'REFUSED' | 'CHECKED';
  counts: ImportCounts;
  /** Partners created because a row named one that did not exist. */
  partnersCreated: number;
  /** The problems, in line order; at most {@link MAX_KEPT_PROBLEMS} of them. */
  problems: Problem[];
  /** How many problems there were in all. */
  problemCount: number;
  /** With `skipInvalid`: the rejected rows (original fields and a `problem` column), when there are any. */
  rejectedCsv?: string;
  /** The id of the `imports` row recording this import; none for a dry run. */
  importId?: number;
}

/** Thrown inside the transaction to roll an all-or-nothing import back. */
class Refusal extends Error {}

/** Thrown inside the transaction to roll a dry run back, with what it would have done. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Collects problems and rejected rows as the import goes. */
class Outcome {
  readonly problems: Problem[] = [];
  problemCount = 0;
  readonly rejectedLines = new Set<number>();
  private readonly rejectedText = new Map<number, string>();

  constructor(private readonly keepRejected: boolean) {}

  reject(record: RejectedRecord): void {
    for (const problem of record.problems) this.add(problem);
    this.rejectedLines.add(record.line);
    if (this.keepRejected) this.rejectedText.set(record.line, csvLine([...record.fields, problemText(record)]));
  }

  add(problem: Problem): void {
    this.problemCount++;
    if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(problem);
  }

  rejectedCsv(header: readonly string[]): string | undefined {
    if (this.rejectedText.size === 0) return undefined;
    const lines = [...this.rejectedText].sort(([a], [b]) => a - b).map(([, text]) => text);
    return csvLine([...header, 'problem']) + lines.join('');
  }

  sortedProblems(): Problem[] {
    return [...this.problems].sort((a, b) => a.line - b.line);
  }
}

const ZERO: ImportCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };

/**
 * Imports a CSV file of one kind in one transaction on behalf of `actor`: validates every row
 * while streaming the valid ones into a temporary staging table (COPY on PostgreSQL, batched
 * INSERTs on PGlite), checks what only the database knows, then merges in SQL (each kind's
 * {@link Loader}). All or nothing by default: any problem rolls everything back and the import
 * is REFUSED with every problem; with `skipInvalid` the valid rows are written and the rejected
 * ones returned as CSV. A REGIONAL actor imports rows of its own region only.
 *
 * Every import is recorded in `imports`; a DONE one also gets an IMPORT audit entry with its
 * counts, in its transaction. A REFUSED one is recorded (status REFUSED) in a transaction of its
 * own, with no audit entry and nothing else written. A dry run (`dryRun`) does all of it but the
 * recording, and rolls back. An unexpected error rolls back and is thrown.
 */
export async function importCsv(handle: DatabaseHandle, options: ImportOptions): Promise<ImportResult> {
  const { kind, actor } = options;
  const loader: Loader<ImportKind> = LOADERS[kind];
  if (!loader) throw new Error(`There is no import of ${kind}: use one of ${IMPORT_KINDS.join(', ')}`);
  const skipInvalid = options.skipInvalid ?? false;
  const reference = options.reference ?? (await loadReferenceData(handle.db));
  const outcome = new Outcome(skipInvalid);
  let header: readonly string[] = [];
  let staged = 0;

  const refused = (): boolean => outcome.problemCount > 0 && !skipInvalid;

  try {
    return await writeAs(handle.db, actor, async (tx) => {
      const client = rawClientOf(tx, handle.kind);
      // A large file may take longer than the pool's statement timeout; it is this transaction's only.
      if (handle.kind === 'postgres') await client.query('SET LOCAL statement_timeout = 0');
      await createStaging(client, stagingColumns(loader));

      const validation = validateCsv(kind, options.source, reference);
      async function* rows(): AsyncGenerator<Cell[]> {
        try {
          for await (const record of validation) {
            header = validation.header?.fields ?? header;
            const problems =
              record.row === null ? record.problems : regionProblems(actor, record.line, loader.region(record.row));
            if (problems.length > 0) {
              outcome.reject({ line: record.line, fields: record.fields, problems });
              continue;
            }
            // Valid rows are staged even once the import is refused, for the checks that take
            // more than one row (and the database) to report every problem.
            if (record.row === null) continue;
            yield [record.line, ...loader.cells(record.row), skipInvalid ? JSON.stringify(record.fields) : null];
            staged++;
            await options.hooks?.afterRows?.(staged);
          }
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          for (const problem of error.problems) outcome.add(problem);
          throw new Refusal('the file cannot be read');
        }
      }
      await stageRows(handle.kind, client, stagingNames(loader), rows());
      // Temporary tables are never analyzed by autovacuum: the checks and the merge need the numbers.
      await client.query(`ANALYZE ${STAGING_TABLE}`);
      // Imports of one kind check and merge in turn, each against the rows the one before wrote.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('panorama.import'), hashtext($1))`, [kind]);

      const stagedProblems = await loader.check(client, actor);
      rejectStaged(outcome, stagedProblems);
      if (refused()) throw new Refusal('problems found');
      if (stagedProblems.length > 0) {
        await client.query(`DELETE FROM ${STAGING_TABLE} WHERE line = ANY($1::int[])`, [
          [...new Set(stagedProblems.map((p) => p.line))],
        ]);
      }
      const merged = await loader.merge(client, actor);
      await options.hooks?.afterMerge?.();
      const counts: ImportCounts = {
        inserted: merged.inserted,
        updated: merged.updated,
        unchanged: merged.unchanged,
        rejected: outcome.rejectedLines.size,
      };
      const rejectedCsv = skipInvalid ? outcome.rejectedCsv(header) : undefined;
      const result: ImportResult = {
        status: 'DONE',
        counts,
        partnersCreated: merged.partnersCreated,
        problems: outcome.sortedProblems(),
        problemCount: outcome.problemCount,
        ...(rejectedCsv === undefined ? {} : { rejectedCsv }),
      };
      if (options.dryRun) throw new DryRun({ ...result, status: 'CHECKED' });
      const importId = await recordImport(tx, options, 'DONE', counts);
      await recordAudit(tx, actor, {
        action: 'IMPORT',
        entity: 'Import',
        entityId: importId,
        regionCode: actor.regionCode,
        after: { kind, fileName: options.fileName, counts, partnersCreated: merged.partnersCreated, skipInvalid },
      });
      return { ...result, importId };
    });
  } catch (error) {
    // An error thrown while COPY streams comes back wrapped by the stream machinery at times.
    const cause = (error as { cause?: unknown })?.cause;
    if (error instanceof DryRun) return error.result;
    const refusal = error instanceof Refusal || cause instanceof Refusal;
    if (!refusal) throw error;
  }
  // Refused: nothing was written; the refusal itself is recorded (but for a dry run), on its own.
  const counts = { ...ZERO, rejected: outcome.rejectedLines.size };
  const refusal: ImportResult = {
    status: 'REFUSED',
    counts,
    partnersCreated: 0,
    problems: outcome.sortedProblems(),
    problemCount: outcome.problemCount,
  };
  if (options.dryRun) return refusal;
  const importId = await writeAs(handle.db, actor, (tx) => recordImport(tx, options, 'REFUSED', counts));
  return { ...refusal, importId };
}

/** A REGIONAL actor's rows must be of its region (when the row's region is known from the file). */
function regionProblems(actor: Actor, line: number, rowRegion: string | null): Problem[] {
  if (actor.role !== 'REGIONAL' || rowRegion === null || rowRegion === actor.regionCode) return [];
  const region = actor.regionCode ?? '(none)';
  return [
    {
      line,
      column: 'region_code',
      value: rowRegion,
      reason: `a REGIONAL user of ${region} imports rows of ${region} only`,
    },
  ];
}

/** Rows the database refused: their problems, and (with `skipInvalid`) their original fields for the rejected CSV. */
function rejectStaged(outcome: Outcome, staged: readonly StagedProblem[]): void {
  const byLine = new Map<number, { fields: readonly string[] | null; problems: Problem[] }>();
  for (const { line, fields, problem } of staged) {
    const entry = byLine.get(line) ?? { fields, problems: [] };
    entry.problems.push(problem);
    byLine.set(line, entry);
  }
  for (const [line, { fields, problems }] of byLine) outcome.reject({ line, fields: fields ?? [], problems });
}

async function recordImport(
  tx: Transaction,
  options: ImportOptions,
  status: 'DONE' | 'REFUSED',
  counts: ImportCounts,
): Promise<number> {
  const [row] = await tx
    .insert(imports)
    .values({
      userId: options.actor.userId,
      userEmail: options.actor.email,
      kind: options.kind,
      fileName: options.fileName,
      status,
      ...counts,
    })
    .returning({ id: imports.id });
  if (!row) throw new Error('the import was not recorded');
  return row.id;
}
