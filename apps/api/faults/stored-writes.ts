import type { ContributionsFile } from './contributions-upload';

/**
 * What the database holds after writes were cut short: the totals, what an import of a generated
 * contributions file left of itself with its records, the history of targets with their audit
 * entries, and whether the tables agree with their indexes. Read with SQL straight from the
 * database (on PGlite, with the server stopped: its data folder opened in the test's process).
 */

/** SQL over the database: rows as objects. */
export type Sql = <Row>(text: string, params?: unknown[]) => Promise<Row[]>;

export interface StoredTotals {
  contributions: number;
  partners: number;
  /** The sum of the contributions dated in the range, as exact decimal text. */
  revenueUsd: string;
}

export async function storedTotals(sql: Sql, range: { from: string; to: string }): Promise<StoredTotals> {
  const [row] = await sql<StoredTotals>(
    `SELECT (SELECT count(*) FROM contributions)::int AS contributions,
            (SELECT count(*) FROM partners)::int AS partners,
            (SELECT coalesce(sum(amount_usd), 0)::text FROM contributions WHERE date BETWEEN $1 AND $2) AS "revenueUsd"`,
    [range.from, range.to],
  );
  if (!row) throw new Error('no totals');
  return row;
}

/** The totals, and what one file (by its refs' prefix and its name) left of itself. */
export interface ImportState extends StoredTotals {
  fileRows: number;
  /** The sum of the file's stored amounts, in cents. */
  fileCents: string;
  filePartners: number;
  /** CREATE entries of the audit trail for the file's partners. */
  filePartnerCreations: number;
  partnersWithoutContributions: number;
  /** The `imports` rows (DONE) of the file, each with its IMPORT audit entries that give its count. */
  fileImports: { id: number; inserted: number; audits: number }[];
  doneImportsWithoutAudit: number;
  importAuditsWithoutImport: number;
}

export async function importState(
  sql: Sql,
  file: ContributionsFile,
  name: string,
  range: { from: string; to: string },
): Promise<ImportState> {
  const [row] = await sql<Omit<ImportState, keyof StoredTotals>>(
    `SELECT (SELECT count(*) FROM contributions WHERE external_ref LIKE $1 || '-C-%')::int AS "fileRows",
            (SELECT coalesce(sum(amount_usd * 100), 0)::bigint::text FROM contributions
              WHERE external_ref LIKE $1 || '-C-%') AS "fileCents",
            (SELECT count(*) FROM partners WHERE external_ref LIKE $1 || '-P-%')::int AS "filePartners",
            (SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity = 'Partner'
               AND after->>'externalRef' LIKE $1 || '-P-%')::int AS "filePartnerCreations",
            (SELECT count(*) FROM partners p WHERE NOT EXISTS
               (SELECT 1 FROM contributions c WHERE c.partner_id = p.id))::int AS "partnersWithoutContributions",
            (SELECT coalesce(json_agg(json_build_object('id', i.id, 'inserted', i.inserted,
                      'audits', (SELECT count(*) FROM audit_log a WHERE a.action = 'IMPORT' AND a.entity = 'Import'
                                   AND a.entity_id = i.id::text AND (a.after->'counts'->>'inserted')::int = i.inserted))
                    ORDER BY i.id), '[]')
               FROM imports i WHERE i.file_name = $2 AND i.status = 'DONE') AS "fileImports",
            (SELECT count(*) FROM imports i WHERE i.status = 'DONE' AND NOT EXISTS
               (SELECT 1 FROM audit_log a WHERE a.action = 'IMPORT' AND a.entity_id = i.id::text))::int
              AS "doneImportsWithoutAudit",
            (SELECT count(*) FROM audit_log a WHERE a.action = 'IMPORT' AND NOT EXISTS
               (SELECT 1 FROM imports i WHERE i.status = 'DONE' AND i.id::text = a.entity_id))::int
              AS "importAuditsWithoutImport"`,
    [file.prefix, name],
  );
  if (!row) throw new Error('no import state');
  const fileImports = (
    typeof row.fileImports === 'string' ? JSON.parse(row.fileImports) : row.fileImports
  ) as ImportState['fileImports'];
  return { ...(await storedTotals(sql, range)), ...row, fileImports };
}

/** A target with its history: its versions and the audit entries that record them. */
export interface TargetHistory {
  scope: string;
  version: number;
  value: string;
  /** Rows of `target_versions`, and the first and last version among them. */
  versions: number;
  first: number;
  last: number;
  /** The value of the version the target says it is at. */
  lastValue: string;
  /** Versions without the audit entry (CREATE for the first, UPDATE after) of that version and value. */
  versionsWithoutAudit: number;
  /** Audit entries of the target. */
  audits: number;
}

export function targetHistories(sql: Sql, metricCode: string, year: number): Promise<TargetHistory[]> {
  return sql<TargetHistory>(
    `SELECT t.scope_code AS scope, t.version, t.value::text AS value,
            count(v.id)::int AS versions, min(v.version) AS first, max(v.version) AS last,
            (SELECT l.value::text FROM target_versions l WHERE l.target_id = t.id AND l.version = t.version) AS "lastValue",
            count(v.id) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM audit_log a
               WHERE a.entity = 'Target' AND a.entity_id = t.id::text
                 AND a.action = CASE WHEN v.version = 1 THEN 'CREATE' ELSE 'UPDATE' END
                 AND (a.after->>'version')::int = v.version AND (a.after->>'value')::numeric = v.value))::int
              AS "versionsWithoutAudit",
            (SELECT count(*) FROM audit_log a WHERE a.entity = 'Target' AND a.entity_id = t.id::text)::int AS audits
       FROM targets t LEFT JOIN target_versions v ON v.target_id = t.id
      WHERE t.metric_code = $1 AND t.year = $2
      GROUP BY t.id ORDER BY t.scope_code`,
    [metricCode, year],
  );
}

/** Every stored version of the targets of a metric and year: scope, version, value. */
export function targetVersionValues(
  sql: Sql,
  metricCode: string,
  year: number,
): Promise<{ scope: string; version: number; value: string }[]> {
  return sql(
    `SELECT t.scope_code AS scope, v.version, v.value::text AS value
       FROM targets t JOIN target_versions v ON v.target_id = t.id
      WHERE t.metric_code = $1 AND t.year = $2`,
    [metricCode, year],
  );
}

/**
 * Whether the tables and their indexes agree: the rows counted through the primary key's index
 * and by a sequential scan, for the tables that imports and target edits write.
 */
export async function indexMismatches(sql: Sql): Promise<string[]> {
  const mismatches: string[] = [];
  for (const table of ['contributions', 'partners', 'audit_log', 'imports', 'targets', 'target_versions']) {
    await sql('SET enable_seqscan = off');
    const [viaIndex] = await sql<{ n: number }>(`SELECT count(id)::int AS n FROM ${table} WHERE id > -1`);
    await sql('RESET enable_seqscan');
    await sql('SET enable_indexscan = off');
    await sql('SET enable_indexonlyscan = off');
    await sql('SET enable_bitmapscan = off');
    const [viaHeap] = await sql<{ n: number }>(`SELECT count(id)::int AS n FROM ${table} WHERE id > -1`);
    await sql('RESET ALL');
    if (viaIndex?.n !== viaHeap?.n) mismatches.push(`${table}: ${viaIndex?.n} by index, ${viaHeap?.n} by heap`);
  }
  return mismatches;
}
