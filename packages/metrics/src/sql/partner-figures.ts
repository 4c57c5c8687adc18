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
 * Active, new and retained partners, over relations a source provides: `active (idx,
 * partner_id, k0…)`, the partners active in each period and slice, once each; and `firsts
 * (partner_id, k0…, first_day)`, each partner's first contribution in each slice, over all time.
 * A source may also give `marks (partner_id, k0…, periods)`: each partner and slice once, with
 * the periods it was active in as bits of a bigint (bit `idx`), read in one pass; the figures
 * then come from it without comparing rows of `active` with each other.
 * The fact table and the rollups provide them differently; the figures are the same.
 */
export interface PartnerSource {
  /** CTEs the relations need besides `periods`. */
  ctes: SQL[];
  active: SQL;
  firsts: SQL;
  /** Only when every period's `idx` is below MARKED_PERIODS. */
  marks?: SQL;
}

/** Periods a bigint of marks can hold: bits 0 to 62. */
export const MARKED_PERIODS = 63;

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
  const pairs = () =>
    valuesCte(
      'pairs',
      ['idx', 'previous_idx'],
      request.pairs.map((pair) => [{ int: pair.idx }, { int: pair.previousIdx }]),
    );
  if (wants('NEW_PARTNERS')) {
    ctes.push(sql`firsts AS (${source.firsts})`);
    selects.push(sql`SELECT 'NEW_PARTNERS' AS metric, p.idx${keyList(names, 'f')}, count(*)::text AS value
      FROM periods p JOIN firsts f ON f.first_day BETWEEN p.p_from AND p.p_to
      GROUP BY p.idx${keyList(names, 'f')}`);
  }
  if (!wants('ACTIVE_PARTNERS') && !retention) return { ctes, selects };
  if (source.marks) {
    const inPeriod = (idx: string) => sql.raw(`(m.periods & (1::bigint << ${idx})) <> 0`);
    ctes.push(sql`marks AS (${source.marks})`);
    if (wants('ACTIVE_PARTNERS')) {
      selects.push(sql`SELECT 'ACTIVE_PARTNERS' AS metric, p.idx${keyList(names, 'm')}, count(*)::text AS value
        FROM periods p JOIN marks m ON ${inPeriod('p.idx')}
        GROUP BY p.idx${keyList(names, 'm')}`);
    }
    if (retention) {
      // Of the partners active in the slice in the previous period, the share also active in this one.
      ctes.push(pairs());
      selects.push(sql`SELECT 'PARTNER_RETENTION_RATE' AS metric, pr.idx${keyList(names, 'm')},
          round(count(*) FILTER (WHERE ${inPeriod('pr.idx')})::numeric / count(*), 6)::text AS value
        FROM pairs pr JOIN marks m ON ${inPeriod('pr.previous_idx')}
        GROUP BY pr.idx${keyList(names, 'm')}`);
    }
    return { ctes, selects };
  }
  ctes.push(sql`active AS (${source.active})`);
  if (wants('ACTIVE_PARTNERS')) {
    selects.push(sql`SELECT 'ACTIVE_PARTNERS' AS metric, a.idx${keyList(names, 'a')}, count(*)::text AS value
      FROM active a
      GROUP BY a.idx${keyList(names, 'a')}`);
  }
  if (retention) {
    ctes.push(pairs());
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
