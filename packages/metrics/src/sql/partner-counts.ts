import { sql } from 'drizzle-orm';
import { addDays, wholeCalendarGrain } from '../periods';
import type { Dimension, MetricsFilter } from '../query';
import type { FigureQuery, IndexedPeriod } from './figures';
import { selectKeys, textKeys } from './figures';
import type { PartnerFiguresRequest } from './partner-figures';
import { activeFilters, filterConditions, type SourceShape, whereClause } from './sources';

/** A level of `partner_counts`: over every region, per region, per region and country. */
export type CountLevel = 'A' | 'R' | 'C';

const COUNTS: SourceShape = {
  alias: 'x',
  from: sql.raw('partner_counts x'),
  dateColumn: sql.raw('x.bucket'),
  dimensions: { REGION: sql.raw('x.region_code'), COUNTRY: sql.raw('x.country_iso3') },
  filters: ['regionCodes', 'countryIsos'],
  lacks: 'partner_counts',
};

const COLUMNS = { ACTIVE_PARTNERS: 'active_partners', NEW_PARTNERS: 'new_partners' } as const;

const isWholeYear = (period: IndexedPeriod) => wholeCalendarGrain(period) === 'YEAR';

/**
 * The level of `partner_counts` whose rows are a query's groups, one row each, if any: the
 * periods are whole calendar years (and retention compares each with the year before), the query
 * groups and filters by region and country at most, and each group is one slice of the level — a
 * country's group is one region's country, so the query groups by region too or keeps one region.
 * The counts are not additive (a partner gives in several regions): no level sums its rows.
 */
export function partnerCountLevel(
  dimensions: readonly Dimension[],
  filter: MetricsFilter | null | undefined,
  periods: readonly IndexedPeriod[],
  pairs: PartnerFiguresRequest['pairs'],
): CountLevel | null {
  if (!periods.every(isWholeYear)) return null;
  const byIdx = new Map(periods.map((period) => [period.idx, period]));
  const yearBefore = (pair: { idx: number; previousIdx: number }) =>
    byIdx.get(pair.previousIdx)?.to === addDays(byIdx.get(pair.idx)?.from ?? '', -1);
  if (!pairs.every(yearBefore)) return null;
  if (!dimensions.every((dimension) => dimension === 'REGION' || dimension === 'COUNTRY')) return null;
  const filters = activeFilters(filter);
  if (!filters.every((name) => name === 'regionCodes' || name === 'countryIsos')) return null;
  const oneRegion = dimensions.includes('REGION') || new Set(filter?.regionCodes ?? []).size === 1;
  if (dimensions.includes('COUNTRY') || filters.includes('countryIsos')) {
    return dimensions.includes('COUNTRY') && oneRegion ? 'C' : null;
  }
  if (dimensions.includes('REGION') || filters.includes('regionCodes')) return oneRegion ? 'R' : null;
  return 'A';
}

/**
 * Active, new and retained partners read from `partner_counts`, one row per period and group,
 * when the query's shape allows it (see `partnerCountLevel`); null otherwise. Groups without
 * partners have no row, as when the figures are computed from the partners' days.
 */
export function partnerCountsQuery(request: PartnerFiguresRequest): FigureQuery | null {
  const level = partnerCountLevel(request.dimensions, request.filter, request.periods, request.pairs);
  if (!level) return null;
  const { select } = textKeys(COUNTS, request.dimensions);
  const keys = selectKeys(select);
  const slices = (...conditions: string[]) =>
    sql`FROM periods p JOIN partner_counts x ON x.level = ${sql.raw(`'${level}'`)} AND x.bucket = p.p_from
      ${whereClause([...conditions.map((condition) => sql.raw(condition)), ...filterConditions(COUNTS, request.filter)])}`;
  const selects = request.metrics.flatMap((metric) => {
    if (metric === 'ACTIVE_PARTNERS' || metric === 'NEW_PARTNERS') {
      const column = sql.raw(`x.${COLUMNS[metric]}`);
      return [
        sql`SELECT ${sql.raw(`'${metric}'`)} AS metric, p.idx${keys}, ${column}::text AS value
        ${slices(`x.${COLUMNS[metric]} > 0`)}`,
      ];
    }
    if (metric !== 'PARTNER_RETENTION_RATE' || request.pairs.length === 0) return [];
    // Of the partners active in the slice the year before, the share also active in this year.
    const compared = `p.idx IN (${request.pairs.map((pair) => String(pair.idx)).join(', ')})`;
    return [
      sql`SELECT 'PARTNER_RETENTION_RATE' AS metric, p.idx${keys},
        round(x.retained_partners::numeric / x.previous_active_partners, 6)::text AS value
      ${slices('x.previous_active_partners > 0', compared)}`,
    ];
  });
  return { ctes: [], selects };
}
