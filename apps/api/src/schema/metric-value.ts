import type { countries, regions } from '@panorama/db';
import type { MetricsRow as EngineMetricsRow, MetricValue as EngineMetricValue } from '@panorama/metrics';
import { builder } from '../builder';
import { rowByKey } from '../loaders';
import { Country } from './country';
import { SIGNED_IN_TYPE } from './detail-access';
import { ContributionKindEnum, IncomeStreamEnum, PartnerTypeEnum } from './enums';
import { MetricCodeEnum } from './metric-catalog';
import { Region } from './region';

export const TargetStatusEnum = builder.enumType('TargetStatus', {
  description: 'Red/amber/green against the target by the pace rule (see docs/metrics.md).',
  values: {
    ON_TRACK: { description: 'At least 95 % of what the target expects by `asOf`.' },
    AT_RISK: { description: 'At least 75 % of what the target expects by `asOf`, under 95 %.' },
    OFF_TRACK: { description: 'Under 75 % of what the target expects by `asOf`.' },
  } as const,
});

const toFloat = (value: string | null) => (value === null ? null : Number(value));

export const MetricValueRef = builder.objectRef<EngineMetricValue>('MetricValue');
MetricValueRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'One metric’s figures for one row.',
  fields: (t) => ({
    metric: t.field({ type: MetricCodeEnum, description: 'Which metric.', resolve: (v) => v.metric as never }),
    value: t.float({
      nullable: true,
      description: 'The value; null for an average or rate of an empty slice.',
      resolve: (v) => toFloat(v.value),
    }),
    valueText: t.string({
      nullable: true,
      description: 'The value as an exact decimal, as computed in the database.',
      resolve: (v) => v.value,
    }),
    previous: t.float({
      nullable: true,
      description: 'The value over the comparison period (PREVIOUS_PERIOD or PREVIOUS_YEAR).',
      resolve: (v) => toFloat(v.previous),
    }),
    change: t.float({
      nullable: true,
      description: '(value − previous) / previous; null when previous is 0 or null.',
      resolve: (v) => v.change,
    }),
    target: t.float({
      nullable: true,
      description: 'The target of the row’s scope for the period (with compare: TARGET).',
      resolve: (v) => toFloat(v.target),
    }),
    attainment: t.float({
      nullable: true,
      description: 'value / target; null without a target or when it is 0.',
      resolve: (v) => v.attainment,
    }),
    status: t.field({
      type: TargetStatusEnum,
      nullable: true,
      description: 'On track, at risk or off track as of `asOf`; null without a target.',
      resolve: (v) => v.status,
    }),
  }),
});

export const PeriodRef = builder.objectRef<{ from: string; to: string; label: string }>('Period');
PeriodRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'A closed date range [from, to].',
  fields: (t) => ({
    from: t.expose('from', { type: 'Date', description: 'The first day.' }),
    to: t.expose('to', { type: 'Date', description: 'The last day.' }),
    label: t.exposeString('label', { description: 'A label for people: 2025, 2025-Q1, Mar 2025, or the dates.' }),
  }),
});

export const MetricsRowRef = builder.objectRef<EngineMetricsRow>('MetricsRow');
MetricsRowRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'One group (and period, with a grain) of a `metrics` answer, or its totals.',
  fields: (t) => ({
    region: t.field({
      type: Region,
      nullable: true,
      description: 'The bureau, when grouped by REGION.',
      resolve: (row) => (row.regionCode ? rowByKey<typeof regions.$inferSelect>({ code: row.regionCode }) : null),
    }),
    country: t.field({
      type: Country,
      nullable: true,
      description: 'The country, when grouped by COUNTRY (null for gifts without one).',
      resolve: (row) => (row.countryIso3 ? rowByKey<typeof countries.$inferSelect>({ iso3: row.countryIso3 }) : null),
    }),
    incomeStream: t.field({
      type: IncomeStreamEnum,
      nullable: true,
      description: 'The income stream, when grouped by INCOME_STREAM.',
      resolve: (row) => row.incomeStream,
    }),
    partnerType: t.field({
      type: PartnerTypeEnum,
      nullable: true,
      description: 'The partner type, when grouped by PARTNER_TYPE.',
      resolve: (row) => row.partnerType,
    }),
    objectiveCode: t.string({
      nullable: true,
      description: 'The objective’s code, when grouped by OBJECTIVE.',
      resolve: (row) => row.objectiveCode,
    }),
    period: t.field({
      type: PeriodRef,
      nullable: true,
      description: 'The period of the row, when the query has a grain.',
      resolve: (row) => row.period,
    }),
    values: t.field({
      type: [MetricValueRef],
      description: 'The figures, one per metric asked for, in that order.',
      resolve: (row) => row.values,
    }),
  }),
});

export { ContributionKindEnum };
