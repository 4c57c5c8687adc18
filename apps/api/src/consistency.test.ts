import { seedDemoData } from '@panorama/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing';

/** Consistency of the figures on the demo data: the same number, however it is asked for. */

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: (_db, database) => seedDemoData(database, { contributions: 8_000 }) });
});
afterAll(async () => {
  await api?.close();
});

interface Value {
  metric: string;
  value: number | null;
  valueText: string | null;
  target: number | null;
  attainment: number | null;
}
interface Row {
  region: { code: string } | null;
  period: { label: string } | null;
  values: Value[];
}
interface Metrics {
  metrics: { rows: Row[]; total: { values: Value[] } };
}

/** Exact cents (or hundredths) of a decimal string. */
const hundredths = (text: string | null | undefined) => BigInt(Math.round(Number(text ?? '0') * 100));

const ADDITIVE = [
  'REVENUE_USD',
  'CONTRIBUTION_COUNT',
  'IN_KIND_REVENUE_USD',
  'BENEFICIARIES_REACHED',
  'PIPELINE_WEIGHTED_USD',
];

async function metrics(args: string): Promise<Metrics['metrics']> {
  const result = await api.graphql<Metrics>(`{ metrics(${args}) {
    rows { region { code } period { label } values { metric value valueText target attainment } }
    total { values { metric value valueText target attainment } } } }`);
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data.metrics;
}

function expectAttainmentIsValueOverTarget(values: Value[]) {
  for (const value of values) {
    if (value.target === null || value.target === 0 || value.value === null) {
      expect(value.attainment).toBeNull();
    } else {
      expect(value.attainment).toBeCloseTo(value.value / value.target, 9);
    }
  }
}

describe('consistency on the demo data', () => {
  it('has revenue that differs across regions and years', async () => {
    const result = await metrics(
      'metrics: [REVENUE_USD], from: "2019-01-01", to: "2025-12-31", groupBy: [REGION], grain: YEAR',
    );
    const figures = result.rows.map((row) => row.values[0]?.valueText);
    expect(new Set(figures).size).toBe(figures.length);
  });

  it('adds the regions up to the ungrouped total, exactly', async () => {
    const result = await metrics(
      `metrics: [${ADDITIVE.join(', ')}], from: "2024-01-01", to: "2024-12-31", groupBy: [REGION], compare: [TARGET]`,
    );
    ADDITIVE.forEach((metric, index) => {
      const sum = result.rows.reduce((total, row) => total + hundredths(row.values[index]?.valueText), 0n);
      expect(sum, metric).toBe(hundredths(result.total.values[index]?.valueText));
    });
    for (const row of result.rows) expectAttainmentIsValueOverTarget(row.values);
    expectAttainmentIsValueOverTarget(result.total.values);
  });

  it('adds the quarters up to the year, and the months up to the quarters', async () => {
    const quarters = await metrics(
      `metrics: [${ADDITIVE.join(', ')}], from: "2023-01-01", to: "2023-12-31", grain: QUARTER`,
    );
    const months = await metrics(
      `metrics: [${ADDITIVE.join(', ')}], from: "2023-01-01", to: "2023-12-31", grain: MONTH`,
    );
    const year = await metrics(`metrics: [${ADDITIVE.join(', ')}], from: "2023-01-01", to: "2023-12-31", grain: YEAR`);
    ADDITIVE.forEach((metric, index) => {
      const sum = (rows: Row[]) => rows.reduce((total, row) => total + hundredths(row.values[index]?.valueText), 0n);
      expect(sum(quarters.rows), metric).toBe(hundredths(year.rows[0]?.values[index]?.valueText));
      expect(sum(months.rows), metric).toBe(sum(quarters.rows));
    });
  });

  it('gives a panorama the revenue `metrics` gives its region, and attainment = value / target', async () => {
    for (const code of ['RBN', 'HQ', 'RBJ']) {
      const result = await api.graphql<{
        panorama: { asOf: string; kpis: Value[] };
      }>(`{ panorama(regionCode: "${code}", year: 2025) { asOf kpis { metric value valueText target attainment } } }`);
      expect(result.errors).toBeUndefined();
      const panorama = result.data?.panorama;
      if (!panorama) throw new Error('no panorama');
      const same = await metrics(
        `metrics: [REVENUE_USD, BENEFICIARIES_REACHED], from: "2025-01-01", to: "${panorama.asOf}", filter: { regionCodes: ["${code}"] }`,
      );
      expect(panorama.kpis.find((kpi) => kpi.metric === 'REVENUE_USD')?.valueText, code).toBe(
        same.total.values[0]?.valueText,
      );
      expect(panorama.kpis.find((kpi) => kpi.metric === 'BENEFICIARIES_REACHED')?.valueText, code).toBe(
        same.total.values[1]?.valueText,
      );
      expectAttainmentIsValueOverTarget(panorama.kpis);
    }
  });

  it('gives the overview the revenue of the regions together', async () => {
    const result = await api.graphql<{ overview: { kpis: Value[]; regions: Row[] } }>(
      '{ overview(year: 2025) { kpis { metric value valueText target attainment } regions { region { code } values { metric value valueText target attainment } } } }',
    );
    expect(result.errors).toBeUndefined();
    const overview = result.data?.overview;
    if (!overview) throw new Error('no overview');
    const revenue = overview.kpis.find((kpi) => kpi.metric === 'REVENUE_USD');
    const regional = overview.regions.reduce(
      (total, row) => total + hundredths(row.values.find((value) => value.metric === 'REVENUE_USD')?.valueText),
      0n,
    );
    expect(regional).toBe(hundredths(revenue?.valueText));
    expectAttainmentIsValueOverTarget(overview.kpis);
    for (const row of overview.regions) expectAttainmentIsValueOverTarget(row.values);
  });
});
