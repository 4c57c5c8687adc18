import { readResult } from 'gql.tada/testing';
import type { ResultOf } from '../../lib/graphql';
import { PanoramaIncomeStreams_Panorama, PanoramaTrend_Panorama } from './panorama-charts';
import { PanoramaCountries_Panorama } from './panorama-countries';
import { PanoramaFieldNeeds_Panorama } from './panorama-field-needs';
import { PanoramaHeader_Panorama } from './panorama-header';
import { PanoramaKpis_Panorama } from './panorama-kpis';
import type { MetricDefinition } from './panorama-model';
import { PanoramaObjectives_Panorama } from './panorama-objectives';
import { PanoramaPage_Panorama } from './panorama-page';
import { PanoramaPartners_Panorama } from './panorama-partners';
import { PanoramaPipeline_Panorama } from './panorama-pipeline';
import { PanoramaStories_Panorama } from './panorama-stories';

/**
 * A small panorama answer, in the API's shape, taken from the demo data of RBN in 2025 (tests only).
 * Each part is typed by the fragment of the section that shows it.
 */

export const testCatalog: MetricDefinition[] = [
  { code: 'REVENUE_USD', label: 'Revenue', unit: 'USD', description: 'Sum of the amounts.', pillar: 'INCOME' },
  { code: 'ACTIVE_PARTNERS', label: 'Active partners', unit: 'COUNT', description: 'Distinct.', pillar: 'INCOME' },
  { code: 'PARTNER_RETENTION_RATE', label: 'Partner retention', unit: 'RATE', description: 'Share.', pillar: 'INCOME' },
  { code: 'MEALS_PROVIDED', label: 'Meals provided', unit: 'MEALS', description: 'Meals.', pillar: 'IMPACT' },
];

const region: ResultOf<typeof PanoramaHeader_Panorama>['region'] &
  ResultOf<typeof PanoramaCountries_Panorama>['region'] = {
  id: 'UmVnaW9uOlJCTg==',
  code: 'RBN',
  name: 'Regional Bureau for Eastern Africa',
  city: 'Nairobi',
  countries: [
    { id: 'Q291bnRyeTpLRU4=', iso3: 'KEN', name: 'Kenya' },
    { id: 'Q291bnRyeTpTRE4=', iso3: 'SDN', name: 'Sudan' },
  ],
};

const kpis: ResultOf<typeof PanoramaKpis_Panorama>['kpis'] = [
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
  {
    metric: 'PARTNER_RETENTION_RATE',
    value: 0.716981,
    previous: 0.822222,
    change: -0.128,
    target: null,
    attainment: null,
    status: null,
  },
  {
    metric: 'MEALS_PROVIDED',
    value: 1_208_445,
    previous: 987_062,
    change: 0.224,
    target: 1_090_000,
    attainment: null,
    status: 'OFF_TRACK',
  },
];

const peers: ResultOf<typeof PanoramaKpis_Panorama>['peers'] = [
  { metric: 'REVENUE_USD', value: 9_568_594.66 },
  { metric: 'ACTIVE_PARTNERS', value: 56.17 },
  { metric: 'PARTNER_RETENTION_RATE', value: 0.79 },
];

const objectives: ResultOf<typeof PanoramaObjectives_Panorama>['objectives'] = [
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
];

const trend: ResultOf<typeof PanoramaTrend_Panorama>['trend'] = [
  { period: { from: '2025-01-01', label: 'Jan 2025' }, values: [{ value: 434_122.06, previous: 239_201.21 }] },
  { period: { from: '2025-07-01', label: 'Jul 2025' }, values: [{ value: 0, previous: 309_354.85 }] },
];

const byIncomeStream: ResultOf<typeof PanoramaIncomeStreams_Panorama>['byIncomeStream'] = [
  { incomeStream: 'CORPORATE', values: [{ value: 6_712_826.13, previous: 2_155_805.09 }] },
];

const byCountry: ResultOf<typeof PanoramaCountries_Panorama>['byCountry'] = [
  {
    country: { id: 'Q291bnRyeTpTRE4=', iso3: 'SDN', name: 'Sudan' },
    values: [
      { metric: 'REVENUE_USD', value: 3_980_451.39, previous: 240_400, change: 15.555 },
      { metric: 'ACTIVE_PARTNERS', value: 18, previous: 12, change: 0.5 },
      { metric: 'BENEFICIARIES_REACHED', value: 63_377, previous: 0, change: null },
    ],
  },
  { country: null, values: [{ metric: 'REVENUE_USD', value: 296_306.73, previous: 187_800, change: 0.577 }] },
];

const topPartners: ResultOf<typeof PanoramaPartners_Panorama>['topPartners'] = [
  {
    partner: { id: 'UGFydG5lcjozMA==', name: 'Summitmark Telecom Ltd', partnerType: 'CORPORATION' },
    values: [
      { metric: 'REVENUE_USD', value: 2_464_955.28, previous: 0, change: null },
      { metric: 'CONTRIBUTION_COUNT', value: 36, previous: 0, change: null },
    ],
  },
];

const pipeline: ResultOf<typeof PanoramaPipeline_Panorama>['pipeline'] = [
  { stage: 'IDENTIFIED', count: 6, amountUsd: 677_000, weightedUsd: 88_150 },
  { stage: 'WON', count: 3, amountUsd: 329_000, weightedUsd: 329_000 },
];

const fieldNeeds: ResultOf<typeof PanoramaFieldNeeds_Panorama>['fieldNeeds'] = [
  {
    id: 'RmllbGROZWVkOjE4',
    title: 'Mobile money for cash-based transfers in Djibouti',
    description: 'A mobile-money operator to pay cash transfers to families in remote districts.',
    status: 'OPEN',
    identifiedOn: '2024-02-23',
    sector: 'Financial services',
    country: { id: 'Q291bnRyeTpESkk=', name: 'Djibouti' },
  },
];

const stories: ResultOf<typeof PanoramaStories_Panorama>['stories'] = [
  {
    id: 'U3Rvcnk6MTY=',
    title: 'Fortified food for 317 children in Kenya',
    date: '2025-10-18',
    summary: 'With Cedarwood Foundation, the team in Kenya brought fortified food to 317 children.',
    country: { id: 'Q291bnRyeTpLRU4=', name: 'Kenya' },
  },
];

/** The panorama itself, every section's fields unmasked. */
export const testPanorama = {
  year: 2025,
  asOf: '2025-06-30',
  rank: 2,
  regionCount: 7,
  share: 0.154268855494,
  region,
  kpis,
  peers,
  objectives,
  trend,
  byIncomeStream,
  byCountry,
  topPartners,
  pipeline,
  fieldNeeds,
  stories,
};

/** The sections whose fragments the panorama query spreads. */
const SECTIONS = [
  PanoramaHeader_Panorama,
  PanoramaKpis_Panorama,
  PanoramaObjectives_Panorama,
  PanoramaTrend_Panorama,
  PanoramaIncomeStreams_Panorama,
  PanoramaCountries_Panorama,
  PanoramaPartners_Panorama,
  PanoramaPipeline_Panorama,
  PanoramaFieldNeeds_Panorama,
  PanoramaStories_Panorama,
] as const;

/** The answer of `PanoramaPage_Panorama`, checked against the query and its fragments. */
export const testPanoramaAnswer = readResult(
  PanoramaPage_Panorama,
  { panorama: testPanorama, metricCatalog: testCatalog },
  SECTIONS,
);

/** The same answer for a reader who may not see the region's partner detail (`topPartners: null`). */
export const testPanoramaAnswerWithoutPartners = readResult(
  PanoramaPage_Panorama,
  { panorama: { ...testPanorama, topPartners: null }, metricCatalog: testCatalog },
  SECTIONS,
);
