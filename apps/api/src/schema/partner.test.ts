import { PARTNER_TYPES, partners } from '@panorama/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';

let api: TestServer;
const PARTNER_COUNT = 57;

beforeAll(async () => {
  // Names repeat every 10 partners, so paging by name must break ties to be gapless.
  api = await startTestServer({
    seed: (db) =>
      db.insert(partners).values(
        Array.from({ length: PARTNER_COUNT }, (_, index) => ({
          externalRef: `P-${String(index + 1).padStart(3, '0')}`,
          name: `Partner ${String.fromCharCode(65 + (index % 10))}`,
          partnerType: PARTNER_TYPES[index % PARTNER_TYPES.length] ?? 'CORPORATION',
          scope: index % 3 === 0 ? ('GLOBAL' as const) : ('LOCAL' as const),
          regionCode: index % 2 === 0 ? 'RBD' : 'RBP',
        })),
      ),
  });
});
afterAll(async () => {
  await api?.close();
});

interface Page {
  partners: {
    totalCount: number;
    edges: { cursor: string; node: { externalRef: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
  };
}

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: PartnerFilter, $orderBy: PartnerOrder) {
  partners(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { externalRef name } }
    pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
  }
}`;

async function walkForward(variables: Record<string, unknown>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const result: { data?: Page; errors?: unknown } = await api.graphql<Page>(PAGE, { ...variables, first: 10, after });
    expect(result.errors).toBeUndefined();
    const page = result.data?.partners;
    if (!page) throw new Error('no page');
    seen.push(...page.edges.map((edge) => edge.node.externalRef));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('partners connection', () => {
  it('pages forward through every partner exactly once, in name order', async () => {
    const refs = await walkForward({});
    expect(refs).toHaveLength(PARTNER_COUNT);
    expect(new Set(refs).size).toBe(PARTNER_COUNT);
    const first = await api.graphql<Page>(PAGE, { first: 3 });
    expect(first.data?.partners.totalCount).toBe(PARTNER_COUNT);
    expect(first.data?.partners.edges.map((edge) => edge.node.name)).toEqual(['Partner A', 'Partner A', 'Partner A']);
  });

  it('pages backward to the same items', async () => {
    const forward = await walkForward({});
    const backward: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const result: { data?: Page } = await api.graphql<Page>(PAGE, { last: 10, before });
      const page = result.data?.partners;
      if (!page) throw new Error('no page');
      backward.unshift(...page.edges.map((edge) => edge.node.externalRef));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('filters, with a totalCount that matches the filter', async () => {
    const filter = { regionCodes: ['rbd'], partnerTypes: ['CORPORATION', 'FOUNDATION'], search: 'partner' };
    const refs = await walkForward({ filter });
    const result = await api.graphql<Page>(PAGE, { first: 1, filter });
    expect(result.data?.partners.totalCount).toBe(refs.length);
    // Even indexes (RBD) whose type index is 0 or 1 among five types.
    const expected = Array.from({ length: PARTNER_COUNT }, (_, index) => index).filter(
      (index) => index % 2 === 0 && index % 5 <= 1,
    );
    expect(refs.length).toBe(expected.length);
    const bySearch = await api.graphql<Page>(PAGE, { first: 100, filter: { search: 'p-01' } });
    expect(bySearch.data?.partners.edges.map((edge) => edge.node.externalRef).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `P-01${index}`),
    );
  });

  it('treats LIKE wildcards in the search as plain characters', async () => {
    const result = await api.graphql<Page>(PAGE, { first: 5, filter: { search: '%' } });
    expect(result.data?.partners.totalCount).toBe(0);
  });

  it('orders by any allowed field and direction, still without gaps', async () => {
    const refs = await walkForward({ orderBy: { field: 'EXTERNAL_REF', direction: 'DESC' } });
    expect(refs[0]).toBe('P-057');
    expect(refs).toEqual([...refs].sort().reverse());
  });

  it('explains a bad argument', async () => {
    const result = await api.graphql(PAGE, { first: 5, orderBy: { field: 'COLOUR' } });
    expect(result.errors?.[0]?.message).toMatch(/COLOUR/);
  });
});
