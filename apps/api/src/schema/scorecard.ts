import { OBJECTIVES } from '@panorama/db';
import {
  computeKeyFigures,
  type KeyFigureRequest,
  METRICS,
  type MetricValue,
  type PipelineStage,
  type TargetStatus,
  worstStatus,
} from '@panorama/metrics';
import { builder } from '../builder';
import type { Context } from '../context';
import { OpportunityStageEnum } from './enums';
import { MetricValueRef, TargetStatusEnum } from './metric-value';
import { Objective } from './objective';

/** Shared parts of the overview and of a regional panorama. */

export interface ObjectiveProgressShape {
  objectiveCode: string;
  figures: MetricValue[];
  status: TargetStatus | null;
}

export const ObjectiveProgressRef = builder.objectRef<ObjectiveProgressShape>('ObjectiveProgress');
ObjectiveProgressRef.implement({
  description: 'How one strategy objective stands: the metrics that serve it, against their targets.',
  fields: (t) => ({
    objective: t.field({
      type: Objective,
      description: 'The objective.',
      resolve: (progress, _args, context) =>
        context.loaders.objective.load(progress.objectiveCode).then((found) => {
          if (!found) throw new Error(`objective ${progress.objectiveCode} is missing`);
          return found;
        }),
    }),
    figures: t.field({
      type: [MetricValueRef],
      description: 'The objective’s metrics, year to date.',
      resolve: (p) => p.figures,
    }),
    status: t.field({
      type: TargetStatusEnum,
      nullable: true,
      description: 'The worst status among its metrics; null when none has a target.',
      resolve: (p) => p.status,
    }),
  }),
});

export const PipelineStageRef = builder.objectRef<PipelineStage>('PipelineStage');
PipelineStageRef.implement({
  description: 'The opportunities of one stage expected to close in the year.',
  fields: (t) => ({
    stage: t.field({ type: OpportunityStageEnum, description: 'The stage.', resolve: (s) => s.stage }),
    count: t.exposeInt('count', { description: 'How many opportunities.' }),
    amountUsd: t.float({ description: 'Their total amount in USD.', resolve: (s) => Number(s.amountUsd) }),
    weightedUsd: t.float({
      description: 'Their amount × probability, summed, in USD.',
      resolve: (s) => Number(s.weightedUsd),
    }),
  }),
});

/** Each objective with the catalog metrics that serve it, from one set of key figures. */
export function objectiveProgress(kpis: readonly MetricValue[]): ObjectiveProgressShape[] {
  return OBJECTIVES.map((objective) => {
    const codes = new Set<string>(
      METRICS.filter((metric) => metric.objectiveCode === objective.code).map((m) => m.code),
    );
    const figures = kpis.filter((figure) => codes.has(figure.metric));
    return { objectiveCode: objective.code, figures, status: worstStatus(figures.map((figure) => figure.status)) };
  });
}

/** Key figures of a year as of a day, for a slice, grouped or not. */
export function keyFigures(
  context: Context,
  year: number,
  asOf: string,
  options: Omit<KeyFigureRequest, 'year' | 'asOf'> = {},
) {
  return computeKeyFigures(context.db, { year, asOf, ...options });
}

export const YEAR_ARGUMENT_DESCRIPTION = 'The strategy year, such as 2025.';
export const AS_OF_DESCRIPTION =
  'The day the figures are read at: values run from 1 January to this day and status is judged at it. Default: the last day with data in that year.';
