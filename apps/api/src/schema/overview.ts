import { lastDayWithData, type MetricsRow } from '@panorama/metrics';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import { SIGNED_IN_TYPE } from './detail-access';
import { MetricsRowRef } from './metric-value';
import {
  AS_OF_DESCRIPTION,
  keyFigures,
  type Part,
  part,
  type ScorecardShape,
  scorecard,
  scorecardFields,
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

interface OverviewShape extends ScorecardShape {
  regions: Part<MetricsRow[]>;
}

const OverviewRef = builder.objectRef<OverviewShape>('Overview');
OverviewRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'Leadership’s view of one year: is the strategy on track?',
  fields: (t) => ({
    ...scorecardFields(t, 'the GLOBAL target'),
    regions: t.field({
      type: [MetricsRowRef],
      description: 'The key figures of each region, against its targets.',
      resolve: (o) => o.regions(),
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
      return {
        ...scorecard(context, year, asOf),
        regions: part(() =>
          keyFigures(context, year, asOf, {
            groupBy: ['REGION'],
            metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS', 'BENEFICIARIES_REACHED', 'PIPELINE_WEIGHTED_USD'],
          }),
        ),
      };
    },
  }),
);
