import { contributions, impactRecords, opportunities, partners, partnerships } from '@panorama/db';
import { FORMATS } from '@panorama/import';
import { eq, gt, gte, lte, sql } from 'drizzle-orm';
import { detailRowsCondition } from '../schema/detail-access';
import { readablePartnersCondition } from '../schema/partner-access';
import { conditions, decimalText, type ExportList } from './export-list';

/**
 * The lists of partner- and contribution-level detail: a REGIONAL user exports its own region's
 * rows only, as the GraphQL lists give them (`detailRowsCondition`, `readablePartnersCondition`).
 * Contributions, impact records and partners come in their import format.
 */

const importColumns = (kind: keyof typeof FORMATS) => FORMATS[kind].map((column) => column.name);

export const CONTRIBUTIONS: ExportList = {
  noun: 'contributions',
  access: { kind: 'detail' },
  parameters: ['region', 'from', 'to'],
  columns: importColumns('contributions'),
  batch: (viewer, filter, after, size) => sql`
    SELECT ${contributions.id} AS key, ${contributions.externalRef} AS external_ref,
           ${contributions.date}::text AS date, ${contributions.amountUsd}::text AS amount_usd,
           ${contributions.incomeStream} AS income_stream, ${contributions.kind} AS kind,
           ${partners.externalRef} AS partner_ref, ${partners.name} AS partner_name,
           ${partners.partnerType} AS partner_type, ${contributions.regionCode} AS region_code,
           ${contributions.countryIso3} AS country_iso3, ${contributions.objectiveCode} AS objective_code,
           ${partnerships.externalRef} AS partnership_ref
    FROM ${contributions}
    JOIN ${partners} ON ${partners.id} = ${contributions.partnerId}
    LEFT JOIN ${partnerships} ON ${partnerships.id} = ${contributions.partnershipId}
    WHERE ${conditions(
      after === null ? undefined : gt(contributions.id, Number(after)),
      detailRowsCondition(viewer, contributions.regionCode),
      filter.regionCode ? eq(contributions.regionCode, filter.regionCode) : undefined,
      filter.from ? gte(contributions.date, filter.from) : undefined,
      filter.to ? lte(contributions.date, filter.to) : undefined,
    )}
    ORDER BY ${contributions.id}
    LIMIT ${size}`,
};

export const IMPACT_RECORDS: ExportList = {
  noun: 'impact records',
  access: { kind: 'detail' },
  parameters: ['region', 'from', 'to'],
  columns: importColumns('impact'),
  batch: (viewer, filter, after, size) => sql`
    SELECT ${impactRecords.id} AS key, ${impactRecords.externalRef} AS external_ref,
           ${impactRecords.date}::text AS date, ${impactRecords.metricCode} AS metric_code,
           ${decimalText(impactRecords.value)} AS value, ${impactRecords.regionCode} AS region_code,
           ${impactRecords.countryIso3} AS country_iso3, ${impactRecords.objectiveCode} AS objective_code,
           ${partnerships.externalRef} AS partnership_ref
    FROM ${impactRecords}
    LEFT JOIN ${partnerships} ON ${partnerships.id} = ${impactRecords.partnershipId}
    WHERE ${conditions(
      after === null ? undefined : gt(impactRecords.id, Number(after)),
      detailRowsCondition(viewer, impactRecords.regionCode),
      filter.regionCode ? eq(impactRecords.regionCode, filter.regionCode) : undefined,
      filter.from ? gte(impactRecords.date, filter.from) : undefined,
      filter.to ? lte(impactRecords.date, filter.to) : undefined,
    )}
    ORDER BY ${impactRecords.id}
    LIMIT ${size}`,
};

export const PARTNERS: ExportList = {
  noun: 'partners',
  access: { kind: 'detail' },
  parameters: ['region'],
  columns: importColumns('partners'),
  batch: (viewer, filter, after, size) => sql`
    SELECT ${partners.id} AS key, ${partners.externalRef} AS external_ref, ${partners.name} AS name,
           ${partners.partnerType} AS partner_type, ${partners.scope} AS scope,
           ${partners.regionCode} AS region_code, ${partners.countryIso3} AS country_iso3, ${partners.sector} AS sector
    FROM ${partners}
    WHERE ${conditions(
      after === null ? undefined : gt(partners.id, Number(after)),
      readablePartnersCondition(viewer),
      filter.regionCode ? eq(partners.regionCode, filter.regionCode) : undefined,
    )}
    ORDER BY ${partners.id}
    LIMIT ${size}`,
};

export const PARTNERSHIPS: ExportList = {
  noun: 'partnerships',
  access: { kind: 'detail' },
  parameters: ['region'],
  columns: [
    'external_ref',
    'name',
    'partner_ref',
    'partner_name',
    'region_code',
    'country_iso3',
    'objective_code',
    'modality',
    'status',
    'start_date',
    'end_date',
  ],
  batch: (viewer, filter, after, size) => sql`
    SELECT ${partnerships.id} AS key, ${partnerships.externalRef} AS external_ref, ${partnerships.name} AS name,
           ${partners.externalRef} AS partner_ref, ${partners.name} AS partner_name,
           ${partnerships.regionCode} AS region_code, ${partnerships.countryIso3} AS country_iso3,
           ${partnerships.objectiveCode} AS objective_code, ${partnerships.modality} AS modality,
           ${partnerships.status} AS status, ${partnerships.startDate}::text AS start_date,
           ${partnerships.endDate}::text AS end_date
    FROM ${partnerships}
    JOIN ${partners} ON ${partners.id} = ${partnerships.partnerId}
    WHERE ${conditions(
      after === null ? undefined : gt(partnerships.id, Number(after)),
      detailRowsCondition(viewer, partnerships.regionCode),
      filter.regionCode ? eq(partnerships.regionCode, filter.regionCode) : undefined,
    )}
    ORDER BY ${partnerships.id}
    LIMIT ${size}`,
};

export const OPPORTUNITIES: ExportList = {
  noun: 'opportunities',
  access: { kind: 'detail' },
  // `from` and `to` keep the expected close dates, like `filter.expectedCloseFrom`/`To`.
  parameters: ['region', 'from', 'to'],
  columns: [
    'id',
    'name',
    'partner_ref',
    'partner_name',
    'prospect_name',
    'region_code',
    'country_iso3',
    'objective_code',
    'stage',
    'amount_usd',
    'probability',
    'weighted_amount_usd',
    'expected_close_date',
  ],
  globalIds: { id: 'Opportunity' },
  batch: (viewer, filter, after, size) => sql`
    SELECT ${opportunities.id} AS key, ${opportunities.id} AS id, ${opportunities.name} AS name,
           ${partners.externalRef} AS partner_ref, ${partners.name} AS partner_name,
           ${opportunities.prospectName} AS prospect_name, ${opportunities.regionCode} AS region_code,
           ${opportunities.countryIso3} AS country_iso3, ${opportunities.objectiveCode} AS objective_code,
           ${opportunities.stage} AS stage, ${opportunities.amountUsd}::text AS amount_usd,
           ${decimalText(opportunities.probability)} AS probability,
           round(${opportunities.amountUsd} * ${opportunities.probability}, 2)::text AS weighted_amount_usd,
           ${opportunities.expectedCloseDate}::text AS expected_close_date
    FROM ${opportunities}
    LEFT JOIN ${partners} ON ${partners.id} = ${opportunities.partnerId}
    WHERE ${conditions(
      after === null ? undefined : gt(opportunities.id, Number(after)),
      detailRowsCondition(viewer, opportunities.regionCode),
      filter.regionCode ? eq(opportunities.regionCode, filter.regionCode) : undefined,
      filter.from ? gte(opportunities.expectedCloseDate, filter.from) : undefined,
      filter.to ? lte(opportunities.expectedCloseDate, filter.to) : undefined,
    )}
    ORDER BY ${opportunities.id}
    LIMIT ${size}`,
};
