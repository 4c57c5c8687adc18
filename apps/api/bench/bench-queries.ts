/** The questions the latency benchmark asks, over GraphQL and as raw SQL over the fact table. */

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
};

export const RAW_SQL: Record<keyof typeof QUERIES, string> = {
  overview: `SELECT region_code, income_stream, sum(amount_usd), count(*), count(DISTINCT partner_id)
    FROM contributions WHERE date BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY ROLLUP (region_code, income_stream)`,
  panorama: `SELECT country_iso3, partner_id, sum(amount_usd), count(*) FROM contributions
    WHERE region_code = 'RBN' AND date BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY ROLLUP (country_iso3, partner_id)`,
  'metrics: region × stream × quarter': `SELECT region_code, income_stream, date_trunc('quarter', date) AS quarter,
    sum(amount_usd), count(*), count(DISTINCT partner_id) FROM contributions
    WHERE date BETWEEN '2024-01-01' AND '2025-12-31' GROUP BY 1, 2, 3`,
};
