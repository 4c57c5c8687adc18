import type { Actor } from '@panorama/db';
import type { Problem } from './problems';
import type { RawClient } from './raw-client';
import type { ContributionRow } from './rows';
import { type Cell, STAGING_TABLE } from './staging';

/** The staging table's columns for contributions: the file's line, the normalized row, the original fields (JSON, kept only to write rejected rows). */
export const CONTRIBUTION_STAGING_COLUMNS = [
  'line integer NOT NULL',
  'external_ref text NOT NULL',
  'date date NOT NULL',
  'amount_usd numeric(14, 2) NOT NULL',
  'income_stream text NOT NULL',
  'kind text NOT NULL',
  'partner_ref text NOT NULL',
  'partner_name text NOT NULL',
  'partner_type text NOT NULL',
  'region_code text NOT NULL',
  'country_iso3 text',
  'objective_code text NOT NULL',
  'partnership_ref text',
  'fields text',
] as const;

export const CONTRIBUTION_STAGING_NAMES = CONTRIBUTION_STAGING_COLUMNS.map((column) => column.split(' ')[0] as string);

/** One staged row, in {@link CONTRIBUTION_STAGING_COLUMNS} order. */
export function contributionCells(line: number, row: ContributionRow, fields: readonly string[] | null): Cell[] {
  return [
    line,
    row.externalRef,
    row.date,
    row.amountUsd,
    row.incomeStream,
    row.kind,
    row.partnerRef,
    row.partnerName,
    row.partnerType,
    row.regionCode,
    row.countryIso3,
    row.objectiveCode,
    row.partnershipRef,
    fields === null ? null : JSON.stringify(fields),
  ];
}

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
 * What only the database can tell about the staged rows: a partner stored with another name or
 * type, a partnership that does not exist (any more), and, for a REGIONAL actor, a stored
 * contribution of another region that a row would overwrite.
 */
export async function checkStagedContributions(client: RawClient, actor: Actor): Promise<StagedProblem[]> {
  const { rows } = await client.query<ProblemRow>(
    `SELECT s.line, s.fields, 'partner_name' AS "column", s.partner_name AS value,
        format('partner_ref %s is stored as %s: every row of a partner must give its stored partner_name', s.partner_ref, to_json(p.name)) AS reason
       FROM ${STAGING_TABLE} s JOIN partners p ON p.external_ref = s.partner_ref
      WHERE p.name <> s.partner_name
     UNION ALL
     SELECT s.line, s.fields, 'partner_type', s.partner_type,
        format('partner_ref %s is stored as a partner of type %s: every row of a partner must give its stored partner_type', s.partner_ref, p.partner_type)
       FROM ${STAGING_TABLE} s JOIN partners p ON p.external_ref = s.partner_ref
      WHERE p.partner_type <> s.partner_type
     UNION ALL
     SELECT s.line, s.fields, 'partnership_ref', s.partnership_ref,
        'no partnership has this external ref: import or create it first'
       FROM ${STAGING_TABLE} s
      WHERE s.partnership_ref IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM partnerships ps WHERE ps.external_ref = s.partnership_ref)
     UNION ALL
     SELECT s.line, s.fields, 'external_ref', s.external_ref,
        format('is a contribution of region %s: a REGIONAL user of %s changes contributions of %s only', c.region_code, $1::text, $1::text)
       FROM ${STAGING_TABLE} s JOIN contributions c ON c.external_ref = s.external_ref
      WHERE $1::text IS NOT NULL AND c.region_code <> $1::text
     ORDER BY 1, 3`,
    [actor.role === 'REGIONAL' ? actor.regionCode : null],
  );
  return rows.map((row) => ({
    line: row.line,
    fields: row.fields === null ? null : (JSON.parse(row.fields) as string[]),
    problem: { line: row.line, column: row.column, value: row.value, reason: row.reason },
  }));
}

/** The contribution columns compared to tell an update from an unchanged row. */
const COMPARED = [
  'date',
  'amount_usd',
  'income_stream',
  'kind',
  'partner_id',
  'objective_code',
  'region_code',
  'country_iso3',
  'partnership_id',
] as const;

/** A contribution as the audit trail shows it (the API's camelCase names, money as text). */
const AUDIT_JSON = (alias: string) => `jsonb_build_object(
  'id', ${alias}.id, 'externalRef', ${alias}.external_ref, 'date', ${alias}.date, 'amountUsd', ${alias}.amount_usd::text,
  'incomeStream', ${alias}.income_stream, 'kind', ${alias}.kind, 'partnerId', ${alias}.partner_id,
  'objectiveCode', ${alias}.objective_code, 'regionCode', ${alias}.region_code, 'countryIso3', ${alias}.country_iso3,
  'partnershipId', ${alias}.partnership_id, 'createdAt', ${alias}.created_at)`;

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  partnersCreated: number;
}

/**
 * Merges the staged contributions: creates the partners they name that do not exist yet (scope
 * LOCAL, in the region of their first row), then upserts the contributions on `external_ref`,
 * updating a stored one only when a column differs. Every created or changed row gets its
 * CREATE or UPDATE entry in the audit trail, written by the same statement; the counts come from
 * those entries, so they are exact: unchanged = staged − inserted − updated.
 */
export async function mergeContributions(client: RawClient, actor: Actor): Promise<MergeCounts> {
  const who = [actor.userId, actor.email];
  const partners = await client.query<{ created: number }>(
    `WITH created AS (
       INSERT INTO partners (external_ref, name, partner_type, scope, region_code)
       SELECT DISTINCT ON (partner_ref) partner_ref, partner_name, partner_type, 'LOCAL', region_code
         FROM ${STAGING_TABLE} ORDER BY partner_ref, line
       ON CONFLICT (external_ref) DO NOTHING
       RETURNING *),
     audited AS (
       INSERT INTO audit_log (user_id, user_email, action, entity, entity_id, region_code, after)
       SELECT $1, $2, 'CREATE', 'Partner', p.id::text, p.region_code,
              jsonb_build_object('id', p.id, 'externalRef', p.external_ref, 'name', p.name, 'partnerType', p.partner_type,
                'scope', p.scope, 'regionCode', p.region_code, 'countryIso3', p.country_iso3, 'sector', p.sector)
         FROM created p
       RETURNING 1)
     SELECT count(*)::int AS created FROM audited`,
    who,
  );
  const columns = COMPARED.join(', ');
  const result = await client.query<{ inserted: number; updated: number; staged: number }>(
    `WITH written AS (
       INSERT INTO contributions (external_ref, ${columns})
       SELECT s.external_ref, s.date, s.amount_usd, s.income_stream, s.kind, p.id, s.objective_code, s.region_code,
              s.country_iso3, ps.id
         FROM ${STAGING_TABLE} s
         JOIN partners p ON p.external_ref = s.partner_ref
         LEFT JOIN partnerships ps ON ps.external_ref = s.partnership_ref
       ON CONFLICT (external_ref) DO UPDATE SET ${COMPARED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
         WHERE (${COMPARED.map((c) => `contributions.${c}`).join(', ')})
               IS DISTINCT FROM (${COMPARED.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING *),
     -- Sees the table as it was before this statement: the stored rows the upsert replaced.
     previous AS (
       SELECT c.* FROM contributions c JOIN written w ON w.id = c.id),
     audited AS (
       INSERT INTO audit_log (user_id, user_email, action, entity, entity_id, region_code, before, after)
       SELECT $1, $2, CASE WHEN b.id IS NULL THEN 'CREATE' ELSE 'UPDATE' END, 'Contribution', w.id::text, w.region_code,
              CASE WHEN b.id IS NULL THEN NULL ELSE ${AUDIT_JSON('b')} END, ${AUDIT_JSON('w')}
         FROM written w LEFT JOIN previous b ON b.id = w.id
       RETURNING action)
     SELECT count(*) FILTER (WHERE action = 'CREATE')::int AS inserted,
            count(*) FILTER (WHERE action = 'UPDATE')::int AS updated,
            (SELECT count(*)::int FROM ${STAGING_TABLE}) AS staged
       FROM audited`,
    who,
  );
  const counts = result.rows[0];
  if (!counts) throw new Error('the merge returned no counts');
  return {
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.staged - counts.inserted - counts.updated,
    partnersCreated: partners.rows[0]?.created ?? 0,
  };
}
