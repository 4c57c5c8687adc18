import { type Database, OPPORTUNITY_STAGES, type OpportunityStage, selectRows } from '@panorama/db';
import { sql } from 'drizzle-orm';
import type { Period } from './periods';

export interface PipelineStage {
  stage: OpportunityStage;
  count: number;
  amountUsd: string;
  weightedUsd: string;
}

/** The opportunities expected to close in the period, by stage (every stage listed, in pipeline order). */
export async function pipelineByStage(db: Database, period: Period, regionCode?: string): Promise<PipelineStage[]> {
  const region = regionCode ? sql` AND region_code = ${regionCode}` : sql``;
  const rows = await selectRows<{ stage: OpportunityStage; count: number; amount: string; weighted: string }>(
    db,
    sql`
    SELECT stage, count(*)::int AS count, sum(amount_usd)::text AS amount,
      round(sum(amount_usd * probability), 2)::text AS weighted
    FROM opportunities
    WHERE expected_close_date BETWEEN ${period.from} AND ${period.to}${region}
    GROUP BY stage`,
  );
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return OPPORTUNITY_STAGES.map((stage) => {
    const row = byStage.get(stage);
    return { stage, count: Number(row?.count ?? 0), amountUsd: row?.amount ?? '0', weightedUsd: row?.weighted ?? '0' };
  });
}
