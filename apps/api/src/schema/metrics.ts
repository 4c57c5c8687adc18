import type { objectives, partners } from '@panorama/db';
import {
  computeMetrics,
  computeRows,
  type Dimension,
  type MetricCode,
  MetricsInputError,
  type MetricsOrder,
  type MetricsResult,
} from '@panorama/metrics';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import type { Context } from '../context';
import { rowByKey } from '../loaders';
import { selectsField } from '../selections';
import { SIGNED_IN_TYPE } from './detail-access';
import { ContributionKindEnum, IncomeStreamEnum, PartnerTypeEnum, SortDirectionEnum } from './enums';
import { DimensionEnum, MetricCodeEnum } from './metric-catalog';
import { MetricsRowRef } from './metric-value';
import { checkPartnerLevelMetrics } from './metrics-access';
import { Objective } from './objective';
import { Partner } from './partner';

export const TimeGrainEnum = builder.enumType('TimeGrain', {
  description: 'How to cut a range into periods, at calendar boundaries (the first and last may be partial).',
  values: {
    YEAR: { description: 'Calendar years.' },
    QUARTER: { description: 'Calendar quarters.' },
    MONTH: { description: 'Calendar months.' },
  } as const,
});

export const ComparisonEnum = builder.enumType('Comparison', {
  description: 'What to compare each value with.',
  values: {
    PREVIOUS_PERIOD: {
      description: 'The period before: the previous year, quarter or month, or the same length before.',
    },
    PREVIOUS_YEAR: { description: 'The same period a year earlier (29 February → 28 February).' },
    TARGET: { description: 'The target of the row’s scope: fills target, attainment and status.' },
  } as const,
});

export const MetricsFilterInput = builder.inputType('MetricsFilter', {
  description: 'Restricts the slice; every condition given must hold.',
  fields: (t) => ({
    regionCodes: t.stringList({ required: false, description: 'Bureau codes, such as RBN or HQ.' }),
    countryIsos: t.stringList({ required: false, description: 'Country ISO3 codes, such as KEN.' }),
    incomeStreams: t.field({
      type: [IncomeStreamEnum],
      required: false,
      description: 'Income streams (contributions only).',
    }),
    partnerTypes: t.field({
      type: [PartnerTypeEnum],
      required: false,
      description: 'Partner types (contributions only).',
    }),
    objectiveCodes: t.stringList({ required: false, description: 'Objective codes, such as INC_GROWTH.' }),
    partnerIds: t.idList({ required: false, description: 'Global IDs of partners (contributions only).' }),
    kind: t.field({
      type: ContributionKindEnum,
      required: false,
      description: 'CASH or IN_KIND (contributions only).',
    }),
  }),
});

const MetricsOrderInput = builder.inputType('MetricsOrder', {
  description: 'One ordering key: give exactly one of `metric`, `dimension` or `period`.',
  fields: (t) => ({
    metric: t.field({
      type: MetricCodeEnum,
      required: false,
      description: 'Order by this metric’s value (nulls last).',
    }),
    dimension: t.field({ type: DimensionEnum, required: false, description: 'Order by this group key’s code.' }),
    period: t.boolean({ required: false, description: 'Order by period start.' }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'desc', description: 'Default: DESC.' }),
  }),
});

/** A `metrics` answer; `total` is null when the query does not select it. */
type MetricsAnswer = { rows: MetricsResult['rows']; total: MetricsResult['total'] | null };

const MetricsResultRef = builder.objectRef<MetricsAnswer>('MetricsResult');
MetricsResultRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'The answer to a `metrics` query.',
  fields: (t) => ({
    rows: t.field({
      type: [MetricsRowRef],
      description: 'One row per group and period, ordered and limited.',
      resolve: (r) => r.rows,
    }),
    total: t.field({
      type: MetricsRowRef,
      description: 'The whole slice over the whole range, ungrouped.',
      resolve: (r) => {
        if (!r.total) throw new Error('the totals row was not computed, though asked for');
        return r.total;
      },
    }),
  }),
});

function badInput(message: string, argument?: string, reason = 'BAD_ARGUMENT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, argument } });
}

export function partnerIdsOf(ids: readonly (string | number)[] | null | undefined): number[] | null {
  if (!ids) return null;
  return ids.map((id) => {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalID(String(id));
    } catch {
      throw badInput(`${id} is not a partner ID: pass the \`id\` of a Partner.`, 'filter.partnerIds');
    }
    if (decoded.typename !== 'Partner' || !/^\d+$/.test(decoded.id)) {
      throw badInput(`${id} is the ID of a ${decoded.typename}, not of a Partner.`, 'filter.partnerIds');
    }
    return Number(decoded.id);
  });
}

type OrderInput = typeof MetricsOrderInput.$inferInput;

function orderOf(orders: readonly OrderInput[] | null | undefined): MetricsOrder[] {
  return (orders ?? []).map((order) => {
    const given = [order.metric, order.dimension, order.period].filter((value) => value != null);
    if (given.length !== 1)
      throw badInput('Each orderBy entry takes exactly one of metric, dimension or period.', 'orderBy');
    const direction = order.direction ?? 'desc';
    if (order.metric) return { by: { metric: order.metric as MetricCode }, direction };
    if (order.dimension) return { by: { dimension: order.dimension as Dimension }, direction };
    return { by: { period: true }, direction };
  });
}

/**
 * Runs the metric engine, turning the requests it rejects into typed, explained errors; a large
 * answer waits for the request's turn (`Context.admitLargeAnswer`).
 */
export async function answerMetrics(
  context: Context,
  query: Parameters<typeof computeMetrics>[1],
  { total }: { total: boolean },
): Promise<MetricsAnswer> {
  const beforeRows = (rows: number) => context.admitLargeAnswer(rows);
  try {
    if (total) return await computeMetrics(context.db, query, { beforeRows });
    return { rows: await computeRows(context.db, query, { beforeRows }), total: null };
  } catch (error) {
    if (error instanceof MetricsInputError) throw badInput(error.message, error.argument, error.code);
    throw error;
  }
}

builder.queryField('metrics', (t) =>
  t.field({
    type: MetricsResultRef,
    description:
      'The analyst’s query: metrics × groups × periods over a closed range, with filters and comparisons. See docs/metrics.md for what each number means. Grouping or filtering by PARTNER is partner-level detail: a REGIONAL user does it only with `filter: { regionCodes: [its region] }`.',
    authScopes: (_root, args, context) =>
      checkPartnerLevelMetrics(context, {
        groupBy: args.groupBy ?? [],
        regionCodes: args.filter?.regionCodes,
        partnerIds: partnerIdsOf(args.filter?.partnerIds),
      }),
    args: {
      metrics: t.arg({
        type: [MetricCodeEnum],
        required: true,
        description: 'The metrics to compute, in the order of each row’s values.',
      }),
      from: t.arg({ type: 'Date', required: true, description: 'The first day of the range (included).' }),
      to: t.arg({ type: 'Date', required: true, description: 'The last day of the range (included).' }),
      groupBy: t.arg({ type: [DimensionEnum], defaultValue: [], description: 'The dimensions to group by.' }),
      grain: t.arg({
        type: TimeGrainEnum,
        required: false,
        description: 'Cut the range into periods; omitted: the range is one period.',
      }),
      filter: t.arg({ type: MetricsFilterInput, required: false, description: 'Restrict the slice.' }),
      compare: t.arg({
        type: [ComparisonEnum],
        defaultValue: [],
        description:
          'Comparisons to fill: previous, change, target, attainment, status. `previous` follows the first of PREVIOUS_PERIOD / PREVIOUS_YEAR listed.',
      }),
      asOf: t.arg({ type: 'Date', required: false, description: 'The day status is judged at; default: `to`.' }),
      orderBy: t.arg({
        type: [MetricsOrderInput],
        required: false,
        description: 'Row order; default: by period, then group keys.',
      }),
      limit: t.arg.int({
        required: false,
        description: 'At most this many rows (1 to 10,000); the total is unaffected.',
      }),
    },
    resolve: (_root, args, context, info) =>
      answerMetrics(
        context,
        {
          metrics: args.metrics as MetricCode[],
          from: args.from,
          to: args.to,
          groupBy: (args.groupBy ?? []) as Dimension[],
          grain: args.grain ?? null,
          filter: args.filter ? { ...args.filter, partnerIds: partnerIdsOf(args.filter.partnerIds) } : null,
          compare: args.compare ?? [],
          asOf: args.asOf ?? null,
          orderBy: orderOf(args.orderBy),
          limit: args.limit ?? null,
        },
        // The totals row is computed only when asked for.
        { total: selectsField(info, 'total') },
      ),
  }),
);

builder.objectField(MetricsRowRef, 'partner', (t) =>
  t.field({
    type: Partner,
    nullable: true,
    description: 'The partner, when grouped by PARTNER.',
    // The type's authorization reads the partner's visibility by id (batched) when it lacks its region.
    resolve: (row) => (row.partnerId === null ? null : rowByKey<typeof partners.$inferSelect>({ id: row.partnerId })),
  }),
);

builder.objectField(MetricsRowRef, 'objective', (t) =>
  t.field({
    type: Objective,
    nullable: true,
    description: 'The objective, when grouped by OBJECTIVE.',
    resolve: (row) =>
      row.objectiveCode === null ? null : rowByKey<typeof objectives.$inferSelect>({ code: row.objectiveCode }),
  }),
);
