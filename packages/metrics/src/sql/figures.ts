import { type Database, selectRows } from '@panorama/db';
import { type SQL, sql } from 'drizzle-orm';
import type { MetricCode } from '../catalog';
import type { Period } from '../periods';
import type { Dimension, MetricsFilter } from '../query';
import { filterConditions, keyColumns, SOURCES, type SourceTable, whereClause } from './sources';

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

function periodsCte(periods: readonly IndexedPeriod[]): SQL {
  const rows = periods.map((period) => sql`(${period.idx}::int, ${period.from}::date, ${period.to}::date)`);
  return sql`periods(idx, p_from, p_to) AS (VALUES ${sql.join(rows, sql`, `)})`;
}

function textKeys(table: SourceTable, dimensions: readonly Dimension[]) {
  const { select, names } = keyColumns(table, dimensions);
  return { select: select.map((column) => sql`${column}`), names };
}

type Row = Record<string, string | number | null>;

const run = (db: Database, query: SQL) => selectRows<Row>(db, query);

function readRows(rows: Row[], keyNames: string[], columns: Partial<Record<MetricCode, string>>): FigureRow[] {
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

function groupList(names: string[], prefix = ''): SQL {
  return sql.raw(names.map((name) => `${prefix}${name}`).join(', '));
}

function selectKeys(select: SQL[]): SQL {
  return select.length ? sql`, ${sql.join(select, sql`, `)}` : sql``;
}

function groupBy(names: string[]): SQL {
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

/** Partners whose first contribution in the slice, over all time, falls in the period. */
export async function newPartnerFigures(db: Database, request: FigureRequest): Promise<FigureRow[]> {
  const { select, names } = textKeys('contributions', request.dimensions);
  const where = whereClause(filterConditions('contributions', request.filter));
  const rows = await run(
    db,
    sql`WITH ${periodsCte(request.periods)},
      firsts AS (
        SELECT c.partner_id${selectKeys(select)}, min(c.date) AS first_date
        FROM ${SOURCES.contributions.from} ${where}
        GROUP BY c.partner_id${groupBy(names)}
      )
      SELECT p.idx${names.length ? sql`, ${groupList(names, 'f.')}` : sql``}, count(*)::text AS new_partners
      FROM periods p JOIN firsts f ON f.first_date BETWEEN p.p_from AND p.p_to
      GROUP BY p.idx${names.length ? sql`, ${groupList(names, 'f.')}` : sql``}`,
  );
  return readRows(rows, names, { NEW_PARTNERS: 'new_partners' });
}

/**
 * Retention: for each (period, previous period) pair, of the partners active in the slice in
 * the previous one, the share also active in the period. Groups with no such partner are absent.
 */
export async function retentionFigures(
  db: Database,
  request: FigureRequest & { pairs: readonly { idx: number; previousIdx: number }[] },
): Promise<FigureRow[]> {
  if (request.pairs.length === 0) return [];
  const { select, names } = textKeys('contributions', request.dimensions);
  const where = whereClause(filterConditions('contributions', request.filter));
  const pairs = request.pairs.map((pair) => sql`(${pair.idx}::int, ${pair.previousIdx}::int)`);
  const sameKeys = names.map((name) => sql.raw(` AND cur.${name} IS NOT DISTINCT FROM prev.${name}`));
  const rows = await run(
    db,
    sql`WITH ${periodsCte(request.periods)},
      pairs(idx, previous_idx) AS (VALUES ${sql.join(pairs, sql`, `)}),
      active AS (
        SELECT DISTINCT p.idx, c.partner_id${selectKeys(select)}
        FROM periods p JOIN ${SOURCES.contributions.from} ON c.date BETWEEN p.p_from AND p.p_to
        ${where}
      )
      SELECT pr.idx${names.length ? sql`, ${groupList(names, 'prev.')}` : sql``},
        round(count(cur.partner_id)::numeric / count(*), 6)::text AS retention
      FROM pairs pr
      JOIN active prev ON prev.idx = pr.previous_idx
      LEFT JOIN active cur ON cur.idx = pr.idx AND cur.partner_id = prev.partner_id${sql.join(sameKeys, sql``)}
      GROUP BY pr.idx${names.length ? sql`, ${groupList(names, 'prev.')}` : sql``}`,
  );
  return readRows(rows, names, { PARTNER_RETENTION_RATE: 'retention' });
}

/** Weighted value of the open opportunities expected to close in the period. */
export async function pipelineFigures(db: Database, request: FigureRequest): Promise<FigureRow[]> {
  const { select, names } = textKeys('opportunities', request.dimensions);
  const conditions = [sql`o.stage NOT IN ('WON', 'LOST')`, ...filterConditions('opportunities', request.filter)];
  const rows = await run(
    db,
    sql`WITH ${periodsCte(request.periods)}
      SELECT p.idx${selectKeys(select)}, round(sum(o.amount_usd * o.probability), 2)::text AS pipeline
      FROM periods p JOIN ${SOURCES.opportunities.from} ON o.expected_close_date BETWEEN p.p_from AND p.p_to
      ${whereClause(conditions)}
      GROUP BY p.idx${groupBy(names)}`,
  );
  return readRows(rows, names, { PIPELINE_WEIGHTED_USD: 'pipeline' });
}

/** Sums of impact and enabler records, one column per metric code. */
export async function impactFigures(
  db: Database,
  request: FigureRequest & { metrics: readonly MetricCode[] },
): Promise<FigureRow[]> {
  if (request.metrics.length === 0) return [];
  const { select, names } = textKeys('impact_records', request.dimensions);
  const codes = sql.join(
    request.metrics.map((code) => sql`${code}`),
    sql`, `,
  );
  const conditions = [sql`ir.metric_code IN (${codes})`, ...filterConditions('impact_records', request.filter)];
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
