import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';
import { insertKenyaGraph } from './test-seed';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: insertKenyaGraph });
});
afterAll(async () => {
  await api?.close();
});

async function query<TData>(document: string, variables?: Record<string, unknown>): Promise<TData> {
  const result = await api.graphql<TData>(document, variables);
  expect(result.errors).toBeUndefined();
  return result.data as TData;
}

type Counted = { totalCount: number; nodes: Record<string, unknown>[] };

describe('links between the types', () => {
  it('lead from a partner to its contributions, partnerships and opportunities, and back', async () => {
    const data = await query<{ partners: { nodes: Record<string, Counted & Record<string, unknown>>[] } }>(`{
      partners(first: 1, filter: { search: "acme" }) { nodes {
        name
        contributions(first: 10, filter: { kinds: [CASH] }) { totalCount nodes { amountUsd partner { name } } }
        partnerships(first: 10, filter: { statuses: [ACTIVE] }) { totalCount nodes { name partner { name } } }
        opportunities(first: 10, filter: { open: true }) { totalCount nodes { name open weightedAmountUsd partner { name } } }
      } }
    }`);
    const acme = data.partners.nodes[0];
    expect(acme?.contributions).toMatchObject({ totalCount: 3 });
    expect(acme?.contributions?.nodes.map((node) => node.partner)).toEqual(Array(3).fill({ name: 'Acme Foods' }));
    expect(acme?.partnerships).toEqual({
      totalCount: 1,
      nodes: [{ name: 'Fortified flour', partner: { name: 'Acme Foods' } }],
    });
    expect(acme?.opportunities).toEqual({
      totalCount: 1,
      nodes: [{ name: 'Flour II', open: true, weightedAmountUsd: 2500, partner: { name: 'Acme Foods' } }],
    });
  });

  it('lead from a partnership to its contributions, impact records, stories and field needs, and back', async () => {
    const data = await query<{ partnerships: { nodes: Record<string, unknown>[] } }>(`{
      partnerships(first: 5, filter: { objectiveCodes: ["IMP_NUTRITION"] }) { nodes {
        name modality status startDate endDate
        objective { code pillar } region { code } country { iso3 }
        contributions(first: 5) { totalCount nodes { date partnership { name } } }
        impactRecords(first: 5, filter: { metricCodes: ["BENEFICIARIES_REACHED"] }) {
          totalCount nodes { value metricCode partnership { name } country { iso3 } }
        }
        stories(first: 5) { totalCount nodes { title partnership { name } } }
        fieldNeeds(first: 5) { totalCount nodes { title status partnership { name } } }
      } }
    }`);
    expect(data.partnerships.nodes).toEqual([
      {
        name: 'Fortified flour',
        modality: 'IN_KIND',
        status: 'ACTIVE',
        startDate: '2024-01-01',
        endDate: null,
        objective: { code: 'IMP_NUTRITION', pillar: 'IMPACT' },
        region: { code: 'RBN' },
        country: { iso3: 'KEN' },
        contributions: {
          totalCount: 2,
          nodes: [
            { date: '2025-04-01', partnership: { name: 'Fortified flour' } },
            { date: '2025-03-15', partnership: { name: 'Fortified flour' } },
          ],
        },
        impactRecords: {
          totalCount: 1,
          nodes: [
            {
              value: 1200.5,
              metricCode: 'BENEFICIARIES_REACHED',
              partnership: { name: 'Fortified flour' },
              country: { iso3: 'KEN' },
            },
          ],
        },
        stories: {
          totalCount: 1,
          nodes: [{ title: 'Flour reaches schools', partnership: { name: 'Fortified flour' } }],
        },
        fieldNeeds: {
          totalCount: 1,
          nodes: [{ title: 'Flour', status: 'MATCHED', partnership: { name: 'Fortified flour' } }],
        },
      },
    ]);
  });

  it('lead from a region and a country to what belongs to them, and back', async () => {
    const data = await query<{ region: Record<string, { totalCount: number }> & { countries: unknown[] } }>(`{
      region(code: "RBN") {
        countries { iso3 region { code } }
        partnerships(first: 1) { totalCount }
        contributions(first: 1) { totalCount }
        impactRecords(first: 1) { totalCount }
        targets(first: 1) { totalCount nodes { scopeCode setAt versions { setAt } } }
        opportunities(first: 1) { totalCount }
        fieldNeeds(first: 1) { totalCount }
        stories(first: 1) { totalCount }
      }
    }`);
    const { countries, ...counts } = data.region;
    expect(countries).toContainEqual({ iso3: 'KEN', region: { code: 'RBN' } });
    expect(Object.fromEntries(Object.entries(counts).map(([name, page]) => [name, page.totalCount]))).toEqual({
      partnerships: 2,
      contributions: 3,
      impactRecords: 2,
      targets: 1,
      opportunities: 2,
      fieldNeeds: 2,
      stories: 2,
    });
    const ownTarget = (
      counts.targets as unknown as { nodes: { scopeCode: string; setAt: string; versions: { setAt: string }[] }[] }
    ).nodes[0];
    const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    expect(ownTarget?.scopeCode).toBe('RBN');
    expect(ownTarget?.setAt).toMatch(isoTimestamp);
    expect(ownTarget?.versions).toHaveLength(1);
    expect(ownTarget?.versions[0]?.setAt).toMatch(isoTimestamp);
    const kenya = await query<{ countries: Record<string, { totalCount: number; nodes?: unknown[] }>[] }>(`{
      countries(regionCode: "RBN") {
        iso3
        partners(first: 5) { totalCount nodes { name country { iso3 } } }
        contributions(first: 1) { totalCount }
        impactRecords(first: 1) { totalCount }
        targets(first: 1) { totalCount }
        fieldNeeds(first: 1) { totalCount }
      }
    }`);
    const ken = kenya.countries.find((country) => (country.iso3 as unknown) === 'KEN');
    expect(ken?.partners).toEqual({ totalCount: 1, nodes: [{ name: 'Acme Foods', country: { iso3: 'KEN' } }] });
    expect(
      [ken?.contributions, ken?.impactRecords, ken?.targets, ken?.fieldNeeds].map((page) => page?.totalCount),
    ).toEqual([2, 1, 1, 1]);
  });

  it('lead from an objective to its partnerships, contributions and impact records', async () => {
    const data = await query<{ objective: Record<string, unknown> }>(`{
      objective(code: "imp_nutrition") {
        code name pillar sortOrder
        partnerships(first: 5) { totalCount nodes { name } }
        contributions(first: 5) { totalCount }
        impactRecords(first: 5) { totalCount }
      }
    }`);
    expect(data.objective).toMatchObject({
      code: 'IMP_NUTRITION',
      pillar: 'IMPACT',
      partnerships: { totalCount: 1, nodes: [{ name: 'Fortified flour' }] },
      contributions: { totalCount: 2 },
      impactRecords: { totalCount: 2 },
    });
  });
});

describe('objectives', () => {
  it('lists the strategy’s objectives in order, and finds one by code or answers null', async () => {
    const data = await query<{ objectives: { code: string; sortOrder: number }[]; missing: null }>(
      '{ objectives { code sortOrder } missing: objective(code: "NOPE") { code } }',
    );
    expect(data.objectives.length).toBeGreaterThanOrEqual(11);
    expect(data.objectives[0]?.code).toBe('INC_GROWTH');
    const orders = data.objectives.map((objective) => objective.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(data.missing).toBeNull();
  });
});

describe('targets', () => {
  it('show their current value and their history, newest first', async () => {
    const data = await query<{ targets: { nodes: Record<string, unknown>[] } }>(`{
      targets(first: 5, filter: { scopeTypes: [GLOBAL] }) { nodes {
        metricCode scopeType scopeCode region { code } country { iso3 } year quarter value version setBy setAt
        versions { version value previousValue setBy setAt }
      } }
    }`);
    const [global] = data.targets.nodes;
    expect(global).toMatchObject({
      metricCode: 'REVENUE_USD',
      scopeType: 'GLOBAL',
      scopeCode: 'GLOBAL',
      region: null,
      country: null,
      year: 2025,
      quarter: null,
      value: 1100000,
      version: 3,
    });
    expect(global?.setAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const versions = global?.versions as Record<string, unknown>[];
    expect(versions.map(({ version, value, previousValue }) => ({ version, value, previousValue }))).toEqual([
      { version: 3, value: 1100000, previousValue: 1200000 },
      { version: 2, value: 1200000, previousValue: 1000000 },
      { version: 1, value: 1000000, previousValue: null },
    ]);
  });
});
