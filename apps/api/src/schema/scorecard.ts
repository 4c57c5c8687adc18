import { OBJECTIVES, type objectives } from '@panorama/db';
import {
  computeKeyFigures,
  computeRows,
  type KeyFigureRequest,
  METRICS,
  type MetricsRow,
  type MetricValue,
  type PipelineStage,
  pipelineByStage,
  type TargetStatus,
  worstStatus,
  yearPeriod,
} from '@panorama/metrics';
import { builder, type PanoramaTypes } from '../builder';
import type { Context } from '../context';
import { rowByKey } from '../loaders';
import { SIGNED_IN_TYPE } from './detail-access';
import { OpportunityStageEnum } from './enums';
import { MetricsRowRef, MetricValueRef, TargetStatusEnum } from './metric-value';
import { Objective } from './objective';

/** Shared parts of the overview and of a regional panorama. */

export interface ObjectiveProgressShape {
  objectiveCode: string;
  figures: MetricValue[];
  status: TargetStatus | null;
}

export const ObjectiveProgressRef = builder.objectRef<ObjectiveProgressShape>('ObjectiveProgress');
ObjectiveProgressRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'How one strategy objective stands: the metrics that serve it, against their targets.',
  fields: (t) => ({
    objective: t.field({
      type: Objective,
      description: 'The objective.',
      resolve: (progress) => rowByKey<typeof objectives.$inferSelect>({ code: progress.objectiveCode }),
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
  ...SIGNED_IN_TYPE,
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

/** A part of an answer, computed the first time a field asks for it and once only. */
export type Part<T> = () => Promise<T>;

export function part<T>(compute: () => Promise<T>): Part<T> {
  let computed: Promise<T> | undefined;
  return () => {
    computed ??= compute();
    return computed;
  };
}

/**
 * What the overview and a panorama share: a year's scorecard as of a day, for one scope. Each
 * part is computed when the query asks for it (the parts asked run side by side).
 */
export interface ScorecardShape {
  year: number;
  asOf: string;
  kpis: Part<MetricsRow>;
  byIncomeStream: Part<MetricsRow[]>;
  trend: Part<MetricsRow[]>;
  pipeline: Part<PipelineStage[]>;
}

/** A year's scorecard: key figures, income streams, the monthly trend, objectives and pipeline. */
export function scorecard(context: Context, year: number, asOf: string, regionCode?: string): ScorecardShape {
  const filter = regionCode ? { regionCodes: [regionCode] } : undefined;
  return {
    year,
    asOf,
    kpis: part(async () => {
      const [kpis] = await keyFigures(context, year, asOf, { filter });
      if (!kpis) throw new Error('no key figures');
      return kpis;
    }),
    byIncomeStream: part(() =>
      keyFigures(context, year, asOf, { filter, groupBy: ['INCOME_STREAM'], metrics: ['REVENUE_USD'] }),
    ),
    trend: part(() =>
      computeRows(context.db, {
        metrics: ['REVENUE_USD'],
        ...yearPeriod(year),
        grain: 'MONTH',
        filter,
        compare: ['PREVIOUS_YEAR', 'TARGET'],
      }),
    ),
    pipeline: part(() => pipelineByStage(context.db, yearPeriod(year), regionCode)),
  };
}

type FieldBuilder<Shape> = PothosSchemaTypes.ObjectFieldBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<PanoramaTypes>,
  Shape
>;

/** The scorecard's GraphQL fields; `target` names whose target the key figures are judged against. */
export function scorecardFields<Shape extends ScorecardShape>(t: FieldBuilder<Shape>, target: string) {
  return {
    year: t.int({ description: 'The year.', resolve: (card) => card.year }),
    asOf: t.field({ type: 'Date', description: 'The day the figures are read at.', resolve: (card) => card.asOf }),
    kpis: t.field({
      type: [MetricValueRef],
      description: `Every catalog metric, 1 January to asOf, vs the same days a year earlier and ${target}.`,
      resolve: async (card) => (await card.kpis()).values,
    }),
    byIncomeStream: t.field({
      type: [MetricsRowRef],
      description: 'Revenue by income stream, 1 January to asOf, vs the same days a year earlier.',
      resolve: (card) => card.byIncomeStream(),
    }),
    trend: t.field({
      type: [MetricsRowRef],
      description: 'Revenue month by month over the year, with the same month a year earlier as `previous`.',
      resolve: (card) => card.trend(),
    }),
    objectives: t.field({
      type: [ObjectiveProgressRef],
      description: 'Progress per strategy objective.',
      resolve: async (card) => objectiveProgress((await card.kpis()).values),
    }),
    pipeline: t.field({
      type: [PipelineStageRef],
      description: 'Opportunities expected to close in the year, by stage.',
      resolve: (card) => card.pipeline(),
    }),
  };
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
