import type { Actor } from '@panorama/db';
import type { Loader } from './loader';
import { PARTNER_AUDIT } from './merge-partners';
import type { RawClient } from './raw-client';
import {
  auditJson,
  type MergeCounts,
  otherRegionCheck,
  PARTNERSHIP_EXISTS_CHECK,
  type StagedProblem,
  stagedProblems,
  UNIQUE_EXTERNAL_REF_CHECK,
  upsertAudited,
} from './staged';
import { STAGING_TABLE } from './staging';

/** Partner refs named or typed differently on two rows of the file, and the first row of each. */
const PARTNER_FIRST_ROWS = `(SELECT DISTINCT ON (s.partner_ref) s.partner_ref, s.partner_name, s.partner_type, s.line
    FROM ${STAGING_TABLE} s
   WHERE s.partner_ref IN (SELECT partner_ref FROM ${STAGING_TABLE} GROUP BY partner_ref
                            HAVING min(partner_name) <> max(partner_name) OR min(partner_type) <> max(partner_type))
   ORDER BY s.partner_ref, s.line)`;

/** Every row of a partner must name it as its first row does. */
const SAME_PARTNER_CHECKS = [
  `SELECT s.line, s.fields, 'partner_name', s.partner_name,
      format('partner_ref %s is named %s on line %s: every row of a partner must give the same partner_name', s.partner_ref, to_json(f.partner_name), f.line)
     FROM ${STAGING_TABLE} s JOIN ${PARTNER_FIRST_ROWS} f ON f.partner_ref = s.partner_ref
    WHERE s.partner_name <> f.partner_name`,
  `SELECT s.line, s.fields, 'partner_type', s.partner_type,
      format('partner_ref %s has partner_type %s on line %s: every row of a partner must give the same partner_type', s.partner_ref, f.partner_type, f.line)
     FROM ${STAGING_TABLE} s JOIN ${PARTNER_FIRST_ROWS} f ON f.partner_ref = s.partner_ref
    WHERE s.partner_type <> f.partner_type`,
];

/**
 * Duplicated external refs and partners named two ways in the file, and what only the database can tell about the staged rows: a partner stored with another name or
 * type, a partnership that does not exist (any more), and, for a REGIONAL actor, a stored
 * contribution of another region that a row would overwrite.
 */
export function checkStagedContributions(client: RawClient, actor: Actor): Promise<StagedProblem[]> {
  return stagedProblems(client, actor, [
    `SELECT s.line, s.fields, 'partner_name' AS "column", s.partner_name AS value,
        format('partner_ref %s is stored as %s: every row of a partner must give its stored partner_name', s.partner_ref, to_json(p.name)) AS reason
       FROM ${STAGING_TABLE} s JOIN partners p ON p.external_ref = s.partner_ref
      WHERE p.name <> s.partner_name`,
    `SELECT s.line, s.fields, 'partner_type', s.partner_type,
        format('partner_ref %s is stored as a partner of type %s: every row of a partner must give its stored partner_type', s.partner_ref, p.partner_type)
       FROM ${STAGING_TABLE} s JOIN partners p ON p.external_ref = s.partner_ref
      WHERE p.partner_type <> s.partner_type`,
    UNIQUE_EXTERNAL_REF_CHECK,
    ...SAME_PARTNER_CHECKS,
    PARTNERSHIP_EXISTS_CHECK,
    otherRegionCheck('contributions', 'a contribution', 'contributions'),
  ]);
}

/** A contribution as the audit trail shows it (the API's camelCase names, money as text). */
const CONTRIBUTION_AUDIT = (alias: string) =>
  auditJson(alias, {
    id: 'id',
    externalRef: 'external_ref',
    date: 'date',
    amountUsd: 'amount_usd::text',
    incomeStream: 'income_stream',
    kind: 'kind',
    partnerId: 'partner_id',
    objectiveCode: 'objective_code',
    regionCode: 'region_code',
    countryIso3: 'country_iso3',
    partnershipId: 'partnership_id',
    createdAt: 'created_at',
  });

/**
 * Merges the staged contributions: creates the partners they name that do not exist yet (scope
 * LOCAL, in the region of their first row, each with its CREATE audit entry), then upserts the
 * contributions on `external_ref` (see {@link upsertAudited}).
 */
export async function mergeContributions(client: RawClient, actor: Actor): Promise<MergeCounts> {
  const partners = await client.query<{ created: number }>(
    `WITH created AS (
       INSERT INTO partners (external_ref, name, partner_type, scope, region_code)
       SELECT DISTINCT ON (partner_ref) partner_ref, partner_name, partner_type, 'LOCAL', region_code
         FROM ${STAGING_TABLE} ORDER BY partner_ref, line
       ON CONFLICT (external_ref) DO NOTHING
       RETURNING *),
     audited AS (
       INSERT INTO audit_log (user_id, user_email, action, entity, entity_id, region_code, after)
       SELECT $1, $2, 'CREATE', 'Partner', p.id::text, p.region_code, ${PARTNER_AUDIT('p')}
         FROM created p
       RETURNING 1)
     SELECT count(*)::int AS created FROM audited`,
    [actor.userId, actor.email],
  );
  const merged = await upsertAudited(client, actor, {
    table: 'contributions',
    entity: 'Contribution',
    compared: [
      'date',
      'amount_usd',
      'income_stream',
      'kind',
      'partner_id',
      'objective_code',
      'region_code',
      'country_iso3',
      'partnership_id',
    ],
    source: `SELECT s.external_ref, s.date, s.amount_usd, s.income_stream, s.kind, p.id, s.objective_code, s.region_code,
                    s.country_iso3, ps.id
               FROM ${STAGING_TABLE} s
               JOIN partners p ON p.external_ref = s.partner_ref
               LEFT JOIN partnerships ps ON ps.external_ref = s.partnership_ref`,
    audit: CONTRIBUTION_AUDIT,
    auditCreates: false,
  });
  return { ...merged, partnersCreated: partners.rows[0]?.created ?? 0 };
}

/** Contributions: staged with their partner's ref, name and type; partners created as needed. */
export const CONTRIBUTIONS: Loader<'contributions'> = {
  kind: 'contributions',
  columns: [
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
  ],
  cells: (row) => [
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
  ],
  region: (row) => row.regionCode,
  check: checkStagedContributions,
  merge: mergeContributions,
};
