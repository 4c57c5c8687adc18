import type { ImportKind } from './import-formats';

/**
 * `POST /api/import/:kind`: the file as the body, the session cookie as the credentials. The
 * server validates every row, then writes (DONE), refuses (REFUSED, nothing written) or, with
 * `dryRun`, rolls back and says what it would have done (CHECKED).
 */

export type ImportStatus = 'DONE' | 'REFUSED' | 'CHECKED';

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** A problem of the file: the line (the header is line 1), the column and value when known, and why. */
export interface ImportProblem {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** The server's answer to an import it ran (the JSON of a 200 or a 422). */
export interface ImportResult {
  status: ImportStatus;
  counts: ImportCounts;
  partnersCreated: number;
  /** In line order; at most 10,000 of them. */
  problems: ImportProblem[];
  /** Every problem, those not listed included. */
  problemCount: number;
  /** With `skipInvalid`, when rows were rejected: those rows as CSV, with a `problem` column. */
  rejectedCsv?: string;
  importId?: number;
}

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  /** Write the valid rows and give back the rejected ones, instead of all or nothing. */
  skipInvalid: boolean;
  /** Validate and merge, then roll back: what the import would do. */
  dryRun: boolean;
}

/** Why no result came back: the HTTP status (0: no answer at all) and the server's own words, if any. */
export interface ImportFailure {
  status: number;
  message: string | null;
}

export type ImportAnswer = { ok: true; result: ImportResult } | { ok: false; failure: ImportFailure };

/** The address of an import: `/api/import/contributions?name=…&skipInvalid=…&dryRun=…`. */
export function importUrl({ kind, file, skipInvalid, dryRun }: ImportRequest): string {
  const query = new URLSearchParams({ name: file.name, skipInvalid: String(skipInvalid), dryRun: String(dryRun) });
  return `/api/import/${encodeURIComponent(kind)}?${query}`;
}

const STATUSES: readonly string[] = ['DONE', 'REFUSED', 'CHECKED'] satisfies ImportStatus[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The result in a JSON body, or null when the body is not one (an error, a proxy's page). */
export function readImportResult(body: unknown): ImportResult | null {
  if (!isRecord(body) || typeof body.status !== 'string' || !STATUSES.includes(body.status)) return null;
  const counts = isRecord(body.counts) ? body.counts : {};
  const problems = Array.isArray(body.problems) ? body.problems.filter(isRecord) : [];
  return {
    status: body.status as ImportStatus,
    counts: {
      inserted: count(counts.inserted),
      updated: count(counts.updated),
      unchanged: count(counts.unchanged),
      rejected: count(counts.rejected),
    },
    partnersCreated: count(body.partnersCreated),
    problems: problems.map((problem) => ({
      line: count(problem.line),
      column: text(problem.column),
      value: text(problem.value),
      reason: text(problem.reason) ?? '',
    })),
    problemCount: Math.max(count(body.problemCount), problems.length),
    ...(typeof body.rejectedCsv === 'string' && body.rejectedCsv ? { rejectedCsv: body.rejectedCsv } : {}),
    ...(typeof body.importId === 'number' ? { importId: body.importId } : {}),
  };
}

/** Sends a file to the server's import and reads its answer; never throws but for an abort. */
export async function sendImport(
  request: ImportRequest,
  { fetch: fetchImpl = globalThis.fetch, signal }: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<ImportAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(importUrl(request), {
      method: 'POST',
      // The file's own type may be anything ("application/vnd.ms-excel" on Windows): the server wants text/csv.
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: request.file,
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, failure: { status: 0, message: error instanceof Error ? error.message : String(error) } };
  }
  const body: unknown = await response.json().catch(() => null);
  const result = response.status === 200 || response.status === 422 ? readImportResult(body) : null;
  if (result) return { ok: true, result };
  return { ok: false, failure: { status: response.status, message: isRecord(body) ? text(body.error) : null } };
}
