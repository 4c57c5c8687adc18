import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../testing';
import { downloadExport } from './export-testing';
import { seedHandData } from './metrics-csv-testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: seedHandData });
});
afterAll(async () => {
  await api?.close();
});

const download = (parameters: Record<string, string>, as: TestUser | null = 'admin') =>
  downloadExport(api, `metrics?${new URLSearchParams(parameters)}`, as);

describe('GET /api/export/metrics, refused', () => {
  it('refuses a bad parameter with what is allowed', async () => {
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const cases: [Record<string, string>, string | RegExp][] = [
      [
        year,
        'metrics is required: the metrics to compute, comma-separated, such as metrics=REVENUE_USD,ACTIVE_PARTNERS.',
      ],
      [
        { ...year, metrics: 'REVENUE' },
        /^metrics: "REVENUE" is not a MetricCode; use REVENUE_USD, .*, BENEFICIARIES_REACHED, .* or \w+\.$/,
      ],
      [
        { ...year, metrics: 'REVENUE_USD', groupBy: 'CITY' },
        'groupBy: "CITY" is not a Dimension; use REGION, COUNTRY, INCOME_STREAM, PARTNER_TYPE, OBJECTIVE or PARTNER.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', grain: 'WEEK' },
        'grain: "WEEK" is not a TimeGrain; use YEAR, QUARTER or MONTH.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', compare: 'TARGETS' },
        'compare: "TARGETS" is not a Comparison; use PREVIOUS_PERIOD, PREVIOUS_YEAR or TARGET.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', kind: 'CHEQUE' },
        'kind: "CHEQUE" is not a ContributionKind; use CASH or IN_KIND.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', partnerTypes: 'COMPANY' },
        'partnerTypes: "COMPANY" is not a PartnerType; use CORPORATION, FOUNDATION, HNWI, GIVING_CHANNEL or ASSOCIATION.',
      ],
      [
        { metrics: 'REVENUE_USD', to: '2024-12-31' },
        'from is required: the first day of the range, written YYYY-MM-DD.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', to: '2024-02-30' },
        'to must be a day written YYYY-MM-DD, such as 2025-12-31.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', by: 'REGION' },
        /^The metrics export takes no parameter "by": it takes metrics, from, to, groupBy, grain, compare, asOf, orderBy, limit, regionCodes, .* or kind\.$/,
      ],
      [
        { ...year, metrics: 'REVENUE_USD', orderBy: 'SIZE' },
        'orderBy: "SIZE" is neither a MetricCode, a Dimension nor period; write one, then :asc or :desc if you like, such as orderBy=REVENUE_USD:desc.',
      ],
      [
        { ...year, metrics: 'REVENUE_USD', orderBy: 'REVENUE_USD:up' },
        'orderBy: "REVENUE_USD:up" ends in neither :asc nor :desc.',
      ],
      [{ ...year, metrics: 'REVENUE_USD', limit: 'ten' }, 'limit must be a whole number, from 1 to 10000.'],
    ];
    for (const [parameters, message] of cases) {
      const answer = await download(parameters);
      expect(answer.status, JSON.stringify(parameters)).toBe(400);
      expect(answer.error).toMatch(typeof message === 'string' ? new RegExp(`^${escapeRegExp(message)}$`) : message);
    }
  });

  it('refuses what the engine refuses with GraphQL’s own message', async () => {
    const cases: [Record<string, string>, string][] = [
      [
        { metrics: 'BENEFICIARIES_REACHED', from: '2024-01-01', to: '2024-12-31', groupBy: 'PARTNER' },
        'metrics(metrics: [BENEFICIARIES_REACHED], from: "2024-01-01", to: "2024-12-31", groupBy: [PARTNER])',
      ],
      [
        { metrics: 'REVENUE_USD', from: '2024-12-31', to: '2024-01-01' },
        'metrics(metrics: [REVENUE_USD], from: "2024-12-31", to: "2024-01-01")',
      ],
      [
        { metrics: 'REVENUE_USD', from: '2024-01-01', to: '2024-12-31', limit: '0' },
        'metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", limit: 0)',
      ],
      [
        { metrics: 'REVENUE_USD', from: '2024-01-01', to: '2024-12-31', regionCodes: 'XYZ' },
        'metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", filter: { regionCodes: ["XYZ"] })',
      ],
      [
        { metrics: 'REVENUE_USD', from: '2024-01-01', to: '2024-12-31', partnerIds: 'nope' },
        'metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", filter: { partnerIds: ["nope"] })',
      ],
    ];
    for (const [parameters, field] of cases) {
      const graphql = await api.graphql(`{ ${field} { rows { partnerType } } }`);
      expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await download(parameters)).toMatchObject({ status: 400, error: graphql.errors?.[0]?.message });
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
