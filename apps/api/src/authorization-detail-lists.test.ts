import { type GraphQLField, type GraphQLObjectType, getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DETAIL_TYPES,
  expectAllowed,
  expectRefused,
  gid,
  type Kind,
  nameOfGid,
  REGION_OF,
  type Role,
  readable,
  SIGNED_IN,
  twoRegionsServer,
} from './authorization-reads-testing';
import { schema } from './schema';

/**
 * The lists of partner- and contribution-level detail, at the root and wherever else they hang:
 * each role reads exactly the rows of its region, with a totalCount that agrees.
 */

const { ask } = twoRegionsServer();

/** The root list of each detail type, and what its nodes say of their region. */
const DETAIL_LISTS: Record<Kind, { field: string; region: string }> = {
  Partner: { field: 'partners', region: '' },
  Partnership: { field: 'partnerships', region: 'region { code }' },
  Contribution: { field: 'contributions', region: 'region { code }' },
  ImpactRecord: { field: 'impactRecords', region: 'region { code }' },
  Opportunity: { field: 'opportunities', region: 'region { code }' },
};

interface Page {
  totalCount: number;
  nodes: { id: string; region?: { code: string } }[];
}

/** Checks a page of `kind` read by `role`: only what it may read, and a totalCount that agrees. */
function expectReadableOnly(role: Role, kind: Kind, page: Page, within?: readonly string[]) {
  const names = page.nodes.map((node) => nameOfGid(node.id));
  expect(page.totalCount).toBe(page.nodes.length);
  const allowed = readable(role, kind);
  for (const name of names) expect(allowed).toContain(name);
  const region = REGION_OF[role];
  if (region && kind !== 'Partner') for (const node of page.nodes) expect(node.region?.code).toBe(region);
  if (within) expect(names.sort()).toEqual(allowed.filter((name) => within.includes(name)).sort());
}

describe('the root lists of partner- and contribution-level detail', () => {
  const cases = SIGNED_IN.flatMap((role) => DETAIL_TYPES.map((kind) => [kind, role] as const));
  it.each(cases)('%s: %s reads exactly the rows it may, with a matching totalCount', async (kind, role) => {
    const { field, region } = DETAIL_LISTS[kind];
    const result = await ask(role, `{ ${field}(first: 100) { totalCount nodes { id ${region} } } }`);
    expectAllowed(result);
    const list = result.data?.[field] as Page;
    expectReadableOnly(role, kind, list);
    expect(list.nodes.map((node) => nameOfGid(node.id)).sort()).toEqual(readable(role, kind).sort());
  });

  it('gives regional users only their own region’s rows, and others every row', async () => {
    expect(readable('nairobi', 'Contribution').sort()).toEqual(['globexGiftRbn', 'savannaGift', 'savannaGift2']);
    expect(readable('bangkok', 'Partner').sort()).toEqual(['globex', 'mekong']);
    const result = await ask(
      'leadership',
      '{ contributions(first: 1) { totalCount } partners(first: 1) { totalCount } }',
    );
    expect(result.data).toEqual({ contributions: { totalCount: 6 }, partners: { totalCount: 4 } });
  });
});

/** How to reach one object (or a few) of each type that has lists of detail rows. */
const PARENTS: Record<string, (selection: string) => string[]> = {
  Query: (selection) => [`{ ${selection} }`],
  Region: (selection) => [`{ regions { code ${selection} } }`],
  Country: (selection) => ['RBN', 'RBB'].map((code) => `{ countries(regionCode: "${code}") { iso3 ${selection} } }`),
  Objective: (selection) => [`{ objectives { code ${selection} } }`],
  Partner: (selection) => [`{ partners(first: 20) { nodes { id ${selection} } } }`],
  Partnership: (selection) => [`{ partnerships(first: 20) { nodes { id ${selection} } } }`],
};

/** Every field, on any type, that lists rows of a detail type (a connection); and the type it lists. */
function detailListFields(): { parent: string; field: GraphQLField<unknown, unknown>; kind: Kind }[] {
  const found: { parent: string; field: GraphQLField<unknown, unknown>; kind: Kind }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const named = getNamedType(field.type);
      const kind = DETAIL_TYPES.find((detail) => named.name === `${detail}Connection`);
      if (kind) found.push({ parent: type.name, field, kind });
    }
  }
  return found;
}

/** All pages (`fieldName` connections) anywhere in an answer. */
function pagesIn(value: unknown, fieldName: string, out: Page[] = []): Page[] {
  if (Array.isArray(value)) for (const item of value) pagesIn(item, fieldName, out);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (key === fieldName && child && typeof child === 'object' && 'totalCount' in child) out.push(child as Page);
      else pagesIn(child, fieldName, out);
    }
  return out;
}

describe('every list of detail rows, wherever it hangs', () => {
  const fields = detailListFields();

  it('are all reachable from here, with a region filter to refuse', () => {
    expect(fields.length).toBeGreaterThanOrEqual(20);
    for (const { parent, field } of fields) {
      expect(PARENTS[parent], `add a way to reach ${parent} to PARENTS`).toBeDefined();
      const filter = field.args.find((argument) => argument.name === 'filter');
      const filterType = filter && getNamedType(filter.type);
      expect(isInputObjectType(filterType) && 'regionCodes' in filterType.getFields(), `${parent}.${field.name}`).toBe(
        true,
      );
    }
  });

  const cases = fields.flatMap(({ parent, field, kind }) =>
    (['nairobi', 'bangkok', 'analyst'] as const).map((role) => [`${parent}.${field.name}`, role, kind] as const),
  );
  /** The rows of every page of the list, wherever `reach` leads, as `role` reads them. */
  async function rowsThrough(role: Role, parent: string, name: string, kind: Kind): Promise<string[]> {
    const reach = PARENTS[parent];
    if (!reach) throw new Error(`no way to reach ${parent}`);
    const seen = new Set<string>();
    for (const document of reach(`${name}(first: 50) { totalCount nodes { id ${DETAIL_LISTS[kind].region} } }`)) {
      const result = await ask(role, document);
      expectAllowed(result);
      for (const list of pagesIn(result.data, name)) {
        expectReadableOnly(role, kind, list);
        for (const node of list.nodes) seen.add(nameOfGid(node.id));
      }
    }
    return [...seen].sort();
  }

  it.each(cases)(
    '%s as %s: the readable rows, totalCount agreeing; another region refused',
    async (path, role, kind) => {
      const [parent = '', name = ''] = path.split('.');
      // Every row the admin reaches this way that the role may read, and nothing else.
      const everything = await rowsThrough('admin', parent, name, kind);
      expect(everything.length).toBeGreaterThan(0);
      const allowed = readable(role, kind);
      expect(await rowsThrough(role, parent, name, kind)).toEqual(everything.filter((row) => allowed.includes(row)));
      const other = REGION_OF[role] === 'RBN' ? 'RBB' : 'RBN';
      for (const document of PARENTS[parent]?.(
        `${name}(first: 5, filter: { regionCodes: ["${other}"] }) { totalCount }`,
      ) ?? []) {
        const result = await ask(role, document);
        if (REGION_OF[role]) {
          // Refused wherever the list is read (an empty list of parents asks nothing).
          if (result.errors) expectRefused(result, 'FORBIDDEN', new RegExp(`A REGIONAL user of ${REGION_OF[role]}`));
          else expect(pagesIn(result.data, name)).toEqual([]);
        } else expectAllowed(result);
      }
    },
  );

  it('shows a regional user another region’s bureau, country and objective, with empty detail lists', async () => {
    const result = await ask(
      'nairobi',
      `{ region(code: "RBB") { code partnerCount contributions(first: 5) { totalCount } partnerships(first: 5) { totalCount } }
         rbn: region(code: "RBN") { contributions(first: 5) { totalCount } opportunities(first: 5) { totalCount } } }`,
    );
    expectAllowed(result);
    expect(result.data).toEqual({
      region: { code: 'RBB', partnerCount: 1, contributions: { totalCount: 0 }, partnerships: { totalCount: 0 } },
      rbn: { contributions: { totalCount: 3 }, opportunities: { totalCount: 2 } },
    });
  });

  it('lists a partner shared by two regions with each region’s rows only', async () => {
    const document = `query ($id: ID!) { node(id: $id) { ... on Partner { name
      contributions(first: 10) { totalCount nodes { region { code } } }
      partnerships(first: 10) { totalCount nodes { name } }
      opportunities(first: 10) { totalCount } } } }`;
    const nairobi = await ask('nairobi', document, { id: gid('globex') });
    expect(nairobi.data?.node).toEqual({
      name: 'Globex',
      contributions: { totalCount: 1, nodes: [{ region: { code: 'RBN' } }] },
      partnerships: { totalCount: 1, nodes: [{ name: 'Globex in RBN' }] },
      opportunities: { totalCount: 1 },
    });
    const bangkok = await ask('bangkok', document, { id: gid('globex') });
    expect(bangkok.data?.node).toEqual({
      name: 'Globex',
      contributions: { totalCount: 1, nodes: [{ region: { code: 'RBB' } }] },
      partnerships: { totalCount: 1, nodes: [{ name: 'Globex in RBB' }] },
      opportunities: { totalCount: 0 },
    });
    const analyst = await ask('analyst', document, { id: gid('globex') });
    expect(analyst.data?.node).toMatchObject({ contributions: { totalCount: 2 }, partnerships: { totalCount: 2 } });
  });
});
