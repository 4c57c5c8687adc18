/**
 * The metric catalog: every metric Panorama knows, defined once. The GraphQL enum, the
 * dashboard, the exports and the demo data all read this list; adding a metric is one entry.
 */

export type MetricUnit = 'USD' | 'COUNT' | 'RATE' | 'PEOPLE' | 'MEALS' | 'TONNES' | 'DAYS';

/** Where a metric's numbers come from, which also says how it aggregates. */
export type MetricSource =
  /** A sum or count over contributions. */
  | 'CONTRIBUTIONS'
  /** Distinct partners over contributions: never summed across periods or groups. */
  | 'PARTNERS'
  /** A ratio of two other figures: recomputed, never summed. */
  | 'RATIO'
  /** Open opportunities of the pipeline. */
  | 'PIPELINE'
  /** The sum of impact records carrying the metric's code. */
  | 'IMPACT_RECORDS';

export type MetricPillar = 'INCOME' | 'IMPACT' | 'INNOVATION' | 'ENABLER';

export interface MetricDefinition {
  code: string;
  label: string;
  unit: MetricUnit;
  description: string;
  pillar: MetricPillar;
  /** The strategy objective the metric serves, when it serves one in particular. */
  objectiveCode: string | null;
  source: MetricSource;
  /** True when figures of two periods or two groups may be added together. */
  additive: boolean;
}

const revenue = (code: string, label: string, description: string): MetricDefinition => ({
  code,
  label,
  unit: 'USD',
  description,
  pillar: 'INCOME',
  objectiveCode: 'INC_GROWTH',
  source: 'CONTRIBUTIONS',
  additive: true,
});

const recorded = (
  code: string,
  label: string,
  unit: MetricUnit,
  pillar: MetricPillar,
  objectiveCode: string,
  description: string,
): MetricDefinition => ({
  code,
  label,
  unit,
  description,
  pillar,
  objectiveCode,
  source: 'IMPACT_RECORDS',
  additive: true,
});

export const METRICS = [
  revenue('REVENUE_USD', 'Revenue', 'Sum of the amounts of the contributions dated in the period.'),
  revenue('CASH_REVENUE_USD', 'Cash revenue', 'Revenue from cash contributions only.'),
  revenue('IN_KIND_REVENUE_USD', 'In-kind revenue', 'Revenue from in-kind contributions only.'),
  {
    code: 'CONTRIBUTION_COUNT',
    label: 'Contributions',
    unit: 'COUNT',
    description: 'Number of contributions dated in the period.',
    pillar: 'INCOME',
    objectiveCode: 'INC_GROWTH',
    source: 'CONTRIBUTIONS',
    additive: true,
  },
  {
    code: 'AVERAGE_GIFT_USD',
    label: 'Average gift',
    unit: 'USD',
    description: 'Revenue divided by the number of contributions, rounded to the cent; null when there is none.',
    pillar: 'INCOME',
    objectiveCode: 'INC_GROWTH',
    source: 'RATIO',
    additive: false,
  },
  {
    code: 'ACTIVE_PARTNERS',
    label: 'Active partners',
    unit: 'COUNT',
    description: 'Distinct partners with at least one contribution in the period.',
    pillar: 'INCOME',
    objectiveCode: 'INC_GROWTH',
    source: 'PARTNERS',
    additive: false,
  },
  {
    code: 'NEW_PARTNERS',
    label: 'New partners',
    unit: 'COUNT',
    description: 'Active partners whose first contribution in the slice, over all time, is in the period.',
    pillar: 'INCOME',
    objectiveCode: 'INC_GROWTH',
    source: 'PARTNERS',
    additive: false,
  },
  {
    code: 'PARTNER_RETENTION_RATE',
    label: 'Partner retention',
    unit: 'RATE',
    description:
      'Of the partners active in the slice in the previous period, the share also active in this one; null when none were.',
    pillar: 'INCOME',
    objectiveCode: 'INC_FLEXIBLE',
    source: 'PARTNERS',
    additive: false,
  },
  {
    code: 'PIPELINE_WEIGHTED_USD',
    label: 'Weighted pipeline',
    unit: 'USD',
    description:
      'Sum of amount × probability of the open opportunities (not WON or LOST) expected to close in the period.',
    pillar: 'INCOME',
    objectiveCode: 'INC_GROWTH',
    source: 'PIPELINE',
    additive: true,
  },
  recorded(
    'BENEFICIARIES_REACHED',
    'Beneficiaries reached',
    'PEOPLE',
    'IMPACT',
    'IMP_NUTRITION',
    'People reached by partnership-funded programmes.',
  ),
  recorded(
    'MEALS_PROVIDED',
    'Meals provided',
    'MEALS',
    'IMPACT',
    'IMP_EMERGENCY',
    'Meals provided through partnerships.',
  ),
  recorded(
    'FOOD_TONNES',
    'Food delivered',
    'TONNES',
    'IMPACT',
    'IMP_RESILIENCE',
    'Tonnes of food bought, donated or moved with partners.',
  ),
  recorded(
    'PEOPLE_TRAINED',
    'People trained',
    'PEOPLE',
    'IMPACT',
    'IMP_RESILIENCE',
    'People trained through partnerships (farmers, staff, suppliers).',
  ),
  recorded(
    'EXPERTISE_DAYS',
    'Expertise days',
    'DAYS',
    'INNOVATION',
    'INN_TECHNOLOGY',
    'Days of technical expertise given by partners.',
  ),
  recorded(
    'WORKPLANS_COMPLETED',
    'Workplans completed',
    'COUNT',
    'ENABLER',
    'ENB_BUREAU_SUPPORT',
    'Bureau support workplans completed.',
  ),
  recorded(
    'CONTENT_PIECES_PUBLISHED',
    'Content published',
    'COUNT',
    'ENABLER',
    'ENB_COMMUNICATION',
    'Stories, videos and articles published about partnerships.',
  ),
  recorded(
    'PRACTITIONERS_IN_NETWORK',
    'Practitioners joined',
    'PEOPLE',
    'ENABLER',
    'ENB_PRACTITIONERS',
    "Practitioners who joined the partnership practitioners' network.",
  ),
] as const satisfies readonly MetricDefinition[];

export type MetricCode = (typeof METRICS)[number]['code'];

export const METRIC_CODES = METRICS.map((metric) => metric.code) as MetricCode[];

const byCode = new Map<string, MetricDefinition>(METRICS.map((metric) => [metric.code, metric]));

export function isMetricCode(code: string): code is MetricCode {
  return byCode.has(code);
}

export function metricDefinition(code: MetricCode): MetricDefinition {
  const definition = byCode.get(code);
  if (!definition) throw new Error(`Unknown metric ${code}`);
  return definition;
}

/** The metrics recorded as impact records (impact and enabler metrics). */
export const RECORDED_METRICS = METRICS.filter((metric) => metric.source === 'IMPACT_RECORDS');
