/**
 * The questions of the load tests: the dashboard's overview and regional panoramas and the
 * analysts' `metrics` queries, each in many variants (other as-of days, other periods, other
 * groupings), so that the response cache cannot answer them all. Only fields whose answer is
 * fully determined by the data are asked (no list whose order could tie).
 */

export interface Question {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const OVERVIEW = `query LoadOverview($year: Int!, $asOf: Date) {
  overview(year: $year, asOf: $asOf) {
    asOf
    kpis { metric value previous change target attainment status }
    regions { region { code } values { metric value target status } }
    objectives { objective { code } status }
    byIncomeStream { incomeStream values { metric value previous } }
    trend { period { label } values { metric value previous } }
    pipeline { stage count weightedUsd }
  }
}`;

const PANORAMA = `query LoadPanorama($regionCode: String!, $year: Int!, $asOf: Date) {
  panorama(regionCode: $regionCode, year: $year, asOf: $asOf) {
    asOf rank regionCount share
    kpis { metric value target attainment status }
    peers { metric value }
    byCountry { country { iso3 } values { metric value } }
    byIncomeStream { incomeStream values { metric value } }
    trend { period { label } values { metric value previous } }
    pipeline { stage count weightedUsd }
  }
}`;

const METRICS_BY_REGION_AND_STREAM = `query LoadRegionStreams($from: Date!, $to: Date!) {
  metrics(metrics: [REVENUE_USD, CONTRIBUTION_COUNT, ACTIVE_PARTNERS], from: $from, to: $to,
          groupBy: [REGION, INCOME_STREAM], grain: QUARTER, compare: [PREVIOUS_YEAR]) {
    rows { region { code } incomeStream period { label } values { metric value previous change } }
    total { values { metric value } }
  }
}`;

const METRICS_COUNTRIES_AGAINST_TARGETS = `query LoadCountries($from: Date!, $to: Date!, $regionCodes: [String!]) {
  metrics(metrics: [REVENUE_USD, ACTIVE_PARTNERS], from: $from, to: $to, groupBy: [COUNTRY], grain: MONTH,
          filter: { regionCodes: $regionCodes }, compare: [TARGET]) {
    rows { country { iso3 } period { label } values { metric value target attainment status } }
  }
}`;

const METRICS_PARTNERS = `query LoadPartners($from: Date!, $to: Date!) {
  metrics(metrics: [REVENUE_USD, AVERAGE_GIFT_USD, NEW_PARTNERS, PARTNER_RETENTION_RATE], from: $from, to: $to,
          groupBy: [REGION], compare: [PREVIOUS_PERIOD]) {
    rows { region { code } values { metric value previous change } }
    total { values { metric value previous } }
  }
}`;

const REGIONS = ['RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP', 'HQ'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const day = (year: number, dayOfYear: number) => isoDay(Date.UTC(year, 0, 1) + dayOfYear * DAY_MS);

/**
 * `variantsPerKind` variants of each of the five questions (as-of days spread over the year,
 * periods starting on other days, each region in turn): five times that many in all.
 */
export function dashboardQuestions(variantsPerKind: number): Question[] {
  const questions: Question[] = [];
  for (let n = 0; n < variantsPerKind; n++) {
    const year = 2024 + (n % 2);
    const asOf = day(year, Math.floor((n * 361) / variantsPerKind) % 365);
    const region = REGIONS[n % REGIONS.length] ?? 'RBN';
    const from = Date.UTC(2021, 0, 1) + n * 11 * DAY_MS;
    const yearLater = isoDay(from + 364 * DAY_MS);
    questions.push(
      { name: 'overview', query: OVERVIEW, variables: { year, asOf } },
      { name: 'panorama', query: PANORAMA, variables: { regionCode: region, year, asOf } },
      {
        name: 'metrics: region × stream',
        query: METRICS_BY_REGION_AND_STREAM,
        variables: { from: isoDay(from), to: yearLater },
      },
      {
        name: 'metrics: countries vs targets',
        query: METRICS_COUNTRIES_AGAINST_TARGETS,
        variables: { from: isoDay(from), to: yearLater, regionCodes: [region] },
      },
      {
        name: 'metrics: partners',
        query: METRICS_PARTNERS,
        variables: { from: isoDay(from), to: isoDay(from + (90 + (n % 5) * 30) * DAY_MS) },
      },
    );
  }
  return questions;
}
