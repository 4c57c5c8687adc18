import { partners } from '@panorama/db';
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

/** Each root list and the type of its `filter` argument. */
const FILTERS = {
  partnerships: 'PartnershipFilter',
  contributions: 'ContributionFilter',
  impactRecords: 'ImpactRecordFilter',
  targets: 'TargetFilter',
  opportunities: 'OpportunityFilter',
  fieldNeeds: 'FieldNeedFilter',
  stories: 'StoryFilter',
} as const;
type RootList = keyof typeof FILTERS;

interface Page {
  totalCount: number;
  nodes: Record<string, unknown>[];
}

/** One page of a root list (large enough to hold every row), with `fields` of each node. */
async function list(
  field: RootList,
  filter: Record<string, unknown> | null,
  fields = 'id',
  orderBy?: unknown,
): Promise<Page> {
  const orderType = `${FILTERS[field].replace(/Filter$/, '')}Order`;
  const result = await api.graphql<Record<RootList, Page>>(
    `query List($filter: ${FILTERS[field]}, $orderBy: ${orderType}) {
      ${field}(first: 50, filter: $filter, orderBy: $orderBy) { totalCount nodes { ${fields} } }
    }`,
    { filter, orderBy },
  );
  expect(result.errors).toBeUndefined();
  const page = result.data?.[field];
  if (!page) throw new Error(`no ${field}`);
  return page;
}

/** How many rows a filter keeps, checking that the page and `totalCount` agree. */
async function count(field: RootList, filter: Record<string, unknown> | null): Promise<number> {
  const page = await list(field, filter);
  expect(page.nodes.length, `${field} ${JSON.stringify(filter)}`).toBe(page.totalCount);
  return page.totalCount;
}

describe('root lists', () => {
  it('filter partnerships, by partner too', async () => {
    const partners = await api.graphql<{ partners: { nodes: { id: string; name: string }[] } }>(
      '{ partners(first: 5) { nodes { id name } } }',
    );
    const acme = partners.data?.partners.nodes.find((partner) => partner.name === 'Acme Foods');
    expect(await count('partnerships', null)).toBe(3);
    expect(await count('partnerships', { statuses: ['COMPLETED'] })).toBe(1);
    expect(await count('partnerships', { partnerIds: [acme?.id] })).toBe(2);
    expect(await count('partnerships', { regionCodes: ['rbp'] })).toBe(1);
    expect(
      await count('partnerships', { objectiveCodes: ['IMP_NUTRITION', 'IMP_EMERGENCY'], modalities: ['CASH'] }),
    ).toBe(1);
  });

  it('filter impact records', async () => {
    expect(await count('impactRecords', null)).toBe(3);
    expect(await count('impactRecords', { metricCodes: ['meals_provided'] })).toBe(2);
    expect(await count('impactRecords', { regionCodes: ['RBP'] })).toBe(1);
    expect(await count('impactRecords', { countryIsos: ['KEN'] })).toBe(1);
    expect(await count('impactRecords', { dateFrom: '2025-05-01', dateTo: '2025-06-01' })).toBe(1);
    expect(await count('impactRecords', { objectiveCodes: ['IMP_EMERGENCY'] })).toBe(1);
  });

  it('filter targets; a bureau’s include those of its country offices', async () => {
    expect(await count('targets', null)).toBe(4);
    expect(await count('targets', { year: 2025 })).toBe(3);
    expect(await count('targets', { regionCodes: ['RBN'] })).toBe(2);
    expect(await count('targets', { regionCodes: ['RBN'], scopeTypes: ['REGION'] })).toBe(1);
    expect(await count('targets', { scopeTypes: ['COUNTRY'], countryIsos: ['KEN'] })).toBe(1);
    expect(await count('targets', { metricCodes: ['MEALS_PROVIDED'], year: 2024 })).toBe(1);
    const byValue = await list('targets', null, 'value scopeCode', { field: 'VALUE', direction: 'DESC' });
    expect(byValue.nodes.map((node) => node.value)).toEqual([1100000, 250000, 80000, 5000]);
    const byDefault = await list('targets', null, 'year quarter scopeCode');
    expect(byDefault.nodes.at(-1)).toEqual({ year: 2024, quarter: 2, scopeCode: 'RBP' });
  });

  it('filter opportunities, open or closed', async () => {
    expect(await count('opportunities', null)).toBe(3);
    expect(await count('opportunities', { open: true })).toBe(1);
    expect(await count('opportunities', { open: false })).toBe(2);
    expect(await count('opportunities', { stages: ['WON', 'PROPOSAL'], regionCodes: ['RBN'] })).toBe(2);
    expect(await count('opportunities', { expectedCloseFrom: '2025-06-01', expectedCloseTo: '2025-06-30' })).toBe(1);
    const pipeline = await list('opportunities', null, 'name amountUsd probability weightedAmountUsd open');
    expect(pipeline.nodes[0]).toEqual({
      name: 'Won gift',
      amountUsd: 10000,
      probability: 0.25,
      weightedAmountUsd: 2500,
      open: false,
    });
  });

  it('filter field needs and stories', async () => {
    expect(await count('fieldNeeds', null)).toBe(3);
    expect(await count('fieldNeeds', { statuses: ['OPEN', 'MATCHED'] })).toBe(2);
    expect(await count('fieldNeeds', { regionCodes: ['RBP'], statuses: ['CLOSED'] })).toBe(1);
    expect(await count('fieldNeeds', { countryIsos: ['KEN'] })).toBe(1);
    expect(await count('stories', null)).toBe(3);
    expect(await count('stories', { regionCodes: ['RBN'] })).toBe(2);
    expect(await count('stories', { regionCodes: ['RBN'], dateFrom: '2024-01-01' })).toBe(1);
    const stories = await list('stories', null, 'title date', { field: 'DATE', direction: 'ASC' });
    expect(stories.nodes[0]).toEqual({ title: 'Trucks in the rain', date: '2023-06-01' });
  });

  it('answer totalCount alone, at the root and on a link', async () => {
    const result = await api.graphql<{
      partnerships: { totalCount: number };
      region: { stories: { totalCount: number } };
    }>('{ partnerships { totalCount } region(code: "RBN") { stories { totalCount } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ partnerships: { totalCount: 3 }, region: { stories: { totalCount: 2 } } });
  });

  it('explain a partner ID that is not one, on a link too', async () => {
    const story = (await list('stories', null)).nodes[0]?.id;
    const root = await api.graphql('query ($id: ID!) { partnerships(filter: { partnerIds: [$id] }) { totalCount } }', {
      id: story,
    });
    expect(root.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(root.errors?.[0]?.message).toMatch(/is not the ID of a partner \(it names a Story\)/);
    const link = await api.graphql(
      'query ($id: ID!) { region(code: "RBN") { contributions(filter: { partnerIds: [$id] }) { totalCount } } }',
      { id: story },
    );
    expect(link.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(link.errors?.[0]?.message).toMatch(/is not the ID of a partner/);
  });
});

describe('node(id)', () => {
  it('fetches again every kind of object by its global ID', async () => {
    const ids = await api.graphql<Record<string, { nodes: { id: string }[] } | { id: string }[]>>(`{
      objectives { id }
      partnerships(first: 1) { nodes { id } }
      contributions(first: 1) { nodes { id } }
      impactRecords(first: 1) { nodes { id } }
      targets(first: 1) { nodes { id } }
      opportunities(first: 1) { nodes { id } }
      fieldNeeds(first: 1) { nodes { id } }
      stories(first: 1) { nodes { id } }
    }`);
    expect(ids.errors).toBeUndefined();
    const expected: Record<string, string> = {
      objectives: 'Objective',
      partnerships: 'Partnership',
      contributions: 'Contribution',
      impactRecords: 'ImpactRecord',
      targets: 'Target',
      opportunities: 'Opportunity',
      fieldNeeds: 'FieldNeed',
      stories: 'Story',
    };
    for (const [field, typename] of Object.entries(expected)) {
      const value = ids.data?.[field];
      const id = Array.isArray(value) ? value[0]?.id : value?.nodes[0]?.id;
      expect(id, field).toBeTruthy();
      const fetched = await api.graphql<{ node: { __typename: string; id: string; region?: { code: string } } }>(
        `query ($id: ID!) { node(id: $id) { __typename id
          ... on Contribution { region { code } } ... on Partnership { region { code } }
        } }`,
        { id },
      );
      expect(fetched.errors, field).toBeUndefined();
      expect(fetched.data?.node).toMatchObject({ __typename: typename, id });
    }
  });
});

describe('partners by creation time', () => {
  it('page without repeats or gaps, though PostgreSQL keeps microseconds and JavaScript milliseconds', async () => {
    // One statement: every row gets the same `now()`, to the microsecond.
    await api.database.asOwner((db) =>
      db.insert(partners).values(
        Array.from({ length: 8 }, (_, index) => ({
          externalRef: `LATE-${index}`,
          name: `Later partner ${index}`,
          partnerType: 'FOUNDATION' as const,
          scope: 'LOCAL' as const,
          regionCode: 'RBN',
          countryIso3: 'KEN',
        })),
      ),
    );
    for (const path of ['partners', 'country(iso3) partners'] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const document =
          path === 'partners'
            ? 'query ($after: String) { list: partners(first: 3, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { externalRef } pageInfo { hasNextPage endCursor } } }'
            : 'query ($after: String) { region(code: "RBN") { countries { iso3 list: partners(first: 3, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { externalRef } pageInfo { hasNextPage endCursor } } } } }';
        type Page = { nodes: { externalRef: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        const result: { data?: { list?: Page; region?: { countries: { iso3: string; list: Page }[] } } } =
          await api.graphql(document, { after });
        const page =
          result.data?.list ?? result.data?.region?.countries.find((country) => country.iso3 === 'KEN')?.list;
        if (!page) throw new Error('no page');
        seen.push(...page.nodes.map((node) => node.externalRef));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const expected = path === 'partners' ? 10 : 9;
      expect(seen, path).toHaveLength(expected);
      expect(new Set(seen).size, path).toBe(expected);
    }
  });
});
