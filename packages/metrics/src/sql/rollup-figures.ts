import { type SQL, sql } from 'drizzle-orm';
import type { MetricCode } from '../catalog';
import type { Dimension, MetricsOrder } from '../query';
import { bucketStarts, coverage, yearDays } from './coverage';
import { type FigureQuery, type FigureRequest, groupBy, selectKeys, textKeys } from './figures';
import { dateLiteral, grainLiteral, type Literal, valueList, valuesCte } from './literals';
import { MARKED_PERIODS, type PartnerSource } from './partner-figures';
import { contributionSumsRollup, IMPACT_TOTALS, partnerActivityRollup, type Rollup, rollupShape } from './rollups';
import { filterConditions, SOURCES, type SourceShape, whereClause } from './sources';

/**
 * Figures read from the rollups: the same numbers as `figures.ts` computes from the fact tables
 * (a test holds them to it), from far fewer rows. Sums take each period's whole years, months
 * (and days, where the rollup keeps them) from a rollup and the days left over at its edges from
 * the fact table; partners' activity is read from the days each partner gave on in each year.
 */

interface SumsSource {
  /** Names this source's CTEs, which share one statement with other figures' CTEs. */
  name: string;
  rollup: Rollup;
  facts: SourceShape;
  factDate: string;
  /** The measures, as `name` columns of each side: a rollup row's sums, one fact row's values. */
  measures: { name: string; rollup: string; fact: string }[];
  /** Further conditions on each side (the impact metrics asked for). */
  rollupConditions?: SQL[];
  factConditions?: SQL[];
}

/**
 * A UNION ALL of the rollup's whole buckets and the fact rows of the days left over, per period.
 * Buckets are listed one by one, so that each is an index lookup on (grain, bucket).
 */
function slicesOf(request: FigureRequest, source: SumsSource): { ctes: SQL[]; union: SQL; names: string[] } {
  const bucketRows: Literal[][] = [];
  const factRows: Literal[][] = [];
  const grains = new Set<string>();
  const starts = new Set<string>();
  for (const period of request.periods) {
    const { buckets, facts } = coverage(period, source.rollup.grains);
    for (const range of buckets) {
      grains.add(range.grain);
      for (const bucket of bucketStarts(range)) {
        starts.add(bucket);
        bucketRows.push([{ int: period.idx }, { grain: range.grain }, { date: bucket }]);
      }
    }
    for (const days of facts) factRows.push([{ int: period.idx }, { date: days.from }, { date: days.to }]);
  }
  const shape = rollupShape(source.rollup, request.dimensions, request.filter);
  const rollupKeys = textKeys(shape, request.dimensions);
  const factKeys = textKeys(source.facts, request.dimensions);
  const measures = (side: 'rollup' | 'fact') =>
    sql.raw(source.measures.map((measure) => `${measure[side]} AS ${measure.name}`).join(', '));
  const ctes: SQL[] = [];
  const branches: SQL[] = [];
  if (bucketRows.length > 0) {
    const buckets = `${source.name}_buckets`;
    ctes.push(valuesCte(buckets, ['idx', 'grain', 'bucket'], bucketRows));
    // The buckets spelled out too, so that the planner sees how few rows they are and reads them by index.
    const inBuckets = sql.raw(
      `r.grain IN (${[...grains].map(grainLiteral).join(', ')}) AND r.bucket IN (${[...starts].map(dateLiteral).join(', ')})`,
    );
    const where = whereClause([
      inBuckets,
      ...filterConditions(shape, request.filter),
      ...(source.rollupConditions ?? []),
    ]);
    branches.push(sql`SELECT s.idx${selectKeys(rollupKeys.select)}, ${measures('rollup')}
      FROM ${sql.raw(buckets)} s JOIN ${shape.from} ON r.grain = s.grain AND r.bucket = s.bucket
      ${where}`);
  }
  if (factRows.length > 0) {
    const days = `${source.name}_fact_days`;
    ctes.push(valuesCte(days, ['idx', 'd_from', 'd_to'], factRows));
    const where = whereClause([...filterConditions(source.facts, request.filter), ...(source.factConditions ?? [])]);
    branches.push(sql`SELECT s.idx${selectKeys(factKeys.select)}, ${measures('fact')}
      FROM ${sql.raw(days)} s JOIN ${source.facts.from} ON ${sql.raw(source.factDate)} BETWEEN s.d_from AND s.d_to
      ${where}`);
  }
  return { ctes, union: sql.join(branches, sql` UNION ALL `), names: rollupKeys.names };
}

const keysOf = (names: string[]) => sql.raw(names.map((name) => `, s.${name}`).join(''));

/** Each contribution metric of the sums: its column, and the column's value over a group's rows `s`. */
const SUMS: [MetricCode, string, string][] = [
  ['REVENUE_USD', 'revenue', 'sum(s.revenue_usd)'],
  ['CASH_REVENUE_USD', 'cash', "coalesce(sum(s.revenue_usd) FILTER (WHERE s.kind = 'CASH'), 0)"],
  ['IN_KIND_REVENUE_USD', 'in_kind', "coalesce(sum(s.revenue_usd) FILTER (WHERE s.kind = 'IN_KIND'), 0)"],
  ['CONTRIBUTION_COUNT', 'contribution_count', 'sum(s.contribution_count)'],
  ['AVERAGE_GIFT_USD', 'average_gift', 'round(sum(s.revenue_usd) / sum(s.contribution_count), 2)'],
];

/** The contribution metrics the sums give, and their columns. */
export const SUM_METRICS = new Map<MetricCode, string>(SUMS.map(([code, column]) => [code, column]));

/** The first rows of an ordered, limited answer, kept in SQL: the others' figures are never read. */
export interface KeptGroups {
  /** The period whose values order the groups. */
  idx: number;
  /** The groups' order, as the rows' (`sortRows`) over `s`, the sums: total, ties broken by key. */
  order: string;
  limit: number;
}

/** The metric of `GROUP_COUNT`'s row: how many groups there were before the limit. */
export const GROUP_COUNT = '#groups';

/** Which groups an ordered, limited answer keeps, when its order is the sums' alone (else null). */
export function keptGroups(
  dimensions: readonly Dimension[],
  metrics: readonly MetricCode[],
  orderBy: readonly MetricsOrder[],
  idx: number,
  limit: number,
): KeptGroups | null {
  if (dimensions.length === 0 || metrics.some((code) => !SUM_METRICS.has(code))) return null;
  const keyOrder = (dimension: Dimension, direction: string) => {
    const name = `s.k${dimensions.indexOf(dimension)}`;
    // As the rows compare them: partners by number, codes by their characters.
    const key = dimension === 'PARTNER' ? `${name}::bigint` : `${name} COLLATE "C"`;
    return `${key} ${direction} NULLS LAST`;
  };
  const order: string[] = [];
  for (const { by, direction } of orderBy) {
    const sql = direction === 'asc' ? 'ASC' : 'DESC';
    // A metric not asked for, a dimension not grouped by or the one period: the same for every group.
    if ('metric' in by && metrics.includes(by.metric)) order.push(`s.${SUM_METRICS.get(by.metric)} ${sql} NULLS LAST`);
    if ('dimension' in by && dimensions.includes(by.dimension)) order.push(keyOrder(by.dimension, sql));
  }
  for (const dimension of dimensions) order.push(keyOrder(dimension, 'ASC'));
  return { idx, order: order.join(', '), limit };
}

/**
 * Revenue (all, cash, in-kind), contribution count and average gift, per period and group: those
 * of `metrics`, or the revenue alone when none is (it still gives partner figures their groups).
 * With `kept`, only the groups kept, and a `GROUP_COUNT` row.
 */
export function contributionSumsQuery(
  request: FigureRequest,
  metrics: readonly MetricCode[],
  kept: KeptGroups | null = null,
): FigureQuery {
  const { ctes, union, names } = slicesOf(request, {
    name: 'contribution',
    rollup: contributionSumsRollup(request.dimensions, request.filter),
    facts: SOURCES.contributions,
    factDate: 'c.date',
    measures: [
      { name: 'kind', rollup: 'r.kind', fact: 'c.kind' },
      { name: 'revenue_usd', rollup: 'r.revenue_usd', fact: 'c.amount_usd' },
      { name: 'contribution_count', rollup: 'r.contribution_count', fact: '1' },
    ],
  });
  // The sums asked for alone: a group's other sums cost as much to compute again.
  const asked = SUMS.filter(([code]) => metrics.includes(code));
  const columns = asked.length ? asked : SUMS.slice(0, 1);
  const sums = sql`SELECT s.idx${keysOf(names)}, ${sql.raw(columns.map(([, column, value]) => `${value} AS ${column}`).join(', '))}
    FROM (${union}) s
    GROUP BY s.idx${groupBy(names)}`;
  const values = columns.map(([code, column]) => `('${code}', s.${column}::text)`).join(', ');
  const figures = (from: SQL) => sql`SELECT v.metric, s.idx${keysOf(names)}, v.value
    FROM ${from}
    CROSS JOIN LATERAL (VALUES ${sql.raw(values)}) AS v(metric, value)`;
  if (!kept) return { ctes, selects: [figures(sql`(${sums}) s`)] };
  const keys = names.map((name) => `s.${name}`).join(', ');
  // Keys are ids and codes, never empty: '' stands for a null key, so that groups match by hash.
  const sameGroup = names.map((name) => `coalesce(k.${name}, '') = coalesce(s.${name}, '')`).join(' AND ');
  const noKeys = names.map((name) => `, NULL::text AS ${name}`).join('');
  return {
    ctes: [
      ...ctes,
      sql`contribution_sums AS (${sums})`,
      sql.raw(`contribution_kept AS (SELECT ${keys} FROM contribution_sums s WHERE s.idx = ${kept.idx}
        ORDER BY ${kept.order} LIMIT ${kept.limit})`),
    ],
    selects: [
      figures(sql.raw(`contribution_sums s JOIN contribution_kept k ON ${sameGroup}`)),
      sql.raw(`SELECT '${GROUP_COUNT}' AS metric, -1 AS idx${noKeys}, count(*)::text AS value
        FROM contribution_sums s WHERE s.idx = ${kept.idx}`),
    ],
  };
}

/** Sums of impact and enabler records of the metrics asked for. */
export function impactQuery(request: FigureRequest & { metrics: readonly MetricCode[] }): FigureQuery {
  const codes = valueList(request.metrics);
  const { ctes, union, names } = slicesOf(request, {
    name: 'impact',
    rollup: IMPACT_TOTALS,
    facts: SOURCES.impact_records,
    factDate: 'ir.date',
    measures: [
      { name: 'metric_code', rollup: 'r.metric_code', fact: 'ir.metric_code' },
      { name: 'value', rollup: 'r.value', fact: 'ir.value' },
    ],
    rollupConditions: [sql`r.metric_code IN (${codes})`],
    factConditions: [sql`ir.metric_code IN (${codes})`],
  });
  return {
    ctes,
    selects: [
      sql`SELECT s.metric_code AS metric, s.idx${keysOf(names)}, sum(s.value)::text AS value
        FROM (${union}) s
        GROUP BY s.idx${groupBy(names)}, s.metric_code`,
    ],
  };
}

/**
 * Partners as the rollups give them: active in a period when one of their yearly slices has a
 * day given on inside it; their first day in a slice, from their all-time slices.
 */
export function rollupPartnerSource(request: FigureRequest): PartnerSource {
  const shape = rollupShape(
    partnerActivityRollup(request.dimensions, request.filter),
    request.dimensions,
    request.filter,
  );
  const { select, names } = textKeys(shape, request.dimensions);
  const filters = filterConditions(shape, request.filter);
  const firsts = sql`SELECT r.partner_id${selectKeys(select)}, min(r.first_day) AS first_day
      FROM ${shape.from} ${whereClause([sql`r.grain = 'A'`, ...filters])}
      GROUP BY r.partner_id${groupBy(names)}`;
  const parts = request.periods.flatMap((period) => yearDays(period).map((part) => ({ idx: period.idx, ...part })));
  const segments = parts.map((part) => [
    { int: part.idx },
    { date: part.year },
    { int: part.months },
    { int: part.head.firstBit },
    { int: part.head.bits },
    { int: part.tail.firstBit },
    { int: part.tail.bits },
  ]);
  // Active in a whole month of the period, or on a day of a month it cuts.
  const daysInside = (alias: string) =>
    sql.raw(`((${alias}.active_months & s.months) <> 0
    OR (s.head_bits > 0 AND bit_count(substring(${alias}.active_days FROM s.head_first FOR s.head_bits)) > 0)
    OR (s.tail_bits > 0 AND bit_count(substring(${alias}.active_days FROM s.tail_first FOR s.tail_bits)) > 0))`);
  const yearDaysCte = valuesCte(
    'year_days',
    ['idx', 'year', 'months', 'head_first', 'head_bits', 'tail_first', 'tail_bits'],
    segments,
  );
  const years = [...new Set(parts.map((part) => part.year))];
  // The years spelled out, so that the planner reads their rows alone (by index) rather than all.
  const inYears = sql.raw(`r.grain = 'Y' AND r.bucket IN (${years.map(dateLiteral).join(', ')})`);
  // Each partner and slice once, with the periods it gave in as bits (when the periods fit in them).
  const marked = request.periods.every((period) => period.idx < MARKED_PERIODS);
  const periodBits = sql.raw('bit_or(1::bigint << s.idx) AS periods');
  if (years.length === parts.length) {
    // One part of a period per year (whole years, a year to date): each part reads its year's rows.
    const from = sql`FROM year_days s JOIN ${shape.from} ON r.grain = 'Y' AND r.bucket = s.year`;
    const conditions = [inYears, daysInside('r'), ...filters];
    return {
      ctes: [yearDaysCte],
      active: sql`SELECT DISTINCT s.idx, r.partner_id${selectKeys(select)} ${from} ${whereClause(conditions)}`,
      firsts,
      marks: marked
        ? sql`SELECT r.partner_id${selectKeys(select)}, ${periodBits} ${from} ${whereClause(conditions)}
          GROUP BY r.partner_id${groupBy(names)}`
        : undefined,
    };
  }
  // Several parts in a year (months, quarters): the year's rows are read once, then matched to each.
  const keyNames = sql.raw(names.map((name) => `, y.${name}`).join(''));
  const from = sql`FROM year_days s JOIN year_rows y ON y.bucket = s.year`;
  return {
    ctes: [
      yearDaysCte,
      sql`year_rows AS MATERIALIZED (
        SELECT r.bucket, r.partner_id, r.active_days, r.active_months${selectKeys(select)}
        FROM ${shape.from} ${whereClause([inYears, ...filters])})`,
    ],
    active: sql`SELECT DISTINCT s.idx, y.partner_id${keyNames} ${from} WHERE ${daysInside('y')}`,
    firsts,
    marks: marked
      ? sql`SELECT y.partner_id${keyNames}, ${periodBits} ${from} WHERE ${daysInside('y')}
        GROUP BY y.partner_id${keyNames}`
      : undefined,
  };
}
