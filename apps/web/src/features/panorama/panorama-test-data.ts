import type { MetricDefinition } from './panorama-model';
import type { PanoramaFields, PanoramaPagePanoramaQuery } from './panorama-page';

/** A small panorama answer, in the API's shape, taken from the demo data of RBN in 2025 (tests only). */

export const testCatalog: MetricDefinition[] = [
  { code: 'REVENUE_USD', label: 'Revenue', unit: 'USD', description: 'Sum of the amounts.', pillar: 'INCOME' },
  { code: 'ACTIVE_PARTNERS', label: 'Active partners', unit: 'COUNT', description: 'Distinct.', pillar: 'INCOME' },
  { code: 'PARTNER_RETENTION_RATE', label: 'Partner retention', unit: 'RATE', description: 'Share.', pillar: 'INCOME' },
  { code: 'MEALS_PROVIDED', label: 'Meals provided', unit: 'MEALS', description: 'Meals.', pillar: 'IMPACT' },
];

const region = {
  id: 'UmVnaW9uOlJCTg==',
  code: 'RBN',
  name: 'Regional Bureau for Eastern Africa',
  city: 'Nairobi',
  countries: [
    { id: 'Q291bnRyeTpLRU4=', iso3: 'KEN', name: 'Kenya' },
    { id: 'Q291bnRyeTpTRE4=', iso3: 'SDN', name: 'Sudan' },
  ],
};

export const testPanorama: PanoramaFields = {
  year: 2025,
  asOf: '2025-06-30',
  rank: 2,
  regionCount: 7,
  share: 0.154268855494,
  region,
  kpis: [
    {
      metric: 'REVENUE_USD',
      value: 10_472_378.77,
      previous: 3_360_313.37,
      change: 2.116488736882,
      target: 9_970_000,
      attainment: 1.050389044132,
      status: 'ON_TRACK',
    },
    {
      metric: 'ACTIVE_PARTNERS',
      value: 52,
      previous: 53,
      change: -0.0188,
      target: 48,
      attainment: 1.083,
      status: 'AT_RISK',
    },
    { metric: 'PARTNER_RETENTION_RATE', value: 0.716981, previous: 0.822222, change: -0.128, target: null },
    {
      metric: 'MEALS_PROVIDED',
      value: 1_208_445,
      previous: 987_062,
      change: 0.224,
      target: 1_090_000,
      status: 'OFF_TRACK',
    },
  ],
  peers: [
    { metric: 'REVENUE_USD', value: 9_568_594.66 },
    { metric: 'ACTIVE_PARTNERS', value: 56.17 },
    { metric: 'PARTNER_RETENTION_RATE', value: 0.79 },
  ],
  objectives: [
    {
      objective: { id: 'T2JqZWN0aXZlOjE=', code: 'INC_GROWTH', name: 'Grow private-sector income', pillar: 'INCOME' },
      status: 'AT_RISK',
      figures: [
        { metric: 'REVENUE_USD', value: 10_472_378.77, target: 9_970_000, attainment: 1.05, status: 'ON_TRACK' },
        { metric: 'ACTIVE_PARTNERS', value: 52, target: 48, attainment: 1.083, status: 'AT_RISK' },
      ],
    },
    {
      objective: { id: 'T2JqZWN0aXZlOjI=', code: 'IMP_EMERGENCY', name: 'Respond to emergencies', pillar: 'IMPACT' },
      status: null,
      figures: [],
    },
  ],
  trend: [
    { period: { from: '2025-01-01', label: 'Jan 2025' }, values: [{ value: 434_122.06, previous: 239_201.21 }] },
    { period: { from: '2025-07-01', label: 'Jul 2025' }, values: [{ value: 0, previous: 309_354.85 }] },
  ],
  byIncomeStream: [{ incomeStream: 'CORPORATE', values: [{ value: 6_712_826.13, previous: 2_155_805.09 }] }],
  byCountry: [
    {
      country: { id: 'Q291bnRyeTpTRE4=', iso3: 'SDN', name: 'Sudan' },
      values: [
        { metric: 'REVENUE_USD', value: 3_980_451.39, previous: 240_400, change: 15.555 },
        { metric: 'ACTIVE_PARTNERS', value: 18, previous: 12, change: 0.5 },
        { metric: 'BENEFICIARIES_REACHED', value: 63_377, previous: 0, change: null },
      ],
    },
    { country: null, values: [{ metric: 'REVENUE_USD', value: 296_306.73, previous: 187_800, change: 0.577 }] },
  ],
  topPartners: [
    {
      partner: { id: 'UGFydG5lcjozMA==', name: 'Summitmark Telecom Ltd', partnerType: 'CORPORATION' },
      values: [
        { metric: 'REVENUE_USD', value: 2_464_955.28, previous: 0, change: null },
        { metric: 'CONTRIBUTION_COUNT', value: 36, previous: 0, change: null },
      ],
    },
  ],
  pipeline: [
    { stage: 'IDENTIFIED', count: 6, amountUsd: 677_000, weightedUsd: 88_150 },
    { stage: 'WON', count: 3, amountUsd: 329_000, weightedUsd: 329_000 },
  ],
  fieldNeeds: [
    {
      id: 'RmllbGROZWVkOjE4',
      title: 'Mobile money for cash-based transfers in Djibouti',
      description: 'A mobile-money operator to pay cash transfers to families in remote districts.',
      status: 'OPEN',
      identifiedOn: '2024-02-23',
      sector: 'Financial services',
      country: { id: 'Q291bnRyeTpESkk=', name: 'Djibouti' },
    },
  ],
  stories: [
    {
      id: 'U3Rvcnk6MTY=',
      title: 'Fortified food for 317 children in Kenya',
      date: '2025-10-18',
      summary: 'With Cedarwood Foundation, the team in Kenya brought fortified food to 317 children.',
      country: { id: 'Q291bnRyeTpLRU4=', name: 'Kenya' },
    },
  ],
};

export const testPanoramaAnswer: PanoramaPagePanoramaQuery = { panorama: testPanorama, metricCatalog: testCatalog };
