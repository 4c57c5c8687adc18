import type { Database } from '@panorama/db';
import { type SQL, sql } from 'drizzle-orm';
import type { MetricCode } from '../catalog';
import {
  type FigureQuery,
  type FigureRequest,
  type FigureRow,
  groupBy,
  runFigureQueries,
  selectKeys,
  textKeys,
} from './figures';
import { valuesCte } from './literals';
import { filterConditions, SOURCES, whereClause } from './sources';

/**
 * Active, new and retained partners, over two relations a source provides: `active (idx,
 * partner_id, k0…)`, the partners active in each period and slice, once each; and `firsts
 * (partner_id, k0…, first_day)`, each partner's first contribution in each slice, over all time.
 * The fact table and the rollups provide them differently; the figures are the same SQL.
 */
export interface PartnerSource {
  /** CTEs the two relations need besides `periods`. */
  ctes: SQL[];
  active: SQL;
  firsts: SQL;
}

export interface PartnerFiguresRequest extends FigureRequest {
  metrics: readonly MetricCode[];
  /** For retention: each period and the previous period it is compared with. */
  pairs: readonly { idx: number; previousIdx: number }[];
}

const keyList = (names: string[], alias: string) => sql.raw(names.map((name) => `, ${alias}.${name}`).join(''));

export function partnerQuery(request: PartnerFiguresRequest, source: PartnerSource): FigureQuery {
  const wants = (code: MetricCode) => request.metrics.includes(code);
  const retention = wants('PARTNER_RETENTION_RATE') && request.pairs.length > 0;
  const { names } = textKeys('contributions', request.dimensions);
  const ctes = [...source.ctes];
  const selects: SQL[] = [];
  if (wants('ACTIVE_PARTNERS') || retention) ctes.push(sql`active AS (${source.active})`);
  if (wants('NEW_PARTNERS')) ctes.push(sql`firsts AS (${source.firsts})`);
  if (wants('ACTIVE_PARTNERS')) {
    selects.push(sql`SELECT 'ACTIVE_PARTNERS' AS metric, a.idx${keyList(names, 'a')}, count(*)::text AS value
      FROM active a
      GROUP BY a.idx${keyList(names, 'a')}`);
  }
  if (wants('NEW_PARTNERS')) {
    selects.push(sql`SELECT 'NEW_PARTNERS' AS metric, p.idx${keyList(names, 'f')}, count(*)::text AS value
      FROM periods p JOIN firsts f ON f.first_day BETWEEN p.p_from AND p.p_to
      GROUP BY p.idx${keyList(names, 'f')}`);
  }
  if (retention) {
    // Of the partners active in the slice in the previous period, the share also active in this one.
    const pairs = request.pairs.map((pair) => [{ int: pair.idx }, { int: pair.previousIdx }]);
    ctes.push(valuesCte('pairs', ['idx', 'previous_idx'], pairs));
    const sameKeys = sql.raw(names.map((name) => ` AND cur.${name} IS NOT DISTINCT FROM prev.${name}`).join(''));
    selects.push(sql`SELECT 'PARTNER_RETENTION_RATE' AS metric, pr.idx${keyList(names, 'prev')},
        round(count(cur.partner_id)::numeric / count(*), 6)::text AS value
      FROM pairs pr
      JOIN active prev ON prev.idx = pr.previous_idx
      LEFT JOIN active cur ON cur.idx = pr.idx AND cur.partner_id = prev.partner_id${sameKeys}
      GROUP BY pr.idx${keyList(names, 'prev')}`);
  }
  return { ctes, selects };
}

export function partnerFigures(
  db: Database,
  request: PartnerFiguresRequest,
  source: PartnerSource,
): Promise<FigureRow[]> {
  return runFigureQueries(db, request, [partnerQuery(request, source)]);
}

/** Partners as the fact table gives them. */
export function factPartnerSource(request: FigureRequest): PartnerSource {
  const { select, names } = textKeys('contributions', request.dimensions);
  const where = whereClause(filterConditions('contributions', request.filter));
  return {
    ctes: [],
    active: sql`SELECT DISTINCT p.idx, c.partner_id${selectKeys(select)}
      FROM periods p JOIN ${SOURCES.contributions.from} ON c.date BETWEEN p.p_from AND p.p_to
      ${where}`,
    firsts: sql`SELECT c.partner_id${selectKeys(select)}, min(c.date) AS first_day
      FROM ${SOURCES.contributions.from} ${where}
      GROUP BY c.partner_id${groupBy(names)}`,
  };
}
