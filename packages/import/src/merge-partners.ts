import type { Loader } from './loader';
import { auditJson, otherRegionCheck, stagedProblems, UNIQUE_EXTERNAL_REF_CHECK, upsertAudited } from './staged';
import { STAGING_TABLE } from './staging';

/** A partner as the audit trail shows it (the API's camelCase names). */
export const PARTNER_AUDIT = (alias: string) =>
  auditJson(alias, {
    id: 'id',
    externalRef: 'external_ref',
    name: 'name',
    partnerType: 'partner_type',
    scope: 'scope',
    regionCode: 'region_code',
    countryIso3: 'country_iso3',
    sector: 'sector',
  });

/** Partners, upserted on `external_ref`. */
export const PARTNERS: Loader<'partners'> = {
  kind: 'partners',
  columns: [
    'external_ref text NOT NULL',
    'name text NOT NULL',
    'partner_type text NOT NULL',
    'scope text NOT NULL',
    'region_code text NOT NULL',
    'country_iso3 text',
    'sector text',
  ],
  cells: (row) => [row.externalRef, row.name, row.partnerType, row.scope, row.regionCode, row.countryIso3, row.sector],
  region: (row) => row.regionCode,
  check: (client, actor) =>
    stagedProblems(client, actor, [UNIQUE_EXTERNAL_REF_CHECK, otherRegionCheck('partners', 'a partner', 'partners')]),
  merge: (client, actor) =>
    upsertAudited(client, actor, {
      table: 'partners',
      entity: 'Partner',
      compared: ['name', 'partner_type', 'scope', 'region_code', 'country_iso3', 'sector'],
      source: `SELECT external_ref, name, partner_type, scope, region_code, country_iso3, sector FROM ${STAGING_TABLE}`,
      audit: PARTNER_AUDIT,
      auditCreates: true,
    }),
};
