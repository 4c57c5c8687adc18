import { DIMENSIONS, METRICS, type MetricDefinition } from '@panorama/metrics';
import { builder } from '../builder';
import { SIGNED_IN_TYPE } from './detail-access';
import { PillarEnum } from './enums';

export const MetricCodeEnum = builder.enumType('MetricCode', {
  description: 'A metric of the catalog. `metricCatalog` says what each one means, its unit and how it aggregates.',
  values: Object.fromEntries(
    METRICS.map((metric) => [
      metric.code,
      { value: metric.code, description: `${metric.label}: ${metric.description}` },
    ]),
  ) as Record<(typeof METRICS)[number]['code'], { value: (typeof METRICS)[number]['code']; description: string }>,
});

export const DimensionEnum = builder.enumType('Dimension', {
  description: 'What metrics can be grouped by.',
  values: {
    REGION: { description: 'The bureau a contribution or record was raised or recorded in.' },
    COUNTRY: { description: 'The country office (null for gifts raised by a bureau or HQ without one).' },
    INCOME_STREAM: { description: 'The fundraising stream (contributions only).' },
    PARTNER_TYPE: { description: 'The type of the partner (contributions only).' },
    OBJECTIVE: { description: 'The strategy objective served.' },
    PARTNER: { description: 'The partner (contributions only).' },
  } as const,
});

export const MetricUnitEnum = builder.enumType('MetricUnit', {
  description: 'The unit a metric is counted in.',
  values: {
    USD: { description: 'US dollars.' },
    COUNT: { description: 'A number of things.' },
    RATE: { description: 'A share between 0 and 1.' },
    PEOPLE: { description: 'A number of people.' },
    MEALS: { description: 'A number of meals.' },
    TONNES: { description: 'Metric tonnes.' },
    DAYS: { description: 'Working days.' },
  } as const,
});

const MetricDefinitionRef = builder.objectRef<MetricDefinition>('MetricDefinition');

MetricDefinitionRef.implement({
  ...SIGNED_IN_TYPE,
  description: 'A metric of the catalog: what it means and how it behaves.',
  fields: (t) => ({
    code: t.field({
      type: MetricCodeEnum,
      description: 'The metric’s code.',
      resolve: (metric) => metric.code as never,
    }),
    label: t.exposeString('label', { description: 'A short name for people.' }),
    description: t.exposeString('description', { description: 'Exactly what is counted.' }),
    unit: t.field({ type: MetricUnitEnum, description: 'The unit of its values.', resolve: (metric) => metric.unit }),
    pillar: t.field({
      type: PillarEnum,
      description: 'The strategy pillar it measures.',
      resolve: (metric) => metric.pillar,
    }),
    objectiveCode: t.exposeString('objectiveCode', {
      nullable: true,
      description: 'The objective it serves most directly, if one.',
    }),
    additive: t.exposeBoolean('additive', {
      description:
        'True when values of groups or periods add up (sums and counts); false for distinct counts and rates.',
    }),
    groupableBy: t.field({
      type: [DimensionEnum],
      description: 'The dimensions `metrics` can group it by.',
      resolve: (metric) =>
        metric.source === 'IMPACT_RECORDS' || metric.source === 'PIPELINE'
          ? (['REGION', 'COUNTRY', 'OBJECTIVE'] as const)
          : [...DIMENSIONS],
    }),
  }),
});

builder.queryField('metricCatalog', (t) =>
  t.field({
    type: [MetricDefinitionRef],
    description: 'Every metric Panorama computes, in catalog order.',
    resolve: () => [...METRICS],
  }),
);
