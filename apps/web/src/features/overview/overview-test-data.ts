import { readResult } from 'gql.tada/testing';
import type { ResultOf } from '../../lib/graphql';
import { ObjectivesProgress_Overview } from './objectives-progress';
import { MonthlyRevenue_Overview, RegionCharts_Overview, RevenueByIncomeStream_Overview } from './overview-charts';
import { OverviewKpis_Overview } from './overview-kpis';
import type { MetricDefinition } from './overview-model';
import { OverviewPage_Overview } from './overview-page';

/**
 * A small overview answer, in the API's shape, taken from the demo data of 2025 (tests only). Each
 * part is typed by the fragment of the section that shows it.
 */

export const testCatalog: MetricDefinition[] = [
  { code: 'REVENUE_USD', label: 'Revenue', unit: 'USD', description: 'Sum of the amounts.', pillar: 'INCOME' },
  { code: 'AVERAGE_GIFT_USD', label: 'Average gift', unit: 'USD', description: 'Revenue / count.', pillar: 'INCOME' },
  { code: 'ACTIVE_PARTNERS', label: 'Active partners', unit: 'COUNT', description: 'Distinct.', pillar: 'INCOME' },
  { code: 'NEW_PARTNERS', label: 'New partners', unit: 'COUNT', description: 'First gift.', pillar: 'INCOME' },
  { code: 'PARTNER_RETENTION_RATE', label: 'Partner retention', unit: 'RATE', description: 'Share.', pillar: 'INCOME' },
  { code: 'PIPELINE_WEIGHTED_USD', label: 'Weighted pipeline', unit: 'USD', description: 'Open.', pillar: 'INCOME' },
  {
    code: 'BENEFICIARIES_REACHED',
    label: 'Beneficiaries reached',
    unit: 'PEOPLE',
    description: 'People.',
    pillar: 'IMPACT',
  },
  { code: 'MEALS_PROVIDED', label: 'Meals provided', unit: 'MEALS', description: 'Meals.', pillar: 'IMPACT' },
  { code: 'EXPERTISE_DAYS', label: 'Expertise days', unit: 'DAYS', description: 'Days.', pillar: 'INNOVATION' },
  {
    code: 'WORKPLANS_COMPLETED',
    label: 'Workplans completed',
    unit: 'COUNT',
    description: 'Plans.',
    pillar: 'ENABLER',
  },
];

const kpis: ResultOf<typeof OverviewKpis_Overview>['kpis'] = [
  {
    metric: 'REVENUE_USD',
    value: 67_883_946.74,
    previous: 51_420_443.65,
    change: 0.320174271581,
    target: 68_170_000,
    attainment: 0.99580382485,
    status: 'ON_TRACK',
  },
  {
    metric: 'AVERAGE_GIFT_USD',
    value: 6185.89,
    previous: 5363.56,
    change: 0.15,
    target: null,
    attainment: null,
    status: null,
  },
  {
    metric: 'ACTIVE_PARTNERS',
    value: 224,
    previous: 209,
    change: 0.0717,
    target: 234,
    attainment: 0.957,
    status: 'ON_TRACK',
  },
  {
    metric: 'NEW_PARTNERS',
    value: 25,
    previous: 27,
    change: -0.074,
    target: 26,
    attainment: 0.96,
    status: 'ON_TRACK',
  },
  {
    metric: 'PARTNER_RETENTION_RATE',
    value: 0.861244,
    previous: 0.888889,
    change: -0.0311,
    target: 0.83,
    attainment: 1.0376,
    status: 'ON_TRACK',
  },
  {
    metric: 'PIPELINE_WEIGHTED_USD',
    value: 6_845_800,
    previous: 0,
    change: null,
    target: 7_960_000,
    attainment: 0.86,
    status: 'AT_RISK',
  },
  {
    metric: 'BENEFICIARIES_REACHED',
    value: 599_879,
    previous: 401_957,
    change: 0.49,
    target: 593_900,
    attainment: 1.01,
    status: 'ON_TRACK',
  },
  {
    metric: 'MEALS_PROVIDED',
    value: 5_593_388,
    previous: 6_379_020,
    change: -0.123,
    target: 6_071_000,
    attainment: 0.92,
    status: 'AT_RISK',
  },
  {
    metric: 'EXPERTISE_DAYS',
    value: 4776.7,
    previous: 4128.9,
    change: 0.157,
    target: 5235,
    attainment: 0.91,
    status: 'AT_RISK',
  },
  {
    metric: 'WORKPLANS_COMPLETED',
    value: 109,
    previous: 92,
    change: 0.18,
    target: 117,
    attainment: 0.93,
    status: 'OFF_TRACK',
  },
];

const regions: ResultOf<typeof RegionCharts_Overview>['regions'] = [
  {
    region: { code: 'HQ', name: 'Headquarters and global partnerships', city: null },
    values: [
      { metric: 'REVENUE_USD', value: 17_476_013.24, target: 17_500_000, attainment: 0.998, status: 'ON_TRACK' },
      { metric: 'BENEFICIARIES_REACHED', value: 11_385, target: 11_500, attainment: 0.99, status: 'ON_TRACK' },
    ],
  },
  {
    region: { code: 'RBN', name: 'Regional Bureau for Eastern Africa', city: 'Nairobi' },
    values: [
      { metric: 'REVENUE_USD', value: 10_472_378.77, target: 9_970_000, attainment: 1.05, status: 'ON_TRACK' },
      { metric: 'BENEFICIARIES_REACHED', value: 143_277, target: 130_000, attainment: 1.1, status: 'ON_TRACK' },
    ],
  },
  {
    region: { code: 'RBJ', name: 'Regional Bureau for Southern Africa', city: 'Johannesburg' },
    values: [
      { metric: 'REVENUE_USD', value: 914_519.76, target: 1_410_000, attainment: 0.65, status: 'OFF_TRACK' },
      { metric: 'BENEFICIARIES_REACHED', value: 15_458, target: null, attainment: null, status: null },
    ],
  },
];

const trend: ResultOf<typeof MonthlyRevenue_Overview>['trend'] = [
  {
    period: { from: '2025-05-01', label: 'May 2025' },
    values: [{ metric: 'REVENUE_USD', value: 7_060_507.74, previous: 4_615_351.86 }],
  },
  {
    period: { from: '2025-06-01', label: 'Jun 2025' },
    values: [{ metric: 'REVENUE_USD', value: 6_034_692.61, previous: 4_361_928.17 }],
  },
  {
    period: { from: '2025-07-01', label: 'Jul 2025' },
    values: [{ metric: 'REVENUE_USD', value: 4_982_693.8, previous: 3_232_967.7 }],
  },
];

const byIncomeStream: ResultOf<typeof RevenueByIncomeStream_Overview>['byIncomeStream'] = [
  {
    incomeStream: 'CORPORATE',
    values: [{ metric: 'REVENUE_USD', value: 30_158_043.52, previous: 18_033_537.47, change: 0.67 }],
  },
  {
    incomeStream: 'HNWI',
    values: [{ metric: 'REVENUE_USD', value: 11_634_332.81, previous: 6_398_339.18, change: 0.82 }],
  },
];

const objectives: ResultOf<typeof ObjectivesProgress_Overview>['objectives'] = [
  {
    objective: { code: 'ENB_BUREAU_SUPPORT', name: 'Tailored support to each bureau', pillar: 'ENABLER' },
    status: 'OFF_TRACK',
    figures: [{ metric: 'WORKPLANS_COMPLETED', value: 109, target: 117, attainment: 0.93, status: 'OFF_TRACK' }],
  },
  {
    objective: { code: 'INC_GROWTH', name: 'Grow private-sector income', pillar: 'INCOME' },
    status: 'AT_RISK',
    figures: [
      {
        metric: 'REVENUE_USD',
        value: 67_883_946.74,
        target: 68_170_000,
        attainment: 0.99580382485,
        status: 'ON_TRACK',
      },
      { metric: 'PIPELINE_WEIGHTED_USD', value: 6_845_800, target: 7_960_000, attainment: 0.86, status: 'AT_RISK' },
    ],
  },
  {
    objective: { code: 'INC_INDIVIDUAL', name: 'Build individual giving', pillar: 'INCOME' },
    status: null,
    figures: [],
  },
];

/** The overview itself, every section's fields unmasked (for the model's functions). */
export const testOverview = { year: 2025, asOf: '2025-06-30', kpis, regions, trend, byIncomeStream, objectives };

/** The answer of `OverviewPage_Overview`, checked against the query and its fragments. */
export const testOverviewAnswer = readResult(
  OverviewPage_Overview,
  { overview: testOverview, metricCatalog: testCatalog },
  [
    OverviewKpis_Overview,
    RegionCharts_Overview,
    MonthlyRevenue_Overview,
    RevenueByIncomeStream_Overview,
    ObjectivesProgress_Overview,
  ],
);
