import {
  computeRows,
  lastDayWithData,
  type MetricsRow,
  type PipelineStage,
  pipelineByStage,
  yearPeriod,
} from '@panorama/metrics';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import { MetricsRowRef, MetricValueRef } from './metric-value';
import {
  AS_OF_DESCRIPTION,
  keyFigures,
  ObjectiveProgressRef,
  type ObjectiveProgressShape,
  objectiveProgress,
  PipelineStageRef,
  YEAR_ARGUMENT_DESCRIPTION,
} from './scorecard';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new GraphQLError(`\`year\` must be between ${FIRST_YEAR} and ${LAST_YEAR}; got ${year}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'year' },
    });
  }
}

export function checkAsOf(year: number, asOf: string | null | undefined): void {
  if (asOf && asOf.slice(0, 4) !== String(year)) {
    throw new GraphQLError(`\`asOf\` (${asOf}) must be a day of ${year}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
    });
  }
}

interface OverviewShape {
  year: number;
  asOf: string;
  kpis: MetricsRow;
  regions: MetricsRow[];
  byIncomeStream: MetricsRow[];
  trend: MetricsRow[];
  objectives: ObjectiveProgressShape[];
  pipeline: PipelineStage[];
}

const OverviewRef = builder.objectRef<OverviewShape>('Overview');
OverviewRef.implement({
  description: 'Leadership’s view of one year: is the strategy on track?',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    asOf: t.expose('asOf', { type: 'Date', description: 'The day the figures are read at.' }),
    kpis: t.field({
      type: [MetricValueRef],
      description: 'Every catalog metric, 1 January to asOf, vs the same days a year earlier and the GLOBAL target.',
      resolve: (o) => o.kpis.values,
    }),
    regions: t.field({
      type: [MetricsRowRef],
      description: 'The key figures of each region, against its targets.',
      resolve: (o) => o.regions,
    }),
    byIncomeStream: t.field({
      type: [MetricsRowRef],
      description: 'Revenue by income stream, vs a year earlier.',
      resolve: (o) => o.byIncomeStream,
    }),
    trend: t.field({
      type: [MetricsRowRef],
      description: 'Revenue month by month over the year, with the same month a year earlier as `previous`.',
      resolve: (o) => o.trend,
    }),
    objectives: t.field({
      type: [ObjectiveProgressRef],
      description: 'Progress per strategy objective.',
      resolve: (o) => o.objectives,
    }),
    pipeline: t.field({
      type: [PipelineStageRef],
      description: 'Opportunities expected to close in the year, by stage.',
      resolve: (o) => o.pipeline,
    }),
  }),
});

builder.queryField('overview', (t) =>
  t.field({
    type: OverviewRef,
    description: 'The leadership overview of a year.',
    args: {
      year: t.arg.int({ required: true, description: YEAR_ARGUMENT_DESCRIPTION }),
      asOf: t.arg({ type: 'Date', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, { year, asOf: requestedAsOf }, context) => {
      checkYear(year);
      checkAsOf(year, requestedAsOf);
      const asOf = requestedAsOf ?? (await lastDayWithData(context.db, year));
      const [[kpis], regions, byIncomeStream, trend, pipeline] = await Promise.all([
        keyFigures(context, year, asOf),
        keyFigures(context, year, asOf, {
          groupBy: ['REGION'],
          metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS', 'BENEFICIARIES_REACHED', 'PIPELINE_WEIGHTED_USD'],
        }),
        keyFigures(context, year, asOf, { groupBy: ['INCOME_STREAM'], metrics: ['REVENUE_USD'] }),
        computeRows(context.db, {
          metrics: ['REVENUE_USD'],
          ...yearPeriod(year),
          grain: 'MONTH',
          compare: ['PREVIOUS_YEAR', 'TARGET'],
        }),
        pipelineByStage(context.db, yearPeriod(year)),
      ]);
      if (!kpis) throw new Error('no key figures');
      return {
        year,
        asOf,
        kpis,
        regions,
        byIncomeStream,
        trend,
        objectives: objectiveProgress(kpis.values),
        pipeline,
      };
    },
  }),
);
