import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../testing';
import { cellsOf, downloadExport } from './export-testing';
import { expectSameAsGraphQL, seedHandData } from './metrics-csv-testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: seedHandData });
});
afterAll(async () => {
  await api?.close();
});

const download = (parameters: Record<string, string>, as: TestUser | null = 'admin') =>
  downloadExport(api, `metrics?${new URLSearchParams(parameters)}`, as);

describe('GET /api/export/metrics', () => {
  it('answers the rows of the query, with its periods, groups, names and comparisons', async () => {
    const exported = await download({
      metrics: 'REVENUE_USD,AVERAGE_GIFT_USD',
      from: '2024-01-01',
      to: '2024-12-31',
      groupBy: 'REGION',
      grain: 'YEAR',
      compare: 'PREVIOUS_YEAR,TARGET',
      orderBy: 'REGION:asc',
    });
    expect(exported).toMatchObject({
      status: 200,
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="panorama-metrics-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
    const [header, ...rows] = cellsOf(exported.text);
    expect(header).toEqual([
      'period_from',
      'period_to',
      'period_label',
      'region_code',
      'region_name',
      'revenue_usd',
      'revenue_usd_previous',
      'revenue_usd_change',
      'revenue_usd_target',
      'revenue_usd_attainment',
      'revenue_usd_status',
      'average_gift_usd',
      'average_gift_usd_previous',
      'average_gift_usd_change',
      'average_gift_usd_target',
      'average_gift_usd_attainment',
      'average_gift_usd_status',
    ]);
    // Exact decimals, as the database computes them: 400 + 50 + 12.34 in Nairobi; ratios as the engine rounds them.
    expect(rows.find((row) => row[3] === 'RBN')?.slice(0, 11)).toEqual([
      '2024-01-01',
      '2024-12-31',
      '2024',
      'RBN',
      expect.any(String),
      '462.34',
      '300.50',
      '0.538569051581',
      '366.00',
      '1.263224043716',
      'ON_TRACK',
    ]);
  });

  it('holds, cell by cell, what GraphQL answers to the same arguments', async () => {
    await expectSameAsGraphQL(
      api,
      {
        metrics: 'REVENUE_USD,CONTRIBUTION_COUNT,AVERAGE_GIFT_USD',
        from: '2024-01-01',
        to: '2024-12-31',
        groupBy: 'REGION',
        grain: 'QUARTER',
        compare: 'PREVIOUS_YEAR,TARGET',
      },
      {
        metrics: ['REVENUE_USD', 'CONTRIBUTION_COUNT', 'AVERAGE_GIFT_USD'],
        from: '2024-01-01',
        to: '2024-12-31',
        groupBy: ['REGION'],
        grain: 'QUARTER',
        compare: ['PREVIOUS_YEAR', 'TARGET'],
      },
    );
    await expectSameAsGraphQL(
      api,
      {
        metrics: 'BENEFICIARIES_REACHED',
        from: '2023-01-01',
        to: '2024-12-31',
        groupBy: 'COUNTRY,OBJECTIVE',
        grain: 'year',
        compare: 'PREVIOUS_PERIOD',
      },
      {
        metrics: ['BENEFICIARIES_REACHED'],
        from: '2023-01-01',
        to: '2024-12-31',
        groupBy: ['COUNTRY', 'OBJECTIVE'],
        grain: 'YEAR',
        compare: ['PREVIOUS_PERIOD'],
      },
    );
    await expectSameAsGraphQL(
      api,
      {
        metrics: 'REVENUE_USD,ACTIVE_PARTNERS,NEW_PARTNERS,PARTNER_RETENTION_RATE',
        from: '2023-01-01',
        to: '2025-12-31',
        groupBy: 'PARTNER,INCOME_STREAM,PARTNER_TYPE',
        orderBy: 'REVENUE_USD:desc,PARTNER:asc',
        limit: '4',
        compare: 'TARGET',
        asOf: '2025-06-30',
      },
      {
        metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS', 'NEW_PARTNERS', 'PARTNER_RETENTION_RATE'],
        from: '2023-01-01',
        to: '2025-12-31',
        groupBy: ['PARTNER', 'INCOME_STREAM', 'PARTNER_TYPE'],
        orderBy: [
          { metric: 'REVENUE_USD', direction: 'DESC' },
          { dimension: 'PARTNER', direction: 'ASC' },
        ],
        limit: 4,
        compare: ['TARGET'],
        asOf: '2025-06-30',
      },
    );
    await expectSameAsGraphQL(
      api,
      {
        metrics: 'REVENUE_USD,PIPELINE_WEIGHTED_USD',
        from: '2024-01-01',
        to: '2025-12-31',
        grain: 'MONTH',
        regionCodes: 'RBN,RBB',
        countryIsos: 'KEN',
        orderBy: 'period:asc',
      },
      {
        metrics: ['REVENUE_USD', 'PIPELINE_WEIGHTED_USD'],
        from: '2024-01-01',
        to: '2025-12-31',
        grain: 'MONTH',
        filter: { regionCodes: ['RBN', 'RBB'], countryIsos: ['KEN'] },
        orderBy: [{ period: true, direction: 'ASC' }],
      },
    );
    await expectSameAsGraphQL(
      api,
      {
        metrics: 'REVENUE_USD',
        from: '2019-01-01',
        to: '2025-12-31',
        groupBy: 'PARTNER_TYPE',
        partnerTypes: 'CORPORATION,HNWI',
        incomeStreams: 'CORPORATE,HNWI',
        kind: 'CASH',
        objectiveCodes: 'INC_GROWTH',
      },
      {
        metrics: ['REVENUE_USD'],
        from: '2019-01-01',
        to: '2025-12-31',
        groupBy: ['PARTNER_TYPE'],
        filter: {
          partnerTypes: ['CORPORATION', 'HNWI'],
          incomeStreams: ['CORPORATE', 'HNWI'],
          kind: 'CASH',
          objectiveCodes: ['INC_GROWTH'],
        },
      },
    );
  });

  it('filters by partner global IDs, as GraphQL does', async () => {
    const found = await api.graphql<{ partners: { nodes: { id: string }[] } }>(
      '{ partners(filter: { regionCodes: ["RBN"] }, orderBy: { field: NAME, direction: ASC }) { nodes { id } } }',
    );
    const ids = (found.data?.partners.nodes ?? []).map((node) => node.id);
    expect(ids.length).toBeGreaterThan(1);
    const rows = await expectSameAsGraphQL(
      api,
      { metrics: 'REVENUE_USD', from: '2023-01-01', to: '2025-12-31', groupBy: 'PARTNER', partnerIds: ids.join(',') },
      {
        metrics: ['REVENUE_USD'],
        from: '2023-01-01',
        to: '2025-12-31',
        groupBy: ['PARTNER'],
        filter: { partnerIds: ids },
      },
    );
    expect(rows.length).toBe(ids.length);
  });

  it('escapes a name that a spreadsheet would run as a formula', async () => {
    const { text } = await download({
      metrics: 'REVENUE_USD',
      from: '2024-03-03',
      to: '2024-03-03',
      groupBy: 'PARTNER',
    });
    expect(text).toBe("partner_ref,partner_name,revenue_usd\r\nP-EVIL,'@SUM(A1),12.34\r\n");
  });

  it('lets a regional user group by partner within its own region only, as GraphQL does', async () => {
    const byPartner = { metrics: 'REVENUE_USD', from: '2024-01-01', to: '2024-12-31', groupBy: 'PARTNER' };
    const graphql = await api.graphql(
      '{ metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", groupBy: [PARTNER]) { rows { partnerType } } }',
      {},
      { as: 'nairobi' },
    );
    expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await download(byPartner, 'nairobi')).toMatchObject({ status: 403, error: graphql.errors?.[0]?.message });
    expect(await download({ ...byPartner, regionCodes: 'RBB' }, 'nairobi')).toMatchObject({ status: 403 });
    await expectSameAsGraphQL(
      api,
      { ...byPartner, regionCodes: 'RBN' },
      {
        metrics: ['REVENUE_USD'],
        from: '2024-01-01',
        to: '2024-12-31',
        groupBy: ['PARTNER'],
        filter: { regionCodes: ['RBN'] },
      },
      'nairobi',
    );
    // Aggregates stay readable by everyone signed in.
    await expectSameAsGraphQL(
      api,
      { metrics: 'REVENUE_USD', from: '2024-01-01', to: '2024-12-31', groupBy: 'REGION' },
      { metrics: ['REVENUE_USD'], from: '2024-01-01', to: '2024-12-31', groupBy: ['REGION'] },
      'bangkok',
    );
    expect(await download(byPartner, null)).toMatchObject({
      status: 401,
      error: 'Sign in first: exports need a signed-in user or an API token.',
    });
  });
});
