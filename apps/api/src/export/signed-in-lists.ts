import { countries, fieldNeeds, objectives, partnerships, regions, stories, targets } from '@panorama/db';
import { FORMATS } from '@panorama/import';
import { eq, gt, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { detailRowsCondition } from '../schema/detail-access';
import { conditions, decimalText, type ExportList, onlyWhere } from './export-list';

/**
 * The lists every signed-in user reads whole, as the GraphQL lists give them: targets (in their
 * import format), stories, field needs and the reference data. A story's or field need's
 * partnership is partner-level detail: its reference is left empty for a REGIONAL user of
 * another bureau, as GraphQL answers null there.
 */

export const TARGETS: ExportList = {
  noun: 'targets',
  access: { kind: 'signedIn' },
  // `region`: the bureau's own targets and those of its country offices, like `filter.regionCodes`.
  parameters: ['region', 'year'],
  columns: FORMATS.targets.map((column) => column.name),
  batch: (_viewer, filter, after, size) => sql`
    SELECT ${targets.id} AS key, ${targets.metricCode} AS metric_code, ${targets.scopeCode} AS scope,
           ${targets.year} AS year, ${targets.quarter} AS quarter, ${decimalText(targets.value)} AS value
    FROM ${targets}
    WHERE ${conditions(
      after === null ? undefined : gt(targets.id, Number(after)),
      filter.regionCode
        ? or(
            eq(targets.regionCode, filter.regionCode),
            inArray(
              targets.countryIso3,
              sql`(SELECT ${countries.iso3} FROM ${countries} WHERE ${countries.regionCode} = ${filter.regionCode})`,
            ),
          )
        : undefined,
      filter.year === null ? undefined : eq(targets.year, filter.year),
    )}
    ORDER BY ${targets.id}
    LIMIT ${size}`,
};

export const STORIES: ExportList = {
  noun: 'stories',
  access: { kind: 'signedIn' },
  parameters: ['region', 'from', 'to'],
  columns: ['id', 'date', 'title', 'summary', 'region_code', 'country_iso3', 'partnership_ref'],
  globalIds: { id: 'Story' },
  batch: (viewer, filter, after, size) => sql`
    SELECT ${stories.id} AS key, ${stories.id} AS id, ${stories.storyDate}::text AS date,
           ${stories.title} AS title, ${stories.summary} AS summary, ${stories.regionCode} AS region_code,
           ${stories.countryIso3} AS country_iso3,
           ${onlyWhere(detailRowsCondition(viewer, stories.regionCode), partnerships.externalRef)} AS partnership_ref
    FROM ${stories}
    LEFT JOIN ${partnerships} ON ${partnerships.id} = ${stories.partnershipId}
    WHERE ${conditions(
      after === null ? undefined : gt(stories.id, Number(after)),
      filter.regionCode ? eq(stories.regionCode, filter.regionCode) : undefined,
      filter.from ? gte(stories.storyDate, filter.from) : undefined,
      filter.to ? lte(stories.storyDate, filter.to) : undefined,
    )}
    ORDER BY ${stories.id}
    LIMIT ${size}`,
};

export const FIELD_NEEDS: ExportList = {
  noun: 'field needs',
  access: { kind: 'signedIn' },
  parameters: ['region'],
  columns: [
    'id',
    'identified_on',
    'title',
    'description',
    'sector',
    'status',
    'region_code',
    'country_iso3',
    'objective_code',
    'partnership_ref',
  ],
  globalIds: { id: 'FieldNeed' },
  batch: (viewer, filter, after, size) => sql`
    SELECT ${fieldNeeds.id} AS key, ${fieldNeeds.id} AS id, ${fieldNeeds.identifiedOn}::text AS identified_on,
           ${fieldNeeds.title} AS title, ${fieldNeeds.description} AS description, ${fieldNeeds.sector} AS sector,
           ${fieldNeeds.status} AS status, ${fieldNeeds.regionCode} AS region_code,
           ${fieldNeeds.countryIso3} AS country_iso3, ${fieldNeeds.objectiveCode} AS objective_code,
           ${onlyWhere(detailRowsCondition(viewer, fieldNeeds.regionCode), partnerships.externalRef)} AS partnership_ref
    FROM ${fieldNeeds}
    LEFT JOIN ${partnerships} ON ${partnerships.id} = ${fieldNeeds.partnershipId}
    WHERE ${conditions(
      after === null ? undefined : gt(fieldNeeds.id, Number(after)),
      filter.regionCode ? eq(fieldNeeds.regionCode, filter.regionCode) : undefined,
    )}
    ORDER BY ${fieldNeeds.id}
    LIMIT ${size}`,
};

export const REGIONS: ExportList = {
  noun: 'regions',
  access: { kind: 'signedIn' },
  parameters: [],
  columns: ['code', 'name', 'city'],
  batch: (_viewer, _filter, after, size) => sql`
    SELECT ${regions.code} AS key, ${regions.code} AS code, ${regions.name} AS name, ${regions.city} AS city
    FROM ${regions}
    WHERE ${conditions(after === null ? undefined : gt(regions.code, String(after)))}
    ORDER BY ${regions.code}
    LIMIT ${size}`,
};

export const COUNTRIES: ExportList = {
  noun: 'countries',
  access: { kind: 'signedIn' },
  // `region`: the countries the bureau covers today, like `countries(regionCode:)`.
  parameters: ['region'],
  columns: ['iso3', 'name', 'region_code'],
  batch: (_viewer, filter, after, size) => sql`
    SELECT ${countries.iso3} AS key, ${countries.iso3} AS iso3, ${countries.name} AS name,
           ${countries.regionCode} AS region_code
    FROM ${countries}
    WHERE ${conditions(
      after === null ? undefined : gt(countries.iso3, String(after)),
      filter.regionCode ? eq(countries.regionCode, filter.regionCode) : undefined,
    )}
    ORDER BY ${countries.iso3}
    LIMIT ${size}`,
};

export const OBJECTIVES: ExportList = {
  noun: 'objectives',
  access: { kind: 'signedIn' },
  parameters: [],
  columns: ['code', 'name', 'pillar', 'description', 'sort_order'],
  batch: (_viewer, _filter, after, size) => sql`
    SELECT ${objectives.code} AS key, ${objectives.code} AS code, ${objectives.name} AS name,
           ${objectives.pillar} AS pillar, ${objectives.description} AS description,
           ${objectives.sortOrder} AS sort_order
    FROM ${objectives}
    WHERE ${conditions(after === null ? undefined : gt(objectives.code, String(after)))}
    ORDER BY ${objectives.code}
    LIMIT ${size}`,
};
