import { type Database, selectRows } from '@panorama/db';
import { type SQL, sql } from 'drizzle-orm';
import type { MetricCode } from '../catalog';
import type { Period } from '../periods';
import type { Dimension, MetricsFilter } from '../query';
import { valueList, valuesCte } from './literals';
import { filterConditions, keyColumns, SOURCES, type SourceShape, type SourceTable, whereClause } from './sources';

export interface IndexedPeriod extends Period {
  idx: number;
}

/** One group's figures in one period: exact decimal strings, null where undefined. */
export interface FigureRow {
  idx: number;
  keys: (string | null)[];
  values: Partial<Record<MetricCode, string | null>>;
}

export interface FigureRequest {
  dimensions: readonly Dimension[];
  filter: MetricsFilter | null | undefined;
  periods: readonly IndexedPeriod[];
}

export function periodsCte(periods: readonly IndexedPeriod[]): SQL {
  const rows = periods.map((period) => [{ int: period.idx }, { date: period.from }, { date: period.to }]);
  return valuesCte('periods', ['idx', 'p_from', 'p_to'], rows);
}

/**
 * Figures in one statement: each select gives rows of `(metric, idx, k0…, value)`, after the
 * `periods` CTE and the CTEs the selects need.
 */
export interface FigureQuery {
  ctes: SQL[];
  selects: SQL[];
}

/** The one statement of figure queries, after the `periods` CTE; null when there is none. */
export function figureStatement(request: FigureRequest, queries: readonly FigureQuery[]): SQL | null {
  const selects = queries.flatMap((query) => query.selects);
  if (selects.length === 0) return null;
  const ctes = [periodsCte(request.periods), ...queries.flatMap((query) => query.ctes)];
  return sql`WITH ${sql.join(ctes, sql`, `)} ${sql.join(selects, sql` UNION ALL `)}`;
}

/** Runs a statement of figure queries (`figureStatement`) and reads its rows. */
export async function runFigureStatement(
  db: Database,
  request: FigureRequest,
  statement: SQL | null,
): Promise<FigureRow[]> {
  if (statement === null) return [];
  const rows = await run(db, statement);
  const { names } = textKeys('contributions', request.dimensions);
  return rows.map((row) => ({
    idx: Number(row.idx),
    keys: names.map((name) => (row[name] === null || row[name] === undefined ? null : String(row[name]))),
    values: { [String(row.metric)]: row.value === null ? null : String(row.value) },
  }));
}

export function runFigureQueries(
  db: Database,
  request: FigureRequest,
  queries: readonly FigureQuery[],
): Promise<FigureRow[]> {
  return runFigureStatement(db, request, figureStatement(request, queries));
}

export function textKeys(table: SourceTable | SourceShape, dimensions: readonly Dimension[]) {
  const { select, names } = keyColumns(table, dimensions);
  return { select: select.map((column) => sql`${column}`), names };
}

export type Row = Record<string, string | number | null>;

export const run = (db: Database, query: SQL) => selectRows<Row>(db, query);

export function readRows(rows: Row[], keyNames: string[], columns: Partial<Record<MetricCode, string>>): FigureRow[] {
  return rows.map((row) => ({
    idx: Number(row.idx),
    keys: keyNames.map((name) => (row[name] === null || row[name] === undefined ? null : String(row[name]))),
    values: Object.fromEntries(
      Object.entries(columns).map(([metric, column]) => {
        const value = row[column as string];
        return [metric, value === null || value === undefined ? null : String(value)];
      }),
    ),
  }));
}

export function groupList(names: string[], prefix = ''): SQL {
  return sql.raw(names.map((name) => `${prefix}${name}`).join(', '));
}

export function selectKeys(select: SQL[]): SQL {
  return select.length ? sql`, ${sql.join(select, sql`, `)}` : sql``;
}

export function groupBy(names: string[]): SQL {
  return names.length ? sql`, ${groupList(names)}` : sql``;
}

/** Revenue (all, cash, in-kind), contribution count, average gift and active partners, per period and group. */
export async function contributionFigures(db: Database, request: FigureRequest): Promise<FigureRow[]> {
  const { select, names } = textKeys('contributions', request.dimensions);
  const where = whereClause(filterConditions('contributions', request.filter));
  const rows = await run(
    db,
    sql`WITH ${periodsCte(request.periods)}
      SELECT p.idx${selectKeys(select)},
        sum(c.amount_usd)::text AS revenue,
        coalesce(sum(c.amount_usd) FILTER (WHERE c.kind = 'CASH'), 0)::text AS cash,
        coalesce(sum(c.amount_usd) FILTER (WHERE c.kind = 'IN_KIND'), 0)::text AS in_kind,
        count(*)::text AS contribution_count,
        round(sum(c.amount_usd) / count(*), 2)::text AS average_gift,
        count(DISTINCT c.partner_id)::text AS active_partners
      FROM periods p JOIN ${SOURCES.contributions.from} ON c.date BETWEEN p.p_from AND p.p_to
      ${where}
      GROUP BY p.idx${groupBy(names)}`,
  );
  return readRows(rows, names, {
    REVENUE_USD: 'revenue',
    CASH_REVENUE_USD: 'cash',
    IN_KIND_REVENUE_USD: 'in_kind',
    CONTRIBUTION_COUNT: 'contribution_count',
    AVERAGE_GIFT_USD: 'average_gift',
    ACTIVE_PARTNERS: 'active_partners',
  });
}

/** Weighted value of the open opportunities expected to close in the period. */
export function pipelineQuery(request: FigureRequest): FigureQuery {
  const { select, names } = textKeys('opportunities', request.dimensions);
  const conditions = [sql`o.stage NOT IN ('WON', 'LOST')`, ...filterConditions('opportunities', request.filter)];
  return {
    ctes: [],
    selects: [
      sql`SELECT 'PIPELINE_WEIGHTED_USD' AS metric, p.idx${selectKeys(select)},
          round(sum(o.amount_usd * o.probability), 2)::text AS value
        FROM periods p JOIN ${SOURCES.opportunities.from} ON o.expected_close_date BETWEEN p.p_from AND p.p_to
        ${whereClause(conditions)}
        GROUP BY p.idx${groupBy(names)}`,
    ],
  };
}

export function pipelineFigures(db: Database, request: FigureRequest): Promise<FigureRow[]> {
  return runFigureQueries(db, request, [pipelineQuery(request)]);
}

/** Sums of impact and enabler records, one column per metric code. */
export async function impactFigures(
  db: Database,
  request: FigureRequest & { metrics: readonly MetricCode[] },
): Promise<FigureRow[]> {
  if (request.metrics.length === 0) return [];
  const { select, names } = textKeys('impact_records', request.dimensions);
  const conditions = [
    sql`ir.metric_code IN (${valueList(request.metrics)})`,
    ...filterConditions('impact_records', request.filter),
  ];
  const rows = await run(
    db,
    sql`WITH ${periodsCte(request.periods)}
      SELECT p.idx${selectKeys(select)}, ir.metric_code, sum(ir.value)::text AS total
      FROM periods p JOIN ${SOURCES.impact_records.from} ON ir.date BETWEEN p.p_from AND p.p_to
      ${whereClause(conditions)}
      GROUP BY p.idx${groupBy(names)}, ir.metric_code`,
  );
  return rows.map((row) => ({
    idx: Number(row.idx),
    keys: names.map((name) => (row[name] === null ? null : String(row[name]))),
    values: { [String(row.metric_code)]: row.total === null ? null : String(row.total) },
  }));
}
