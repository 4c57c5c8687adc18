import { type Actor, type DatabaseHandle, imports, recordAudit, type Transaction, writeAs } from '@panorama/db';
import type { ImportKind } from './formats';
import {
  CONTRIBUTION_STAGING_COLUMNS,
  CONTRIBUTION_STAGING_NAMES,
  checkStagedContributions,
  contributionCells,
  mergeContributions,
  type StagedProblem,
} from './merge-contributions';
import { ImportError, type Problem } from './problems';
import { rawClientOf } from './raw-client';
import { loadReferenceData, type ReferenceData } from './reference';
import { csvLine, problemText, type RejectedRecord } from './rejected';
import type { ContributionRow } from './rows';
import { type Cell, createStaging, stageRows } from './staging';
import { validateCsv } from './validate';

/** The kinds {@link importCsv} can write so far. */
export const WRITABLE_KINDS: readonly ImportKind[] = ['contributions'];

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
  /** DONE: rows written (the valid ones, with `skipInvalid`); REFUSED: nothing written. */
  status: 'DONE' | 'REFUSED';
  counts: ImportCounts;
  /** Partners created because a row named one that did not exist. */
  partnersCreated: number;
  /** The problems, in line order; at most {@link MAX_KEPT_PROBLEMS} of them. */
  problems: Problem[];
  /** How many problems there were in all. */
  problemCount: number;
  /** With `skipInvalid`: the rejected rows (original fields and a `problem` column), when there are any. */
  rejectedCsv?: string;
  /** The id of the `imports` row recording this import. */
  importId: number;
}

/** Thrown inside the transaction to roll an all-or-nothing import back. */
class Refusal extends Error {}

/** Collects problems and rejected rows as the import goes. */
class Outcome {
  readonly problems: Problem[] = [];
  problemCount = 0;
  rejectedLines = new Set<number>();
  private rejectedText: string[] = [];

  constructor(private readonly keepRejected: boolean) {}

  reject(record: RejectedRecord): void {
    this.rejectedLines.add(record.line);
    for (const problem of record.problems) this.add(problem);
    if (this.keepRejected) this.rejectedText.push(csvLine([...record.fields, problemText(record)]));
  }

  add(problem: Problem): void {
    this.problemCount++;
    if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(problem);
  }

  rejectedCsv(header: readonly string[]): string | undefined {
    if (this.rejectedText.length === 0) return undefined;
    return csvLine([...header, 'problem']) + this.rejectedText.join('');
  }
}

const ZERO: ImportCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };

/**
 * Imports a CSV file in one transaction on behalf of `actor`: validates every row while
 * streaming the valid ones into a temporary staging table (COPY on PostgreSQL, batched INSERTs
 * on PGlite), checks what only the database knows, then merges in SQL (see
 * {@link mergeContributions}). All or nothing by default: any problem rolls everything back and
 * the import is REFUSED with every problem; with `skipInvalid` the valid rows are written and the
 * rejected ones returned as CSV. A REGIONAL actor imports rows of its own region only.
 *
 * Every import is recorded in `imports`; a DONE one also gets an IMPORT audit entry with its
 * counts, in its transaction. A REFUSED one is recorded (status REFUSED) in a transaction of its
 * own, with no audit entry and nothing else written. An unexpected error rolls back and is thrown.
 */
export async function importCsv(handle: DatabaseHandle, options: ImportOptions): Promise<ImportResult> {
  const { kind, actor } = options;
  if (!WRITABLE_KINDS.includes(kind)) {
    throw new Error(`Importing ${kind} is not built yet: only ${WRITABLE_KINDS.join(', ')} can be imported`);
  }
  const skipInvalid = options.skipInvalid ?? false;
  const reference = options.reference ?? (await loadReferenceData(handle.db));
  const outcome = new Outcome(skipInvalid);
  let header: readonly string[] = [];
  let staged = 0;
  let partnersCreated = 0;

  const refused = (): boolean => outcome.problemCount > 0 && !skipInvalid;

  try {
    return await writeAs(handle.db, actor, async (tx) => {
      const client = rawClientOf(tx, handle.kind);
      // A large file may take longer than the pool's statement timeout; it is this transaction's only.
      if (handle.kind === 'postgres') await client.query('SET LOCAL statement_timeout = 0');
      await createStaging(client, CONTRIBUTION_STAGING_COLUMNS);

      const validation = validateCsv('contributions', options.source, reference);
      async function* rows(): AsyncGenerator<Cell[]> {
        try {
          for await (const record of validation) {
            header = validation.header?.fields ?? header;
            const problems = record.row === null ? record.problems : regionProblems(actor, record.line, record.row);
            if (problems.length > 0) {
              outcome.reject({ line: record.line, fields: record.fields, problems });
              continue;
            }
            // Once refused, the rest is only validated, to report every problem.
            if (refused() || record.row === null) continue;
            yield contributionCells(record.line, record.row, skipInvalid ? record.fields : null);
            staged++;
            await options.hooks?.afterRows?.(staged);
          }
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          for (const problem of error.problems) outcome.add(problem);
          throw new Refusal('the file cannot be read');
        }
      }
      await stageRows(handle.kind, client, CONTRIBUTION_STAGING_NAMES, rows());
      if (refused()) throw new Refusal('problems found');

      const stagedProblems = await checkStagedContributions(client, actor);
      if (stagedProblems.length > 0) {
        rejectStaged(outcome, stagedProblems);
        if (!skipInvalid) throw new Refusal('problems found in the database');
        await client.query('DELETE FROM import_staging WHERE line = ANY($1::int[])', [
          [...new Set(stagedProblems.map((p) => p.line))],
        ]);
      }
      const merged = await mergeContributions(client, actor);
      partnersCreated = merged.partnersCreated;
      await options.hooks?.afterMerge?.();
      const counts: ImportCounts = {
        inserted: merged.inserted,
        updated: merged.updated,
        unchanged: merged.unchanged,
        rejected: outcome.rejectedLines.size,
      };
      const importId = await recordImport(tx, options, 'DONE', counts);
      await recordAudit(tx, actor, {
        action: 'IMPORT',
        entity: 'Import',
        entityId: importId,
        regionCode: actor.regionCode,
        after: { kind, fileName: options.fileName, counts, partnersCreated, skipInvalid },
      });
      const rejectedCsv = skipInvalid ? outcome.rejectedCsv(header) : undefined;
      return {
        status: 'DONE' as const,
        counts,
        partnersCreated,
        problems: sortedProblems(outcome),
        problemCount: outcome.problemCount,
        ...(rejectedCsv === undefined ? {} : { rejectedCsv }),
        importId,
      };
    });
  } catch (error) {
    // An error thrown while COPY streams comes back wrapped by the stream machinery at times.
    const refusal = error instanceof Refusal || (error as { cause?: unknown })?.cause instanceof Refusal;
    if (!refusal) throw error;
  }
  // Refused: nothing was written; the refusal itself is recorded, on its own.
  const counts = { ...ZERO, rejected: outcome.rejectedLines.size };
  const importId = await writeAs(handle.db, actor, (tx) => recordImport(tx, options, 'REFUSED', counts));
  return {
    status: 'REFUSED',
    counts,
    partnersCreated: 0,
    problems: sortedProblems(outcome),
    problemCount: outcome.problemCount,
    importId,
  };
}

/** A REGIONAL actor's rows must be of its region. */
function regionProblems(actor: Actor, line: number, row: ContributionRow): Problem[] {
  if (actor.role !== 'REGIONAL' || row.regionCode === actor.regionCode) return [];
  const region = actor.regionCode ?? '(none)';
  return [
    {
      line,
      column: 'region_code',
      value: row.regionCode,
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

function sortedProblems(outcome: Outcome): Problem[] {
  return [...outcome.problems].sort((a, b) => a.line - b.line);
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
