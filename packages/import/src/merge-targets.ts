import type { Loader } from './loader';
import { auditJson, type MergeCounts, stagedProblems, uniqueInFileCheck } from './staged';
import { STAGING_TABLE } from './staging';

/** A target as the audit trail shows it (the API's camelCase names, the value as text). */
const TARGET_AUDIT = (alias: string) =>
  auditJson(alias, {
    id: 'id',
    metricCode: 'metric_code',
    scopeType: 'scope_type',
    scopeCode: 'scope_code',
    regionCode: 'region_code',
    countryIso3: 'country_iso3',
    year: 'year',
    quarter: 'quarter',
    value: 'value::text',
    version: 'version',
    setBy: 'set_by',
    setAt: 'set_at',
  });

/** The region that answers for a staged target (as row-level security sees it). */
const WRITER_REGION = 'panorama_target_region(s.scope_type, s.scope_code, s.year)';

interface Written {
  id: number;
  version: number;
  value: string;
  previous_value: string | null;
  set_at: string;
  region: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Targets, keyed by metric × scope × year × quarter. A changed value bumps the target's version
 * and is kept in `target_versions`, like `setTarget`; the same value changes nothing.
 */
export const TARGETS: Loader<'targets'> = {
  kind: 'targets',
  columns: [
    'metric_code text NOT NULL',
    'scope_type text NOT NULL',
    'scope_code text NOT NULL',
    'region_code text',
    'country_iso3 text',
    'year integer NOT NULL',
    'quarter integer',
    'value numeric(18, 4) NOT NULL',
  ],
  cells: (row) => [
    row.metricCode,
    row.scopeType,
    row.scopeCode,
    row.regionCode,
    row.countryIso3,
    row.year,
    row.quarter,
    row.value,
  ],
  region: () => null,
  check: (client, actor) =>
    stagedProblems(client, actor, [
      uniqueInFileCheck(
        ['s.metric_code', 's.scope_code', 's.year', 'coalesce(s.quarter, 0)'],
        'metric_code',
        's.metric_code',
        `format('the target of %s for %s in %s%s', s.metric_code, s.scope_code, s.year, ' Q' || s.quarter)`,
      ),
      `SELECT s.line, s.fields, 'scope' AS "column", s.scope_code AS value,
          format('country %s had no bureau in %s: it was not a country office that year', s.scope_code, s.year) AS reason
         FROM ${STAGING_TABLE} s
        WHERE s.scope_type = 'COUNTRY' AND ${WRITER_REGION} IS NULL`,
      `SELECT s.line, s.fields, 'scope', s.scope_code,
          CASE WHEN s.scope_type = 'GLOBAL' THEN 'GLOBAL targets are set by ADMIN users only'
               ELSE format('is a target of region %s in %s: a REGIONAL user of %s sets the targets of %s and its country offices only',
                           ${WRITER_REGION}, s.year, $1::text, $1::text) END
         FROM ${STAGING_TABLE} s
        WHERE $1::text IS NOT NULL AND ${WRITER_REGION} IS NOT NULL AND ${WRITER_REGION} <> $1::text
           OR $1::text IS NOT NULL AND s.scope_type = 'GLOBAL'`,
    ]),
  merge: mergeTargets,
};

async function mergeTargets(
  client: Parameters<Loader<'targets'>['merge']>[0],
  actor: Parameters<Loader<'targets'>['merge']>[1],
): Promise<MergeCounts> {
  const { rows } = await client.query<Written>(
    `WITH written AS (
       INSERT INTO targets (metric_code, scope_type, scope_code, region_code, country_iso3, year, quarter, value, version, set_by)
       SELECT metric_code, scope_type, scope_code, region_code, country_iso3, year, quarter, value, 1, $1
         FROM ${STAGING_TABLE}
       ON CONFLICT ON CONSTRAINT targets_key DO UPDATE
         SET value = EXCLUDED.value, version = targets.version + 1, set_by = EXCLUDED.set_by, set_at = now()
         WHERE targets.value IS DISTINCT FROM EXCLUDED.value
       RETURNING *),
     -- Sees the table as it was before this statement: the stored targets the upsert replaced.
     previous AS (
       SELECT t.* FROM targets t JOIN written w ON w.id = t.id)
     SELECT w.id, w.version, w.value::text AS value, b.value::text AS previous_value, w.set_at::text AS set_at,
            panorama_target_region(w.scope_type, w.scope_code, w.year) AS region,
            CASE WHEN b.id IS NULL THEN NULL ELSE ${TARGET_AUDIT('b')} END AS before, ${TARGET_AUDIT('w')} AS after
       FROM written w LEFT JOIN previous b ON b.id = w.id`,
    [actor.email],
  );
  if (rows.length > 0) {
    // A statement of its own: row-level security on target_versions looks the target up.
    await client.query(
      `WITH versions AS (
         INSERT INTO target_versions (target_id, version, value, previous_value, set_by, set_at)
         SELECT w.id, w.version, w.value::numeric, w.previous_value::numeric, $3, w.set_at
           FROM json_to_recordset($1::json) AS w(id integer, version integer, value text, previous_value text, set_at timestamptz)
         RETURNING 1)
       INSERT INTO audit_log (user_id, user_email, action, entity, entity_id, region_code, before, after)
       SELECT $2, $3, CASE WHEN w.before IS NULL THEN 'CREATE' ELSE 'UPDATE' END, 'Target', w.id::text, w.region, w.before, w.after
         FROM json_to_recordset($1::json) AS w(id integer, region text, before jsonb, after jsonb)`,
      [JSON.stringify(rows), actor.userId, actor.email],
    );
  }
  const staged = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${STAGING_TABLE}`);
  const inserted = rows.filter((row) => row.previous_value === null).length;
  const updated = rows.length - inserted;
  return { inserted, updated, unchanged: (staged.rows[0]?.n ?? 0) - rows.length, partnersCreated: 0 };
}
