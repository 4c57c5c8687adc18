import type { Loader } from './loader';
import {
  auditJson,
  otherRegionCheck,
  PARTNERSHIP_EXISTS_CHECK,
  stagedProblems,
  UNIQUE_EXTERNAL_REF_CHECK,
  upsertAudited,
} from './staged';
import { STAGING_TABLE } from './staging';

/** An impact record as the audit trail shows it (the API's camelCase names, values as text). */
const IMPACT_AUDIT = (alias: string) =>
  auditJson(alias, {
    id: 'id',
    externalRef: 'external_ref',
    date: 'date',
    metricCode: 'metric_code',
    value: 'value::text',
    regionCode: 'region_code',
    countryIso3: 'country_iso3',
    objectiveCode: 'objective_code',
    partnershipId: 'partnership_id',
    createdAt: 'created_at',
  });

/** Impact records, upserted on `external_ref`. */
export const IMPACT: Loader<'impact'> = {
  kind: 'impact',
  columns: [
    'external_ref text NOT NULL',
    'date date NOT NULL',
    'metric_code text NOT NULL',
    'value numeric(18, 4) NOT NULL',
    'region_code text NOT NULL',
    'country_iso3 text',
    'objective_code text NOT NULL',
    'partnership_ref text',
  ],
  cells: (row) => [
    row.externalRef,
    row.date,
    row.metricCode,
    row.value,
    row.regionCode,
    row.countryIso3,
    row.objectiveCode,
    row.partnershipRef,
  ],
  region: (row) => row.regionCode,
  check: (client, actor) =>
    stagedProblems(client, actor, [
      UNIQUE_EXTERNAL_REF_CHECK,
      PARTNERSHIP_EXISTS_CHECK,
      otherRegionCheck('impact_records', 'an impact record', 'impact records'),
    ]),
  merge: (client, actor) =>
    upsertAudited(client, actor, {
      table: 'impact_records',
      entity: 'ImpactRecord',
      compared: ['date', 'metric_code', 'value', 'region_code', 'country_iso3', 'objective_code', 'partnership_id'],
      source: `SELECT s.external_ref, s.date, s.metric_code, s.value, s.region_code, s.country_iso3, s.objective_code, ps.id
                 FROM ${STAGING_TABLE} s LEFT JOIN partnerships ps ON ps.external_ref = s.partnership_ref`,
      audit: IMPACT_AUDIT,
      auditCreates: false,
    }),
};
