import { type Database, selectRows } from '@panorama/db';
import { type SQL, sql } from 'drizzle-orm';
import type { MetricCode } from '../catalog';
import { yearOf } from '../periods';
import { type IndexedPeriod, periodsCte } from './figures';
import { valueList, valueSql } from './literals';
import { StatementTexts } from './statement-texts';

/** `${periodIdx}|${scopeCode}|${metric}` → the target of that period, as an exact decimal string. */
export type TargetMap = Map<string, string>;

export function targetKey(idx: number, scopeCode: string, metric: string): string {
  return `${idx}|${scopeCode}|${metric}`;
}

type Row = Record<string, string | number | null>;

const rowsOf = (db: Database, query: SQL) => selectRows<Row>(db, query);

/** The target statements of the requests asked lately, built once each (`StatementTexts`). */
const TARGET_STATEMENTS = new StatementTexts(500);

/** What a target statement is built from: the request's plain values, and which of its metrics are rates. */
function keyOf(kind: string, request: Partial<TargetRequest & ScopeRequest>): string {
  const { isRate, ...values } = request;
  return `${kind} ${JSON.stringify([values, isRate ? request.metrics?.map(isRate) : null])}`;
}

/** What the targets of some metrics and scopes over some periods are asked for. */
export interface TargetRequest {
  metrics: readonly MetricCode[];
  scopeCodes: readonly string[];
  periods: readonly IndexedPeriod[];
  /** Which of the metrics are rates. */
  isRate: (code: MetricCode) => boolean;
}

/**
 * Targets of additive metrics over each period: for every year the period touches, the quarter
 * targets of that year when it has any (each prorated by the days of its quarter the period
 * covers), else the yearly target prorated by days. Rounded to two decimals.
 */
function additiveTargets(metrics: readonly MetricCode[], scopes: SQL, periods: readonly IndexedPeriod[]): SQL {
  // Only the years the periods touch: the quarters test reads no other year.
  const years = periods.flatMap((period) => [yearOf(period.from), yearOf(period.to)]);
  const touched = years.length
    ? sql`AND t.year BETWEEN ${valueSql(Math.min(...years))} AND ${valueSql(Math.max(...years))}`
    : sql``;
  return sql`SELECT y.idx, t.scope_code, t.metric_code,
        round(sum(t.value * greatest(0, least(y.o_to, t.t_to) - greatest(y.o_from, t.t_from) + 1)
                  / (t.t_to - t.t_from + 1)), 2)::text AS target, NULL::int AS quarter
      FROM (SELECT p.idx, y AS year,
              greatest(p.p_from, make_date(y, 1, 1)) AS o_from,
              least(p.p_to, make_date(y, 12, 31)) AS o_to
            FROM periods p, generate_series(extract(year FROM p.p_from)::int, extract(year FROM p.p_to)::int) AS y) y
      JOIN (SELECT t.*, make_date(t.year, coalesce(t.quarter * 3 - 2, 1), 1) AS t_from,
              CASE WHEN t.quarter IS NULL THEN make_date(t.year, 12, 31)
                   ELSE (make_date(t.year, t.quarter * 3 - 2, 1) + interval '3 months' - interval '1 day')::date END AS t_to,
              bool_or(t.quarter IS NOT NULL) OVER (PARTITION BY t.metric_code, t.scope_code, t.year) AS year_has_quarters
            FROM targets t
            WHERE t.metric_code IN (${valueList(metrics)}) AND t.scope_code IN (${scopes}) ${touched}) t
        ON t.year = y.year AND (t.quarter IS NOT NULL OR NOT t.year_has_quarters)
        AND least(y.o_to, t.t_to) >= greatest(y.o_from, t.t_from)
      GROUP BY y.idx, t.scope_code, t.metric_code`;
}

/**
 * Targets of rates: the rate itself, never summed or prorated. A period within one quarter
 * takes that quarter's target if it has one, else its year's; a period across years has none.
 */
function rateTargets(metrics: readonly MetricCode[], scopes: SQL): SQL {
  return sql`SELECT p.idx, t.scope_code, t.metric_code, t.value::text AS target, t.quarter
      FROM periods p
      JOIN targets t ON t.year = extract(year FROM p.p_from) AND t.year = extract(year FROM p.p_to)
      WHERE t.metric_code IN (${valueList(metrics)}) AND t.scope_code IN (${scopes})
        AND (t.quarter IS NULL
             OR (t.quarter = extract(quarter FROM p.p_from) AND t.quarter = extract(quarter FROM p.p_to)))`;
}

/** The additive metrics' and the rates' target selects, of the scopes `scopes` lists (SQL). */
function targetSelects(request: Omit<TargetRequest, 'scopeCodes'>, scopes: SQL): SQL[] {
  const additive = request.metrics.filter((code) => !request.isRate(code));
  const rates = request.metrics.filter((code) => request.isRate(code));
  return [
    ...(additive.length ? [additiveTargets(additive, scopes, request.periods)] : []),
    ...(rates.length ? [rateTargets(rates, scopes)] : []),
  ];
}

/** Rows of `targetSelects`, in the order they must be read: a rate's yearly target, then its quarter's. */
function readTargets(rows: readonly Row[], targets: TargetMap = new Map()): TargetMap {
  // A rate's yearly target comes first, so its quarter's target, when there is one, wins.
  for (const row of rows) {
    targets.set(targetKey(Number(row.idx), String(row.scope_code), String(row.metric_code)), String(row.target));
  }
  return targets;
}

/** The targets of the metrics and scopes over each period, additive metrics' and rates' in one statement. */
export async function periodTargets(db: Database, request: TargetRequest): Promise<TargetMap> {
  if (request.scopeCodes.length === 0) return new Map();
  const statement = TARGET_STATEMENTS.get(keyOf('periods', request), () => {
    const parts = targetSelects(request, valueList(request.scopeCodes));
    if (parts.length === 0) return null;
    return sql`WITH ${periodsCte(request.periods)} ${sql.join(parts, sql` UNION ALL `)} ORDER BY quarter NULLS FIRST`;
  });
  return statement === null ? new Map() : readTargets(await rowsOf(db, statement));
}

/** Which scopes `targetedScopes` looks for. */
export interface ScopeRequest {
  metrics: readonly MetricCode[];
  scopeType: 'REGION' | 'COUNTRY';
  fromYear: number;
  toYear: number;
}

export interface TargetedScope {
  scopeCode: string;
  regionCode: string;
}

function scopesSelect(request: ScopeRequest): SQL {
  return sql`SELECT DISTINCT t.scope_code, coalesce(t.region_code, co.region_code) AS region_code
      FROM targets t LEFT JOIN countries co ON co.iso3 = t.country_iso3
      WHERE t.scope_type = ${valueSql(request.scopeType)} AND t.metric_code IN (${valueList(request.metrics)})
        AND t.year BETWEEN ${valueSql(request.fromYear)} AND ${valueSql(request.toYear)}`;
}

/** Groups that have a target in the given years: regions or countries, with the country's current region. */
export async function targetedScopes(db: Database, request: ScopeRequest): Promise<TargetedScope[]> {
  if (request.metrics.length === 0) return [];
  const statement = TARGET_STATEMENTS.get(keyOf('scopes', request), () => sql`${scopesSelect(request)} ORDER BY 1, 2`);
  const rows = statement === null ? [] : await rowsOf(db, statement);
  return rows.map((row) => ({ scopeCode: String(row.scope_code), regionCode: String(row.region_code) }));
}

/**
 * `targetedScopes`, and the targets of every one of those scopes over each period (`periodTargets`
 * of their codes), in one statement.
 */
export async function targetedScopesWithTargets(
  db: Database,
  request: ScopeRequest & Omit<TargetRequest, 'scopeCodes'>,
): Promise<{ scopes: TargetedScope[]; targets: TargetMap }> {
  if (request.metrics.length === 0) return { scopes: [], targets: new Map() };
  const statement = TARGET_STATEMENTS.get(keyOf('scopes with targets', request), () => {
    // The scopes' rows have no period; they come first, in the order `targetedScopes` gives.
    const scopeRows = sql`SELECT NULL::int AS idx, scope_code, NULL::text AS metric_code, region_code AS target,
        NULL::int AS quarter FROM scopes`;
    return sql`WITH ${periodsCte(request.periods)}, scopes AS (${scopesSelect(request)})
      ${sql.join([scopeRows, ...targetSelects(request, sql`SELECT scope_code FROM scopes`)], sql` UNION ALL `)}
      ORDER BY quarter NULLS FIRST, idx NULLS FIRST, scope_code, target`;
  });
  const rows = statement === null ? [] : await rowsOf(db, statement);
  const scopes: TargetedScope[] = [];
  let first = 0;
  for (; first < rows.length && rows[first]?.idx === null; first++) {
    const row = rows[first] as Row;
    scopes.push({ scopeCode: String(row.scope_code), regionCode: String(row.target) });
  }
  return { scopes, targets: readTargets(rows.slice(first)) };
}
