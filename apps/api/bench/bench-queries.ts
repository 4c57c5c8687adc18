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

export const RAW_SQL: Record<QueryName, string> = {
  overview: `SELECT region_code, income_stream, sum(amount_usd), count(*), count(DISTINCT partner_id)
    FROM contributions WHERE ${YEAR} GROUP BY ROLLUP (region_code, income_stream)`,
  panorama: `SELECT country_iso3, partner_id, sum(amount_usd), count(*) FROM contributions
    WHERE region_code = 'RBN' AND ${YEAR} GROUP BY ROLLUP (country_iso3, partner_id)`,
  'metrics: region × stream × quarter': `SELECT region_code, income_stream, date_trunc('quarter', date) AS quarter,
    sum(amount_usd), count(*), count(DISTINCT partner_id) FROM contributions
    WHERE date BETWEEN '2024-01-01' AND '2025-12-31' GROUP BY 1, 2, 3`,
  'metrics: top 20 partners': `SELECT partner_id,
    sum(amount_usd) FILTER (WHERE date >= '2025-01-01') AS revenue, count(*) FILTER (WHERE date >= '2025-01-01') AS gifts,
    sum(amount_usd) FILTER (WHERE date < '2025-01-01') AS previous
    FROM contributions WHERE date BETWEEN '2024-01-01' AND '2025-12-31'
    GROUP BY partner_id ORDER BY revenue DESC NULLS LAST LIMIT 20`,
  'metrics: RBN country × month vs target': `SELECT c.country_iso3, date_trunc('month', c.date) AS month,
    sum(c.amount_usd), count(DISTINCT c.partner_id), max(t.value) AS target
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
