import type { Actor } from '@panorama/db';
import type { Problem } from './problems';
import type { RawClient } from './raw-client';
import { STAGING_TABLE } from './staging';

/** A staged row that the database refuses, with its original fields when they were kept. */
export interface StagedProblem {
  line: number;
  fields: readonly string[] | null;
  problem: Problem;
}

interface ProblemRow {
  line: number;
  fields: string | null;
  column: string;
  value: string | null;
  reason: string;
}

/**
 * Runs checks over the staging table. `checks` are SELECTs of `s.line, s.fields, <column>,
 * <value>, <reason>` from `${STAGING_TABLE} s`, joined with UNION ALL; `$1` is the REGIONAL
 * actor's region (NULL for everyone else).
 */
export async function stagedProblems(
  client: RawClient,
  actor: Actor,
  checks: readonly string[],
): Promise<StagedProblem[]> {
  const { rows } = await client.query<ProblemRow>(`${checks.join('\nUNION ALL\n')}\nORDER BY 1, 3`, [
    regionalRegion(actor),
  ]);
  return rows.map((row) => ({
    line: row.line,
    fields: row.fields === null ? null : (JSON.parse(row.fields) as string[]),
    problem: { line: row.line, column: row.column, value: row.value, reason: row.reason },
  }));
}

/** The region a REGIONAL actor is held to; `null` for the other roles. */
export function regionalRegion(actor: Actor): string | null {
  return actor.role === 'REGIONAL' ? actor.regionCode : null;
}

/**
 * The check that a REGIONAL actor does not overwrite a stored row of another region: rows of
 * `table` matched on `external_ref`, compared on `region_code`; `one` and `many` name the rows
 * ("a contribution", "contributions").
 */
export function otherRegionCheck(table: string, one: string, many: string): string {
  return `SELECT s.line, s.fields, 'external_ref' AS "column", s.external_ref AS value,
      format('is %s of region %s: a REGIONAL user of %s changes %s of %s only', '${one}', t.region_code, $1::text, '${many}', $1::text) AS reason
     FROM ${STAGING_TABLE} s JOIN ${table} t ON t.external_ref = s.external_ref
    WHERE $1::text IS NOT NULL AND t.region_code <> $1::text`;
}

/** The check that a `partnership_ref` names a stored partnership. */
export const PARTNERSHIP_EXISTS_CHECK = `SELECT s.line, s.fields, 'partnership_ref', s.partnership_ref,
    'no partnership has this external ref: import or create it first'
   FROM ${STAGING_TABLE} s
  WHERE s.partnership_ref IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM partnerships ps WHERE ps.external_ref = s.partnership_ref)`;

/** A `jsonb_build_object` of `alias`'s columns, keyed by the API's names: `{ apiName: column }`. */
export function auditJson(alias: string, columns: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(columns).map(([name, column]) => `'${name}', ${alias}.${column}`);
  return `jsonb_build_object(${pairs.join(', ')})`;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Partners created along the way (contributions only). */
  partnersCreated: number;
}

export interface UpsertSpec {
  table: string;
  /** The audit trail's entity name, such as `Contribution`. */
  entity: string;
  /** The columns compared to tell an update from an unchanged row, written with `external_ref`. */
  compared: readonly string[];
  /** A SELECT of `external_ref` then the compared columns, from the staging table. */
  source: string;
  /** The audit entry's JSON of a row (see {@link auditJson}). */
  audit: (alias: string) => string;
  /**
   * Whether each created row gets its own CREATE entry. Bulk facts (contributions, impact
   * records) do not: the import's own IMPORT entry counts them, and a million entries would
   * double the import's work; every changed row gets its UPDATE entry all the same.
   */
  auditCreates: boolean;
}

/**
 * Merges the staged rows into `spec.table` on `external_ref`, in two statements (the import
 * holds its kind's lock, so nobody else adds rows in between): the stored rows that differ in a
 * compared column are updated, each with its UPDATE audit entry (before and after); then the
 * new ones are inserted, each with a CREATE entry when `spec.auditCreates`. A plain INSERT of the
 * new rows does half the work of an upsert over all of them. The counts are the rows each
 * statement wrote, so they are exact: unchanged = staged − inserted − updated.
 */
export async function upsertAudited(client: RawClient, actor: Actor, spec: UpsertSpec): Promise<MergeCounts> {
  const columns = ['external_ref', ...spec.compared];
  const source = `src (${columns.join(', ')}) AS (${spec.source})`;
  const tuple = (alias: string) => `(${spec.compared.map((c) => `${alias}.${c}`).join(', ')})`;
  /** An audit entry for every row `w` of `rows` (and its earlier version `b`, for an UPDATE). */
  const audit = (action: 'CREATE' | 'UPDATE', rows: string) =>
    `INSERT INTO audit_log (user_id, user_email, action, entity, entity_id, region_code, before, after)
     SELECT $1, $2, '${action}', '${spec.entity}', w.id::text, w.region_code,
            ${action === 'UPDATE' ? spec.audit('b') : 'NULL'}, ${spec.audit('w')}
       FROM ${rows}
     RETURNING 1`;
  const who = [actor.userId, actor.email];

  const updated = await client.query<{ n: number }>(
    `WITH ${source},
     changed AS (
       SELECT t.id, src.* FROM src JOIN ${spec.table} t ON t.external_ref = src.external_ref
        WHERE ${tuple('t')} IS DISTINCT FROM ${tuple('src')}),
     updated AS (
       UPDATE ${spec.table} t SET ${spec.compared.map((c) => `${c} = changed.${c}`).join(', ')}
         FROM changed WHERE t.id = changed.id
       RETURNING t.*),
     -- Sees the table as it was before this statement: the stored rows the update replaced.
     previous AS (
       SELECT t.* FROM ${spec.table} t JOIN updated u ON u.id = t.id),
     audited AS (${audit('UPDATE', 'updated w JOIN previous b ON b.id = w.id')})
     SELECT count(*)::int AS n FROM updated`,
    who,
  );
  const inserted = await client.query<{ n: number }>(
    `WITH ${source},
     inserted AS (
       INSERT INTO ${spec.table} (${columns.join(', ')})
       SELECT * FROM src WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.external_ref = src.external_ref)
       RETURNING ${spec.auditCreates ? '*' : 'id'})
     ${spec.auditCreates ? `, audited AS (${audit('CREATE', 'inserted w')})` : ''}
     SELECT count(*)::int AS n FROM inserted`,
    spec.auditCreates ? who : [],
  );
  const staged = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${STAGING_TABLE}`);
  const counts = { inserted: inserted.rows[0]?.n ?? 0, updated: updated.rows[0]?.n ?? 0 };
  return { ...counts, unchanged: (staged.rows[0]?.n ?? 0) - counts.inserted - counts.updated, partnersCreated: 0 };
}

/**
 * The check that a key appears once in the file: every line of a repeated key is a problem,
 * naming the first line and its own (the first line names the second). `keys` are expressions
 * over the staging table (NULL-free: `coalesce` a nullable column); `value` is the value shown
 * and `what` a text expression naming the key.
 */
export function uniqueInFileCheck(keys: readonly string[], column: string, value: string, what: string): string {
  const key = keys.join(', ');
  return `SELECT d.line, d.fields, '${column}' AS "column", d.value,
      format('%s must appear once in the file; it is on line %s and on line %s', d.what, d.first,
             CASE WHEN d.line = d.first THEN d.second ELSE d.line END) AS reason
     FROM (SELECT s.line, s.fields, ${value} AS value, ${what} AS what,
                  min(s.line) OVER w AS first, nth_value(s.line, 2) OVER w AS second
             FROM ${STAGING_TABLE} s
            WHERE (${key}) IN (SELECT ${key} FROM ${STAGING_TABLE} s GROUP BY ${key} HAVING count(*) > 1)
           WINDOW w AS (PARTITION BY ${key} ORDER BY s.line ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) d`;
}

/** The check that an `external_ref` appears once in the file. */
export const UNIQUE_EXTERNAL_REF_CHECK = uniqueInFileCheck(
  ['s.external_ref'],
  'external_ref',
  's.external_ref',
  `'an external_ref'`,
);
