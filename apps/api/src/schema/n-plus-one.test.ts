import type { Database } from '@panorama/db';
import type { TestDatabase } from '@panorama/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing';
import { insertContributions, insertPartner } from './test-seed';

/**
 * Counts the SQL statements sent to the database, whichever driver is underneath, but for the
 * one that authenticates the request's token (the same for every request).
 */
function countStatements(database: TestDatabase): { statements: string[]; reset(): void } {
  const statements: string[] = [];
  const record = (text: unknown) => {
    const statement = typeof text === 'string' ? text : String((text as { text?: string })?.text ?? text);
    if (!/"api_tokens"/.test(statement)) statements.push(statement);
  };
  if (database.kind === 'pglite') {
    const { pglite } = database;
    const query = pglite.query.bind(pglite);
    const exec = pglite.exec.bind(pglite);
    pglite.query = ((...args: Parameters<typeof query>) => {
      record(args[0]);
      return query(...args);
    }) as typeof pglite.query;
    pglite.exec = ((...args: Parameters<typeof exec>) => {
      record(args[0]);
      return exec(...args);
    }) as typeof pglite.exec;
  } else {
    const { pool } = database;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    pool.query = ((...args: unknown[]) => {
      record(args[0]);
      return query(...args);
    }) as typeof pool.query;
  }
  return { statements, reset: () => statements.splice(0) };
}

/** In three country offices of two bureaux: `partners` partners each, each with `gifts` contributions. */
async function insertGraph(db: Database, partners: number, gifts: number): Promise<void> {
  const offices = [
    { regionCode: 'RBN', countryIso3: 'KEN' },
    { regionCode: 'RBN', countryIso3: 'ETH' },
    { regionCode: 'RBP', countryIso3: 'COL' },
  ];
  for (const office of offices) {
    for (let index = 0; index < partners; index++) {
      const partner = await insertPartner(db, { ...office, name: `Partner ${index}` });
      await insertContributions(
        db,
        partner.id,
        Array.from({ length: gifts }, (_, gift) => ({
          ...office,
          date: `2025-01-${String(1 + (gift % 28)).padStart(2, '0')}`,
          amountUsd: `${100 + gift}.00`,
        })),
      );
    }
  }
}

/** Pages of 8: the largest graph below fills them, within the API's complexity limit. */
const NESTED = `query Nested {
  regions {
    code
    countries {
      iso3
      partners(first: 8, orderBy: { field: NAME }) {
        totalCount
        nodes {
          name
          contributions(first: 8, filter: { kinds: [CASH] }) {
            totalCount
            nodes { date amountUsd objective { code } }
          }
        }
      }
    }
  }
}`;

interface Nested {
  regions: {
    code: string;
    countries: {
      iso3: string;
      partners: { totalCount: number; nodes: { contributions: { totalCount: number; nodes: unknown[] } }[] };
    }[];
  }[];
}

const FLAT = `query Flat {
  contributions(first: 500, filter: { regionCodes: ["RBN", "RBP"] }) {
    totalCount
    nodes { amountUsd partner { name country { name region { code } } } region { name } country { iso3 } }
  }
}`;

/** Counts alone, at the root and on a link: no page is loaded, only the counts. */
const COUNTS = `query Counts {
  contributions(filter: { regionCodes: ["RBN"] }) { totalCount }
  region(code: "RBN") { contributions { totalCount } }
}`;

interface CountsData {
  contributions: { totalCount: number };
  region: { contributions: { totalCount: number } };
}

/** The overview and a panorama, asked for a part or for all. */
const PARTS = {
  overviewAsOf: '{ overview(year: 2025) { asOf } }',
  overviewKpis: '{ overview(year: 2025) { asOf kpis { value } } }',
  overviewAll: `{ overview(year: 2025) { asOf kpis { value } regions { values { value } } objectives { status }
    byIncomeStream { values { value } } trend { values { value } } pipeline { stage } } }`,
  panoramaAsOf: '{ panorama(regionCode: "RBN", year: 2025) { asOf } }',
  panoramaRank: '{ panorama(regionCode: "RBN", year: 2025) { rank share peers { value } } }',
  metricsRows: `{ metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: [REGION]) {
    rows { region { code } values { value } } } }`,
  metricsTotal: `{ metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: [REGION]) {
    rows { region { code } values { value } } total { values { value } } } }`,
  metricsTotalInFragment: `{ metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: [REGION]) {
    rows { region { code } values { value } } ...Whole } }
    fragment Whole on MetricsResult { ... on MetricsResult { sum: total { values { value } } } }`,
};

interface Counted<TData> {
  statements: number;
  data: TData;
}

/**
 * On a fresh database holding `partners × gifts` per office, runs each document once and counts
 * the statements it sent.
 */
async function measure(
  partners: number,
  gifts: number,
): Promise<{
  nested: Counted<Nested>;
  flat: Counted<unknown>;
  counts: Counted<CountsData>;
  parts: Record<keyof typeof PARTS, Counted<unknown>>;
}> {
  const api = await startTestServer({ seed: (db) => insertGraph(db, partners, gifts) });
  try {
    const counter = countStatements(api.database);
    const run = async <TData>(document: string, variables?: Record<string, unknown>): Promise<Counted<TData>> => {
      counter.reset();
      const result = await api.graphql<TData>(document, variables);
      expect(result.errors).toBeUndefined();
      return { statements: counter.statements.length, data: result.data as TData };
    };
    const parts = {} as Record<keyof typeof PARTS, Counted<unknown>>;
    for (const [name, document] of Object.entries(PARTS)) parts[name as keyof typeof PARTS] = await run(document);
    return {
      nested: await run<Nested>(NESTED),
      flat: await run(FLAT),
      counts: await run<CountsData>(COUNTS),
      parts,
    };
  } finally {
    await api.close();
  }
}

function kenya(data: Nested) {
  const countries = data.regions.find((region) => region.code === 'RBN')?.countries ?? [];
  return countries.find((country) => country.iso3 === 'KEN')?.partners;
}

describe('the number of SQL statements of a query', () => {
  let small: Awaited<ReturnType<typeof measure>>;
  let large: Awaited<ReturnType<typeof measure>>;

  beforeAll(async () => {
    small = await measure(2, 2);
    large = await measure(8, 8);
  });

  it('does not grow with the rows of regions → countries → partners → contributions', () => {
    expect(kenya(small.nested.data)?.totalCount).toBe(2);
    expect(kenya(small.nested.data)?.nodes[0]?.contributions.totalCount).toBe(2);
    expect(kenya(large.nested.data)?.totalCount).toBe(8);
    const pages = kenya(large.nested.data)?.nodes.map((partner) => partner.contributions.nodes.length);
    expect(pages).toEqual(Array(8).fill(8));
    expect(large.nested.statements).toBe(small.nested.statements);
    // The whole tree, counts included, is one statement of lateral joins.
    expect(large.nested.statements).toBe(1);
  });

  it('does not grow with the rows of a root connection and the relations of its nodes', () => {
    expect(large.flat.statements).toBe(small.flat.statements);
    // The page, and its totalCount.
    expect(large.flat.statements).toBe(2);
  });

  it('is one count per count when only counts are asked for', () => {
    expect(large.counts.data.contributions.totalCount).toBe(2 * 8 * 8);
    expect(large.counts.data.region.contributions.totalCount).toBe(2 * 8 * 8);
    // The root count, and the region with its count.
    expect(small.counts.statements).toBe(2);
    expect(large.counts.statements).toBe(2);
  });

  it('computes only the parts of the overview and of a panorama that are asked', () => {
    // The last day with data; for a panorama, the region too.
    expect(large.parts.overviewAsOf.statements).toBe(1);
    expect(large.parts.panoramaAsOf.statements).toBe(2);
    expect(large.parts.overviewKpis.statements).toBeGreaterThan(1);
    expect(large.parts.overviewAll.statements).toBeGreaterThan(large.parts.overviewKpis.statements);
    // Rank, share and the peers' averages come from one computation of every region's figures.
    expect(large.parts.panoramaRank.statements).toBeLessThan(large.parts.overviewAll.statements);
    expect(large.parts.panoramaRank.data).toEqual({
      panorama: { rank: expect.any(Number), share: expect.any(Number), peers: expect.any(Array) },
    });
  });

  it('computes the totals row of a metrics query only when it is asked, under any alias or fragment', () => {
    const { metricsRows, metricsTotal, metricsTotalInFragment } = large.parts;
    // The totals' figures are one statement of their own.
    expect(metricsTotal.statements).toBe(metricsRows.statements + 1);
    expect(metricsTotalInFragment.statements).toBe(metricsTotal.statements);
    const rows = (metricsRows.data as { metrics: { rows: unknown[] } }).metrics.rows;
    expect((metricsTotal.data as { metrics: { rows: unknown[] } }).metrics.rows).toEqual(rows);
    // Three offices of 8 partners, each partner 8 gifts of $100 to $107.
    const total = { values: [{ value: 3 * 8 * (8 * 100 + 28) }] };
    expect(metricsTotal.data).toMatchObject({ metrics: { total } });
    expect(metricsTotalInFragment.data).toMatchObject({ metrics: { sum: total } });
  });
});
