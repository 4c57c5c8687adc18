import { type Database, selectRows } from '@panorama/db';
import { sql } from 'drizzle-orm';
import { isMetricCode, type MetricCode, metricDefinition } from './catalog';
import { daysIn, isIsoDate } from './periods';
import type { Dimension, MetricsQuery } from './query';
import { activeFilters, SOURCES, sourceOf } from './sql/sources';

export type MetricsInputErrorCode =
  | 'NO_METRICS'
  | 'UNKNOWN_METRIC'
  | 'INVALID_DATE'
  | 'INVALID_RANGE'
  | 'RANGE_TOO_LONG'
  | 'NOT_GROUPABLE'
  | 'NOT_FILTERABLE'
  | 'UNKNOWN_CODE'
  | 'INVALID_LIMIT'
  | 'TOO_MANY_ROWS';

/** A request the caller can fix: the message says what is allowed. */
export class MetricsInputError extends Error {
  override name = 'MetricsInputError';
  constructor(
    readonly code: MetricsInputErrorCode,
    message: string,
    readonly argument?: string,
  ) {
    super(message);
  }
}

/** The longest range a query may cover: 25 years. */
export const MAX_RANGE_DAYS = 25 * 366;
/** The most rows a query may produce before `limit` is applied. */
export const MAX_ROWS = 20_000;
export const MAX_LIMIT = 10_000;

/** Checks what can be checked without the database. Returns the distinct dimensions, in order. */
export function validateQueryShape(query: MetricsQuery): Dimension[] {
  if (query.metrics.length === 0) {
    throw new MetricsInputError('NO_METRICS', 'Ask for at least one metric, such as REVENUE_USD.', 'metrics');
  }
  for (const code of query.metrics) {
    if (!isMetricCode(code)) throw new MetricsInputError('UNKNOWN_METRIC', `Unknown metric ${code}.`, 'metrics');
  }
  for (const [argument, value] of [
    ['from', query.from],
    ['to', query.to],
    ['asOf', query.asOf],
  ] as const) {
    if (value != null && !isIsoDate(value)) {
      throw new MetricsInputError(
        'INVALID_DATE',
        `\`${argument}\` must be a calendar day YYYY-MM-DD; got ${value}.`,
        argument,
      );
    }
  }
  if (query.from > query.to) {
    throw new MetricsInputError(
      'INVALID_RANGE',
      `\`from\` (${query.from}) is after \`to\` (${query.to}): the range is closed, [from, to], with from on or before to.`,
      'from',
    );
  }
  if (daysIn(query) > MAX_RANGE_DAYS) {
    throw new MetricsInputError(
      'RANGE_TOO_LONG',
      `The range ${query.from} to ${query.to} is longer than the 25 years a query may cover; narrow it.`,
      'to',
    );
  }
  if (query.limit != null && (query.limit < 1 || query.limit > MAX_LIMIT)) {
    throw new MetricsInputError(
      'INVALID_LIMIT',
      `\`limit\` must be between 1 and ${MAX_LIMIT}; got ${query.limit}.`,
      'limit',
    );
  }
  const ordered = (query.groupBy ?? []).filter((dimension, index, all) => all.indexOf(dimension) === index);
  for (const code of query.metrics) checkMetricSlice(code as MetricCode, ordered, query);
  return ordered;
}

function checkMetricSlice(code: MetricCode, dimensions: readonly Dimension[], query: MetricsQuery) {
  const source = SOURCES[sourceOf(metricDefinition(code))];
  const allowed = Object.keys(source.dimensions) as Dimension[];
  for (const dimension of dimensions) {
    if (!source.dimensions[dimension]) {
      throw new MetricsInputError(
        'NOT_GROUPABLE',
        `${code} cannot be grouped by ${dimension}: ${source.lacks}. It can be grouped by ${allowed.join(', ')}.`,
        'groupBy',
      );
    }
  }
  for (const name of activeFilters(query.filter)) {
    if (!source.filters.includes(name)) {
      const allowedFilters = source.filters.join(', ');
      throw new MetricsInputError(
        'NOT_FILTERABLE',
        `${code} cannot be filtered by ${name}: ${source.lacks}. Its filters are ${allowedFilters}.`,
        'filter',
      );
    }
  }
}

export interface ReferenceCodes {
  /** Each country's current bureau. */
  countryRegion: Map<string, string>;
}

type ReferenceRows = { kind: string; code: string; region: string | null }[];

/**
 * Reference data (bureaux, countries, objectives) changes only when the schema is migrated: a
 * database's is read again after a minute at most, not for every query.
 */
const REFERENCE_MAX_AGE_MS = 60_000;
const referenceReads = new WeakMap<Database, { at: number; rows: Promise<ReferenceRows> }>();

function referenceRows(db: Database): Promise<ReferenceRows> {
  const read = referenceReads.get(db);
  if (read && performance.now() - read.at < REFERENCE_MAX_AGE_MS) return read.rows;
  const rows = selectRows<ReferenceRows[number]>(
    db,
    sql`SELECT 'region' AS kind, code AS code, NULL AS region FROM regions
        UNION ALL SELECT 'country', iso3, region_code FROM countries
        UNION ALL SELECT 'objective', code, NULL FROM objectives`,
  );
  referenceReads.set(db, { at: performance.now(), rows });
  rows.catch(() => referenceReads.delete(db));
  return rows;
}

/** Checks the filter's codes against the reference data, naming the unknown ones. */
export async function validateCodes(db: Database, query: MetricsQuery): Promise<ReferenceCodes> {
  const { regionCodes, countryIsos, objectiveCodes } = query.filter ?? {};
  // Nothing to check, and no country to place in its region: no need to read the reference data.
  if (!regionCodes?.length && !countryIsos?.length && !objectiveCodes?.length) return { countryRegion: new Map() };
  const rows = await referenceRows(db);
  const known = { region: new Set<string>(), country: new Set<string>(), objective: new Set<string>() };
  const countryRegion = new Map<string, string>();
  for (const row of rows) {
    known[row.kind as keyof typeof known].add(row.code);
    if (row.kind === 'country' && row.region) countryRegion.set(row.code, row.region);
  }
  const checks = [
    ['regionCodes', 'region code', known.region, query.filter?.regionCodes],
    ['countryIsos', 'country ISO3 code', known.country, query.filter?.countryIsos],
    ['objectiveCodes', 'objective code', known.objective, query.filter?.objectiveCodes],
  ] as const;
  for (const [argument, noun, codes, values] of checks) {
    const unknown = (values ?? []).filter((value) => !codes.has(value));
    if (unknown.length > 0) {
      const sample = [...codes].sort().slice(0, 12).join(', ');
      throw new MetricsInputError(
        'UNKNOWN_CODE',
        `Unknown ${noun}${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in filter.${argument}. Known: ${sample}${codes.size > 12 ? ', …' : ''}.`,
        `filter.${argument}`,
      );
    }
  }
  return { countryRegion };
}
