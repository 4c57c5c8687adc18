/**
 * The questions the benchmark asks: over GraphQL as the dashboard and analysts ask them, and as
 * raw SQL over the fact table (`contributions`) answering the same question without the API,
 * its rollups or its cache.
 */

export const QUERIES = {
  overview: `{ overview(year: 2025) { asOf kpis { metric value previous change target attainment status }
    regions { region { code } values { metric value target status } } objectives { status }
    byIncomeStream { incomeStream values { value previous } } trend { period { label } values { value previous } } } }`,
  panorama: `{ panorama(regionCode: "RBN", year: 2025) { rank share kpis { metric value target status } peers { metric value }
    byCountry { country { iso3 } values { value } } topPartners { partner { name } values { value } }
    trend { values { value previous } } pipeline { stage weightedUsd } stories { title } fieldNeeds { title } } }`,
  'metrics: region × stream × quarter': `{ metrics(metrics: [REVENUE_USD, CONTRIBUTION_COUNT, ACTIVE_PARTNERS], from: "2025-01-01",
    to: "2025-12-31", groupBy: [REGION, INCOME_STREAM], grain: QUARTER, compare: [PREVIOUS_YEAR]) {
    rows { region { code } incomeStream period { label } values { value previous change } } total { values { value } } } }`,
  'metrics: top 20 partners': `{ metrics(metrics: [REVENUE_USD, CONTRIBUTION_COUNT], from: "2025-01-01", to: "2025-12-31",
    groupBy: [PARTNER], compare: [PREVIOUS_YEAR], orderBy: [{ metric: REVENUE_USD, direction: DESC }], limit: 20) {
    rows { partner { name } values { metric value previous change } } } }`,
  'metrics: RBN country × month vs target': `{ metrics(metrics: [REVENUE_USD, ACTIVE_PARTNERS], from: "2025-01-01",
    to: "2025-12-31", groupBy: [COUNTRY], grain: MONTH, filter: { regionCodes: ["RBN"] }, compare: [TARGET]) {
    rows { country { iso3 } period { label } values { metric value target attainment status } } } }`,
};

export type QueryName = keyof typeof QUERIES;

const YEAR = `date BETWEEN '2025-01-01' AND '2025-12-31'`;
const TWO_YEARS = `date BETWEEN '2024-01-01' AND '2025-12-31'`;
const YEAR_OF = 'extract(year FROM date)::int';
// 29 February 2024 is no month's "same days a year earlier" (February 2025 has 28): the API's
// previous year of February leaves it out, and so does this month (a group of its own).
const MONTH_OF = "CASE WHEN date <> '2024-02-29' THEN date_trunc('month', date)::date END";

/**
 * The figures each GraphQL document above asks for, from the fact table in one statement, as an
 * analyst would write it: the same numbers the API answers (`bench-queries.test.ts` checks them
 * against the API on the demo data). Where the API also reads other tables (targets, impact
 * records, opportunities, stories), the raw SQL leaves them out, except the country targets
 * the last query compares with; it leaves out the partners' first gifts (NEW_PARTNERS) and
 * retention too.
 */
export const RAW_SQL: Record<QueryName, string> = {
  // What the document asks: revenue, gifts and partners this year and the year before in all
  // (the key figures) and by region; revenue and gifts by income stream and by month (the
  // trend), this year and the year before.
  overview: `SELECT CASE GROUPING(region_code) WHEN 1 THEN 'total' ELSE 'region' END AS part,
      region_code, NULL AS income_stream, NULL::date AS month, ${YEAR_OF} AS year,
      sum(amount_usd) AS revenue, count(*) AS gifts, count(DISTINCT partner_id) AS partners
    FROM contributions WHERE ${TWO_YEARS} GROUP BY ${YEAR_OF}, ROLLUP (region_code)
    UNION ALL
    SELECT CASE GROUPING(income_stream) WHEN 0 THEN 'income stream' ELSE 'month' END,
      NULL, income_stream, ${MONTH_OF}, ${YEAR_OF}, sum(amount_usd), count(*), NULL
    FROM contributions WHERE ${TWO_YEARS}
    GROUP BY ${YEAR_OF}, GROUPING SETS ((income_stream), (${MONTH_OF}))`,
  // What the document asks: every region's revenue, gifts and partners this year (the rank, the
  // share, the peers' averages and the region's key figures); the region's countries and
  // partners (the top ten) this year; its months this year and the year before (the trend).
  panorama: `SELECT 'region' AS part, region_code, NULL AS country_iso3, NULL::int AS partner_id,
      NULL::date AS month, 2025 AS year,
      sum(amount_usd) AS revenue, count(*) AS gifts, count(DISTINCT partner_id) AS partners
    FROM contributions WHERE ${YEAR} GROUP BY region_code
    UNION ALL
    SELECT CASE GROUPING(country_iso3, partner_id) WHEN 1 THEN 'country' ELSE 'partner' END,
      region_code, country_iso3, partner_id, NULL, 2025, sum(amount_usd), count(*), count(DISTINCT partner_id)
    FROM contributions WHERE region_code = 'RBN' AND ${YEAR}
    GROUP BY region_code, GROUPING SETS ((country_iso3), (partner_id))
    UNION ALL
    SELECT 'month', region_code, NULL, NULL, ${MONTH_OF}, ${YEAR_OF}, sum(amount_usd), count(*), NULL
    FROM contributions WHERE region_code = 'RBN' AND ${TWO_YEARS}
    GROUP BY region_code, ${YEAR_OF}, ${MONTH_OF}`,
  'metrics: region × stream × quarter': `SELECT region_code, income_stream, date_trunc('quarter', date)::date AS quarter,
    sum(amount_usd) AS revenue, count(*) AS gifts, count(DISTINCT partner_id) AS partners FROM contributions
    WHERE ${TWO_YEARS} GROUP BY 1, 2, 3`,
  'metrics: top 20 partners': `SELECT partner_id,
    sum(amount_usd) FILTER (WHERE date >= '2025-01-01') AS revenue, count(*) FILTER (WHERE date >= '2025-01-01') AS gifts,
    sum(amount_usd) FILTER (WHERE date < '2025-01-01') AS previous
    FROM contributions WHERE ${TWO_YEARS}
    GROUP BY partner_id ORDER BY revenue DESC NULLS LAST LIMIT 20`,
  // A month's target is the country's yearly target prorated by days (2025 has 365), to the cent.
  'metrics: RBN country × month vs target': `SELECT c.country_iso3, date_trunc('month', c.date)::date AS month,
    sum(c.amount_usd) AS revenue, count(DISTINCT c.partner_id) AS partners,
    round(max(t.value) * extract(day FROM date_trunc('month', c.date)::date + interval '1 month - 1 day') / 365, 2) AS target
    FROM contributions c LEFT JOIN targets t ON t.metric_code = 'REVENUE_USD' AND t.scope_type = 'COUNTRY'
      AND t.scope_code = c.country_iso3 AND t.year = 2025 AND t.quarter IS NULL
    WHERE c.region_code = 'RBN' AND c.${YEAR} GROUP BY 1, 2`,
};

/** The query of the load test. */
export const LOAD_QUERY: QueryName = 'overview';

/**
 * What a request costs with an answer of a few bytes: sent again from the cache like any other,
 * it costs authentication, the data version and HTTP, nothing of the data or of GraphQL.
 */
export const FLOOR_QUERY = '{ __typename }';
