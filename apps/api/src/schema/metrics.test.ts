import { loadHandData } from '@panorama/metrics/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: loadHandData });
});
afterAll(async () => {
  await api?.close();
});

interface Value {
  metric: string;
  value: number | null;
  valueText: string | null;
  previous: number | null;
  change: number | null;
  target: number | null;
  attainment: number | null;
  status: string | null;
}

describe('metrics over GraphQL', () => {
  it('groups by region, resolving keys to regions, with comparisons and a total', async () => {
    const result = await api.graphql<{
      metrics: {
        rows: { region: { code: string; name: string } | null; values: Value[] }[];
        total: { values: Value[] };
      };
    }>(`{
      metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", groupBy: [REGION], compare: [PREVIOUS_YEAR, TARGET],
              orderBy: [{ metric: REVENUE_USD, direction: DESC }]) {
        rows { region { code name } values { metric value valueText previous change target attainment status } }
        total { values { value valueText target attainment status } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const rows = result.data?.metrics.rows ?? [];
    expect(rows.map((row) => [row.region?.code, row.values[0]?.value])).toEqual([
      ['RBN', 450],
      ['RBB', 300.25],
      ['HQ', 0.1],
      ['RBD', 0],
    ]);
    expect(rows[0]?.values[0]).toMatchObject({ previous: 300.5, target: 366, status: 'ON_TRACK' });
    expect(result.data?.metrics.total.values[0]).toMatchObject({
      valueText: '750.35',
      target: 1000,
      attainment: 0.75035,
      status: 'AT_RISK',
    });
  });

  it('returns a typed, explained error for what it cannot do', async () => {
    const cases: [string, RegExp, string][] = [
      [
        'metrics: [BENEFICIARIES_REACHED], from: "2024-01-01", to: "2024-12-31", groupBy: [PARTNER]',
        /cannot be grouped by PARTNER/,
        'NOT_GROUPABLE',
      ],
      ['metrics: [REVENUE_USD], from: "2024-12-31", to: "2024-01-01"', /after `to`/, 'INVALID_RANGE'],
      [
        'metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", filter: { regionCodes: ["XX"] }',
        /Unknown region code XX/,
        'UNKNOWN_CODE',
      ],
      ['metrics: [REVENUE_USD], from: "2024-02-30", to: "2024-12-31"', /calendar day/, ''],
      [
        'metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", filter: { partnerIds: ["UmVnaW9uOlJCTg=="] }',
        /not of a Partner/,
        'BAD_ARGUMENT',
      ],
    ];
    for (const [args, message, reason] of cases) {
      const result = await api.graphql(`{ metrics(${args}) { total { values { value } } } }`);
      const error = result.errors?.[0];
      expect(error?.message, args).toMatch(message);
      if (reason) expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    }
  });

  it('lists the metric catalog with units and groupable dimensions', async () => {
    const result = await api.graphql<{ metricCatalog: { code: string; unit: string; groupableBy: string[] }[] }>(
      '{ metricCatalog { code unit groupableBy } }',
    );
    const catalog = result.data?.metricCatalog ?? [];
    expect(catalog.find((metric) => metric.code === 'PARTNER_RETENTION_RATE')?.unit).toBe('RATE');
    expect(catalog.find((metric) => metric.code === 'FOOD_TONNES')?.groupableBy).toEqual([
      'REGION',
      'COUNTRY',
      'OBJECTIVE',
    ]);
  });
});

describe('overview and panorama', () => {
  it('reads a year to date against the whole year’s target, vs the same days a year earlier', async () => {
    const result = await api.graphql<{
      overview: { asOf: string; kpis: Value[]; objectives: { objective: { code: string }; status: string | null }[] };
    }>(
      '{ overview(year: 2024, asOf: "2024-06-30") { asOf kpis { metric value previous target attainment status } objectives { objective { code } status } } }',
    );
    expect(result.errors).toBeUndefined();
    const revenue = result.data?.overview.kpis.find((kpi) => kpi.metric === 'REVENUE_USD');
    // 1 Jan – 30 Jun 2024: c5 50.00 + c3 300.25 + c7 400.00; 1 Jan – 30 Jun 2023: c1 100.00 only (c9 is 1 July).
    expect(revenue).toMatchObject({ value: 750.25, previous: 100, target: 1000, attainment: 0.75025 });
    // 182 of 366 days: expected 497.27…; 750.25 is ahead.
    expect(revenue?.status).toBe('ON_TRACK');
    const growth = result.data?.overview.objectives.find((o) => o.objective.code === 'INC_GROWTH');
    expect(growth?.status).toBe('ON_TRACK');
  });

  it('defaults asOf to the last day with data in the year', async () => {
    const result = await api.graphql<{ overview: { asOf: string } }>('{ overview(year: 2024) { asOf } }');
    expect(result.data?.overview.asOf).toBe('2024-12-31');
    const empty = await api.graphql<{ overview: { asOf: string } }>('{ overview(year: 2021) { asOf } }');
    expect(empty.data?.overview.asOf).toBe('2021-12-31');
  });

  it('gives a region its figures, rank, share, peers and stories, matching `metrics` filtered to it', async () => {
    const result = await api.graphql<{
      panorama: {
        region: { code: string };
        kpis: Value[];
        rank: number;
        share: number;
        peers: { metric: string; value: number }[];
        topPartners: { partner: { name: string } }[];
        byCountry: { country: { iso3: string } | null }[];
      };
      metrics: { total: { values: Value[] } };
    }>(`{
      panorama(regionCode: "rbn", year: 2024) {
        region { code } kpis { metric value target } rank share peers { metric value }
        topPartners { partner { name } } byCountry { country { iso3 } }
      }
      metrics(metrics: [REVENUE_USD], from: "2024-01-01", to: "2024-12-31", filter: { regionCodes: ["RBN"] }) { total { values { value } } }
    }`);
    expect(result.errors).toBeUndefined();
    const panorama = result.data?.panorama;
    expect(panorama?.region.code).toBe('RBN');
    expect(panorama?.kpis.find((kpi) => kpi.metric === 'REVENUE_USD')).toMatchObject({ value: 450, target: 366 });
    expect(panorama?.kpis.find((kpi) => kpi.metric === 'REVENUE_USD')?.value).toBe(
      result.data?.metrics.total.values[0]?.value,
    );
    expect(panorama?.rank).toBe(1);
    expect(panorama?.share).toBeCloseTo(450 / 750.35, 10);
    // The others: RBB 300.25, HQ 0.10 and RBD (a target, no revenue) 0.
    expect(panorama?.peers.find((peer) => peer.metric === 'REVENUE_USD')?.value).toBe(100.12);
    expect(panorama?.topPartners.map((row) => row.partner.name)).toEqual(['Delta', 'Alpha']);
    expect(panorama?.byCountry.map((row) => row.country?.iso3).sort()).toEqual(['KEN', 'SDN']);
  });

  it('refuses an unknown region and a year out of range, saying what is allowed', async () => {
    const unknown = await api.graphql('{ panorama(regionCode: "XYZ", year: 2024) { rank } }');
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown region code XYZ\. Known: HQ, RBB/);
    const year = await api.graphql('{ overview(year: 1800) { asOf } }');
    expect(year.errors?.[0]?.message).toMatch(/between 2000 and 2100/);
  });
});
