import { type SQL, sql } from 'drizzle-orm';
import type { MetricDefinition } from '../catalog';
import type { Dimension, MetricsFilter } from '../query';
import { valueList, valueSql } from './literals';

/** The fact tables metrics are computed from. */
export type SourceTable = 'contributions' | 'impact_records' | 'opportunities';

type FilterName = keyof MetricsFilter;

export interface SourceShape {
  /** How the table is named in queries. */
  alias: string;
  from: SQL;
  dateColumn: SQL;
  dimensions: Partial<Record<Dimension, SQL>>;
  filters: FilterName[];
  /** Why the other dimensions are not available, for error messages. */
  lacks: string;
}

const contributions: SourceShape = {
  alias: 'c',
  from: sql.raw('contributions c JOIN partners pa ON pa.id = c.partner_id'),
  dateColumn: sql.raw('c.date'),
  dimensions: {
    REGION: sql.raw('c.region_code'),
    COUNTRY: sql.raw('c.country_iso3'),
    INCOME_STREAM: sql.raw('c.income_stream'),
    PARTNER_TYPE: sql.raw('pa.partner_type'),
    OBJECTIVE: sql.raw('c.objective_code'),
    PARTNER: sql.raw('c.partner_id'),
  },
  filters: ['regionCodes', 'countryIsos', 'incomeStreams', 'partnerTypes', 'objectiveCodes', 'partnerIds', 'kind'],
  lacks: 'contributions',
};

const impactRecords: SourceShape = {
  alias: 'ir',
  from: sql.raw('impact_records ir'),
  dateColumn: sql.raw('ir.date'),
  dimensions: {
    REGION: sql.raw('ir.region_code'),
    COUNTRY: sql.raw('ir.country_iso3'),
    OBJECTIVE: sql.raw('ir.objective_code'),
  },
  filters: ['regionCodes', 'countryIsos', 'objectiveCodes'],
  lacks: 'impact records carry no income stream, partner or cash/in-kind kind',
};

const opportunities: SourceShape = {
  alias: 'o',
  from: sql.raw('opportunities o'),
  dateColumn: sql.raw('o.expected_close_date'),
  dimensions: {
    REGION: sql.raw('o.region_code'),
    COUNTRY: sql.raw('o.country_iso3'),
    OBJECTIVE: sql.raw('o.objective_code'),
  },
  filters: ['regionCodes', 'countryIsos', 'objectiveCodes'],
  lacks:
    'pipeline opportunities carry no income stream, partner type or cash/in-kind kind, and may have no partner yet',
};

export const SOURCES: Record<SourceTable, SourceShape> = {
  contributions,
  impact_records: impactRecords,
  opportunities,
};

export function sourceOf(metric: MetricDefinition): SourceTable {
  if (metric.source === 'IMPACT_RECORDS') return 'impact_records';
  if (metric.source === 'PIPELINE') return 'opportunities';
  return 'contributions';
}

const FILTER_DIMENSION: Record<Exclude<FilterName, 'kind'>, Dimension> = {
  regionCodes: 'REGION',
  countryIsos: 'COUNTRY',
  incomeStreams: 'INCOME_STREAM',
  partnerTypes: 'PARTNER_TYPE',
  objectiveCodes: 'OBJECTIVE',
  partnerIds: 'PARTNER',
};

/** The filters that actually restrict something. */
export function activeFilters(filter: MetricsFilter | null | undefined): FilterName[] {
  if (!filter) return [];
  return (Object.keys(filter) as FilterName[]).filter((name) => {
    const value = filter[name];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
  });
}

function shapeOf(source: SourceTable | SourceShape): SourceShape {
  return typeof source === 'string' ? SOURCES[source] : source;
}

/** The WHERE conditions of a filter on one source (filters the source cannot take are rejected earlier). */
export function filterConditions(table: SourceTable | SourceShape, filter: MetricsFilter | null | undefined): SQL[] {
  const source = shapeOf(table);
  const conditions: SQL[] = [];
  for (const name of activeFilters(filter)) {
    if (name === 'kind') {
      conditions.push(sql`${sql.raw(`${source.alias}.kind`)} = ${valueSql(filter?.kind ?? '')}`);
      continue;
    }
    const column = source.dimensions[FILTER_DIMENSION[name]];
    const values = (filter?.[name] ?? []) as readonly (string | number)[];
    if (!column || values.length === 0) continue;
    conditions.push(sql`${column} IN (${valueList(values)})`);
  }
  return conditions;
}

export function whereClause(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`` : sql`WHERE ${sql.join(conditions, sql` AND `)}`;
}

/** `col AS k0, col AS k1, ...` for the grouped dimensions, and the matching GROUP BY list. */
export function keyColumns(
  table: SourceTable | SourceShape,
  dimensions: readonly Dimension[],
): { select: SQL[]; names: string[] } {
  const source = shapeOf(table);
  const select: SQL[] = [];
  const names: string[] = [];
  dimensions.forEach((dimension, index) => {
    const column = source.dimensions[dimension];
    if (!column) throw new Error(`${source.alias} cannot be grouped by ${dimension}`);
    select.push(sql`(${column})::text AS ${sql.raw(`k${index}`)}`);
    names.push(`k${index}`);
  });
  return { select, names };
}

export { FILTER_DIMENSION };
