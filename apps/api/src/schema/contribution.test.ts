import { type contributions, type Database, INCOME_STREAMS } from '@panorama/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing';
import { insertContributions, insertPartner } from './test-seed';

type Row = typeof contributions.$inferSelect;

let api: TestServer;
const rows: Row[] = [];
/** Global IDs of the partners, by database ID. */
const partnerIds = new Map<number, string>();

const OFFICES = [
  { name: 'Kenyan Foods', regionCode: 'RBN', countryIso3: 'KEN' },
  { name: 'Andean Mining', regionCode: 'RBP', countryIso3: 'COL' },
  { name: 'Hope Foundation', regionCode: 'HQ', countryIso3: null },
] as const;

/** Each office's partner, with 20 gifts on days shared across partners (ties), December 2024 to January 2025. */
async function insertOffices(db: Database) {
  for (const [index, office] of OFFICES.entries()) {
    const partner = await insertPartner(db, office);
    const inserted = await insertContributions(
      db,
      partner.id,
      Array.from({ length: 20 }, (_, gift) => ({
        date: gift < 10 ? `2024-12-${String(21 + gift).padStart(2, '0')}` : `2025-01-0${1 + (gift % 9)}`,
        amountUsd: (gift * 137.5 + index * 0.25).toFixed(2),
        incomeStream: INCOME_STREAMS[gift % INCOME_STREAMS.length],
        kind: gift % 3 === 0 ? ('IN_KIND' as const) : ('CASH' as const),
        objectiveCode: gift % 2 === 0 ? 'INC_GROWTH' : 'INC_INDIVIDUAL',
        regionCode: office.regionCode,
        countryIso3: office.countryIso3 && gift % 4 !== 3 ? office.countryIso3 : null,
      })),
    );
    rows.push(...inserted);
  }
}

beforeAll(async () => {
  api = await startTestServer({ seed: insertOffices });
  const listed = await api.graphql<{ partners: { nodes: { id: string; externalRef: string }[] } }>(
    '{ partners(first: 10) { nodes { id externalRef } } }',
  );
  const ids = await api.database.db.query.partners.findMany({ columns: { id: true, externalRef: true } });
  for (const node of listed.data?.partners.nodes ?? []) {
    const partner = ids.find((row) => row.externalRef === node.externalRef);
    if (partner) partnerIds.set(partner.id, node.id);
  }
});
afterAll(async () => {
  await api?.close();
});

interface Page {
  contributions: {
    totalCount: number;
    nodes: { externalRef: string; date: string; amountUsd: number; amountUsdText: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
  };
}

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: ContributionFilter, $orderBy: ContributionOrder) {
  contributions(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { externalRef date amountUsd amountUsdText }
    pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
  }
}`;

/** Every page of the list, 7 at a time; checks that each page reports the same totalCount. */
async function walk(variables: Record<string, unknown> = {}): Promise<{ refs: string[]; totalCount: number }> {
  const refs: string[] = [];
  let totalCount = -1;
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const result: { data?: Page; errors?: unknown } = await api.graphql<Page>(PAGE, { ...variables, first: 7, after });
    expect(result.errors).toBeUndefined();
    const page = result.data?.contributions;
    if (!page) throw new Error('no page');
    if (totalCount >= 0) expect(page.totalCount).toBe(totalCount);
    totalCount = page.totalCount;
    refs.push(...page.nodes.map((node) => node.externalRef));
    if (!page.pageInfo.hasNextPage) return { refs, totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

function refsWhere(keep: (row: Row) => boolean): string[] {
  return rows
    .filter(keep)
    .map((row) => row.externalRef)
    .sort();
}

describe('contributions connection', () => {
  it('pages forward through every contribution once, newest first, ties broken by ID', async () => {
    const { refs, totalCount } = await walk();
    expect(totalCount).toBe(rows.length);
    expect([...refs].sort()).toEqual(refsWhere(() => true));
    const dates = refs.map((ref) => rows.find((row) => row.externalRef === ref)?.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages backward to the same items', async () => {
    const { refs: forward } = await walk();
    const backward: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const result: { data?: Page } = await api.graphql<Page>(PAGE, { last: 7, before });
      const page = result.data?.contributions;
      if (!page) throw new Error('no page');
      backward.unshift(...page.nodes.map((node) => node.externalRef));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('filters, with a totalCount that matches the filter', async () => {
    const [kenyan, andean, hope] = [...partnerIds.keys()];
    const cases: [Record<string, unknown>, (row: Row) => boolean][] = [
      [{ dateFrom: '2024-12-25', dateTo: '2025-01-03' }, (row) => row.date >= '2024-12-25' && row.date <= '2025-01-03'],
      [{ regionCodes: ['rbp', 'HQ'] }, (row) => ['RBP', 'HQ'].includes(row.regionCode)],
      [{ countryIsos: ['ken'] }, (row) => row.countryIso3 === 'KEN'],
      [
        { incomeStreams: ['CORPORATE', 'HNWI'], kinds: ['CASH'] },
        (row) => ['CORPORATE', 'HNWI'].includes(row.incomeStream) && row.kind === 'CASH',
      ],
      [{ objectiveCodes: ['inc_growth'] }, (row) => row.objectiveCode === 'INC_GROWTH'],
      [{ partnerIds: [partnerIds.get(kenyan ?? 0), partnerIds.get(hope ?? 0)] }, (row) => row.partnerId !== andean],
      [{ minAmountUsd: 1375.25 }, (row) => Number(row.amountUsd) >= 1375.25],
      [
        { regionCodes: ['RBN'], kinds: ['IN_KIND'], dateFrom: '2025-01-01' },
        (row) => row.regionCode === 'RBN' && row.kind === 'IN_KIND' && row.date >= '2025-01-01',
      ],
    ];
    for (const [filter, keep] of cases) {
      const expected = refsWhere(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(rows.length);
      const { refs, totalCount } = await walk({ filter });
      expect([...refs].sort(), JSON.stringify(filter)).toEqual(expected);
      expect(totalCount, JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('orders by amount, still without gaps', async () => {
    const { refs } = await walk({ orderBy: { field: 'AMOUNT_USD', direction: 'DESC' } });
    const amounts = refs.map((ref) => Number(rows.find((row) => row.externalRef === ref)?.amountUsd));
    expect(refs).toHaveLength(rows.length);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('gives money as a Float and as exact decimal text', async () => {
    const result = await api.graphql<Page>(PAGE, {
      first: 1,
      filter: { minAmountUsd: 2612.75 },
      orderBy: { field: 'AMOUNT_USD', direction: 'ASC' },
    });
    expect(result.data?.contributions.nodes[0]).toMatchObject({ amountUsd: 2612.75, amountUsdText: '2612.75' });
    const round = await api.graphql<Page>(PAGE, { first: 1, orderBy: { field: 'AMOUNT_USD', direction: 'DESC' } });
    expect(round.data?.contributions.nodes[0]).toMatchObject({ amountUsd: 2613, amountUsdText: '2613.00' });
  });

  it('explains a partner ID that is not one', async () => {
    const region = await api.graphql<{ region: { id: string } }>('{ region(code: "RBN") { id } }');
    for (const id of [region.data?.region.id, 'not-an-id']) {
      const result = await api.graphql(PAGE, { first: 1, filter: { partnerIds: [id] } });
      expect(result.data?.contributions ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(`${JSON.stringify(id)} is not the ID of a partner`);
    }
    const named = await api.graphql(PAGE, { first: 1, filter: { partnerIds: [region.data?.region.id] } });
    expect(named.errors?.[0]?.message).toMatch(/it names a Region.*Pass the `id` of a Partner/);
  });

  it('rejects a date that is not a calendar day', async () => {
    const result = await api.graphql(PAGE, { first: 1, filter: { dateFrom: '2025-02-30' } });
    expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });
});
