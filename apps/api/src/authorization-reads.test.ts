import type { Database } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLField, type GraphQLObjectType, getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from './schema';
import {
  insertContributions,
  insertFieldNeed,
  insertImpactRecord,
  insertOpportunity,
  insertPartner,
  insertPartnership,
  insertStory,
  insertTarget,
} from './schema/test-seed';
import { type GraphQLResponse, startTestServer, type TestServer, type TestUser } from './testing';

/**
 * Who reads what: every role × every root field, the partner- and contribution-level detail of
 * two regions (Nairobi: RBN/KEN; Bangkok: RBB/BGD), and the ways to reach another region's
 * detail: `node(id)`, `nodes(ids)`, nested lists and list filters.
 */

const ROLES = ['anonymous', 'leadership', 'analyst', 'nairobi', 'bangkok', 'admin'] as const;
type Role = (typeof ROLES)[number];
const SIGNED_IN: readonly Role[] = ['leadership', 'analyst', 'nairobi', 'bangkok', 'admin'];
const REGION_OF: Record<Role, string | null> = {
  anonymous: null,
  leadership: null,
  analyst: null,
  nairobi: 'RBN',
  bangkok: 'RBB',
  admin: null,
};

const as = (role: Role): TestUser | null => (role === 'anonymous' ? null : role);

type Kind = 'Partner' | 'Partnership' | 'Contribution' | 'ImpactRecord' | 'Opportunity';
const DETAIL_TYPES: readonly Kind[] = ['Partner', 'Partnership', 'Contribution', 'ImpactRecord', 'Opportunity'];

/** The seeded rows, by name: database IDs, and the region each belongs to. */
const rows = {} as Record<string, { kind: Kind | 'Story' | 'FieldNeed'; id: number; regionCode: string }>;

/** The partners each region's users read: those managed there or giving, partnering or pursued there. */
const PARTNERS_OF: Record<string, readonly string[]> = {
  RBN: ['savanna', 'globex'],
  RBB: ['mekong', 'globex'],
};

async function seed(db: Database) {
  const keep = (name: string, kind: Kind | 'Story' | 'FieldNeed', row: { id: number; regionCode: string }) => {
    rows[name] = { kind, id: row.id, regionCode: row.regionCode };
  };
  const savanna = await insertPartner(db, { name: 'Savanna Mills', regionCode: 'RBN', countryIso3: 'KEN' });
  const mekong = await insertPartner(db, { name: 'Mekong Rice', regionCode: 'RBB', countryIso3: 'BGD' });
  // Managed by HQ, with partnerships and gifts in both regions: both regional teams read it.
  const globex = await insertPartner(db, { name: 'Globex', regionCode: 'HQ', scope: 'GLOBAL' });
  // Managed by HQ, giving at HQ only: neither regional team reads it.
  const quiet = await insertPartner(db, { name: 'Quiet Trust', regionCode: 'HQ', scope: 'GLOBAL' });
  keep('savanna', 'Partner', savanna);
  keep('mekong', 'Partner', mekong);
  keep('globex', 'Partner', globex);
  keep('quiet', 'Partner', quiet);

  const flour = await insertPartnership(db, savanna.id, { name: 'Flour', regionCode: 'RBN', countryIso3: 'KEN' });
  const rice = await insertPartnership(db, mekong.id, { name: 'Rice', regionCode: 'RBB', countryIso3: 'BGD' });
  const globexRbn = await insertPartnership(db, globex.id, { name: 'Globex in RBN', regionCode: 'RBN' });
  const globexRbb = await insertPartnership(db, globex.id, { name: 'Globex in RBB', regionCode: 'RBB' });
  keep('flour', 'Partnership', flour);
  keep('rice', 'Partnership', rice);
  keep('globexRbn', 'Partnership', globexRbn);
  keep('globexRbb', 'Partnership', globexRbb);

  const [savannaGift, savannaGift2] = await insertContributions(db, savanna.id, [
    { regionCode: 'RBN', countryIso3: 'KEN', partnershipId: flour.id, amountUsd: '5000.00' },
    { regionCode: 'RBN', countryIso3: 'KEN', date: '2025-04-01' },
  ]);
  const [mekongGift] = await insertContributions(db, mekong.id, [
    { regionCode: 'RBB', countryIso3: 'BGD', partnershipId: rice.id, amountUsd: '7000.00' },
  ]);
  const [globexGiftRbn, globexGiftRbb] = await insertContributions(db, globex.id, [
    { regionCode: 'RBN', partnershipId: globexRbn.id, amountUsd: '900.00' },
    { regionCode: 'RBB', partnershipId: globexRbb.id, amountUsd: '800.00' },
  ]);
  const [quietGift] = await insertContributions(db, quiet.id, [{ regionCode: 'HQ', amountUsd: '300.00' }]);
  for (const [name, gift] of Object.entries({
    savannaGift,
    savannaGift2,
    mekongGift,
    globexGiftRbn,
    globexGiftRbb,
    quietGift,
  })) {
    if (!gift) throw new Error(`no ${name}`);
    keep(name, 'Contribution', gift);
  }

  keep(
    'flourImpact',
    'ImpactRecord',
    await insertImpactRecord(db, { regionCode: 'RBN', countryIso3: 'KEN', partnershipId: flour.id }),
  );
  keep(
    'riceImpact',
    'ImpactRecord',
    await insertImpactRecord(db, { regionCode: 'RBB', countryIso3: 'BGD', partnershipId: rice.id }),
  );

  keep(
    'savannaDeal',
    'Opportunity',
    await insertOpportunity(db, { name: 'Savanna II', regionCode: 'RBN', partnerId: savanna.id, prospectName: null }),
  );
  keep(
    'globexDeal',
    'Opportunity',
    await insertOpportunity(db, { name: 'Globex II', regionCode: 'RBN', partnerId: globex.id, prospectName: null }),
  );
  keep(
    'mekongDeal',
    'Opportunity',
    await insertOpportunity(db, { name: 'Mekong II', regionCode: 'RBB', partnerId: mekong.id, prospectName: null }),
  );
  keep('bangkokProspect', 'Opportunity', await insertOpportunity(db, { name: 'Prospect', regionCode: 'RBB' }));

  keep('flourStory', 'Story', await insertStory(db, { title: 'Flour', regionCode: 'RBN', partnershipId: flour.id }));
  keep('riceStory', 'Story', await insertStory(db, { title: 'Rice', regionCode: 'RBB', partnershipId: rice.id }));
  keep(
    'flourNeed',
    'FieldNeed',
    await insertFieldNeed(db, { title: 'Mills', regionCode: 'RBN', status: 'MATCHED', partnershipId: flour.id }),
  );
  keep(
    'riceNeed',
    'FieldNeed',
    await insertFieldNeed(db, { title: 'Silos', regionCode: 'RBB', status: 'MATCHED', partnershipId: rice.id }),
  );

  await insertTarget(db, {}, ['100000']);
  await insertTarget(db, { regionCode: 'RBN' }, ['50000']);
  await insertTarget(db, { regionCode: 'RBB' }, ['40000']);
}

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed });
});
afterAll(async () => {
  await api?.close();
});

/** The global ID of a seeded row. */
function gid(name: string): string {
  const row = rows[name];
  if (!row) throw new Error(`no row ${name}`);
  return encodeGlobalID(row.kind, row.id);
}

/** The seeded rows of one kind that `role` may read, by name. */
function readable(role: Role, kind: Kind): string[] {
  const region = REGION_OF[role];
  return Object.entries(rows)
    .filter(([name, row]) => {
      if (row.kind !== kind) return false;
      if (!region) return true;
      return kind === 'Partner' ? (PARTNERS_OF[region] ?? []).includes(name) : row.regionCode === region;
    })
    .map(([name]) => name);
}

const nameOfGid = (id: string) => Object.keys(rows).find((name) => gid(name) === id) ?? id;

const codes = (result: GraphQLResponse) => [...new Set((result.errors ?? []).map((error) => error.extensions?.code))];

async function ask(role: Role, document: string, variables?: Record<string, unknown>) {
  return api.graphql<Record<string, unknown>>(document, variables, { as: as(role) });
}

/** Refused with exactly this code, every error of it; `message` when given must match the first. */
function expectRefused(result: GraphQLResponse, code: string, message?: RegExp) {
  expect(codes(result)).toEqual([code]);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
}

function expectAllowed(result: GraphQLResponse) {
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
}

interface RootCase {
  document: string;
  variables?: () => Record<string, unknown>;
  /** The roles that read it; the others are refused (anonymous: UNAUTHENTICATED, else FORBIDDEN). */
  readers: readonly Role[];
}

const page = (field: string) => ({ document: `{ ${field}(first: 5) { totalCount } }`, readers: SIGNED_IN });

/**
 * Every root field of Query, the document that reads it, and who may. A root field added later
 * without an entry here fails the first test below.
 */
const ROOT_MATRIX: Record<string, RootCase> = {
  me: { document: '{ me { email } }', readers: ROLES },
  myApiTokens: { document: '{ myApiTokens { name } }', readers: ['analyst', 'admin'] },
  users: { document: '{ users { email } }', readers: ['admin'] },
  auditLog: { document: '{ auditLog(first: 5) { totalCount } }', readers: ['leadership', 'admin'] },
  strategyPeriod: { document: '{ strategyPeriod { firstYear } }', readers: SIGNED_IN },
  regions: { document: '{ regions { code } }', readers: SIGNED_IN },
  region: { document: '{ region(code: "RBB") { code } }', readers: SIGNED_IN },
  countries: { document: '{ countries(regionCode: "RBB") { iso3 } }', readers: SIGNED_IN },
  objectives: { document: '{ objectives { code } }', readers: SIGNED_IN },
  objective: { document: '{ objective(code: "INC_GROWTH") { code } }', readers: SIGNED_IN },
  metricCatalog: { document: '{ metricCatalog { code } }', readers: SIGNED_IN },
  metrics: {
    document:
      '{ metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: [REGION]) { total { values { value } } } }',
    readers: SIGNED_IN,
  },
  overview: { document: '{ overview(year: 2025) { year kpis { metric } } }', readers: SIGNED_IN },
  panorama: { document: '{ panorama(regionCode: "RBB", year: 2025) { year rank } }', readers: SIGNED_IN },
  partners: page('partners'),
  partnerships: page('partnerships'),
  contributions: page('contributions'),
  impactRecords: page('impactRecords'),
  opportunities: page('opportunities'),
  targets: page('targets'),
  stories: page('stories'),
  fieldNeeds: page('fieldNeeds'),
  node: {
    document: 'query ($id: ID!) { node(id: $id) { id } }',
    variables: () => ({ id: encodeGlobalID('Region', 'RBB') }),
    readers: SIGNED_IN,
  },
  nodes: {
    document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: () => ({ ids: [encodeGlobalID('Region', 'RBB'), encodeGlobalID('Objective', 'INC_GROWTH')] }),
    readers: SIGNED_IN,
  },
};

const rootFields = () => Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();

describe('every root field × every role', () => {
  it('has an entry for every root field of Query, and none for a field that is gone', () => {
    expect(Object.keys(ROOT_MATRIX).sort()).toEqual(rootFields());
  });

  const cases = Object.entries(ROOT_MATRIX).flatMap(([field, entry]) =>
    ROLES.map((role) => [field, role, entry] as const),
  );
  it.each(cases)('%s as %s', async (field, role, entry) => {
    const result = await ask(role, entry.document, entry.variables?.());
    if (entry.readers.includes(role)) {
      expectAllowed(result);
      if (field !== 'me' || role !== 'anonymous') expect(result.data?.[field]).toBeTruthy();
      else expect(result.data?.me).toBeNull();
    } else {
      expectRefused(result, role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(result.data?.[field] ?? null).toBeNull();
    }
  });
});

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

describe('IDOR through node(id) and nodes(ids)', () => {
  const OTHER_REGION: Record<'nairobi' | 'bangkok', string[]> = {
    nairobi: [
      'mekong',
      'quiet',
      'rice',
      'globexRbb',
      'mekongGift',
      'globexGiftRbb',
      'quietGift',
      'riceImpact',
      'mekongDeal',
    ],
    bangkok: ['savanna', 'quiet', 'flour', 'globexRbn', 'savannaGift', 'globexGiftRbn', 'flourImpact', 'globexDeal'],
  };
  const OWN_REGION: Record<'nairobi' | 'bangkok', string[]> = {
    nairobi: ['savanna', 'globex', 'flour', 'globexRbn', 'savannaGift', 'globexGiftRbn', 'flourImpact', 'savannaDeal'],
    bangkok: ['mekong', 'globex', 'rice', 'globexRbb', 'mekongGift', 'globexGiftRbb', 'riceImpact', 'bangkokProspect'],
  };
  const NODE = `query ($id: ID!) { node(id: $id) { id ... on Partner { name } ... on Partnership { name }
    ... on Contribution { amountUsd } ... on ImpactRecord { value } ... on Opportunity { name } } }`;

  for (const role of ['nairobi', 'bangkok'] as const) {
    it.each(OTHER_REGION[role])(`refuses %s of another region to ${role} (FORBIDDEN)`, async (name) => {
      const result = await ask(role, NODE, { id: gid(name) });
      expectRefused(result, 'FORBIDDEN', new RegExp(`^A REGIONAL user of ${REGION_OF[role]} reads the \\w+`));
      expect(result.errors?.[0]?.path).toEqual(['node']);
      expect(result.data?.node).toBeNull();
    });

    it.each(OWN_REGION[role])(`gives %s of its own region to ${role}`, async (name) => {
      const result = await ask(role, NODE, { id: gid(name) });
      expectAllowed(result);
      expect(result.data?.node).toMatchObject({ id: gid(name) });
    });
  }

  it.each(['leadership', 'analyst', 'admin'] as const)('gives %s every region’s detail', async (role) => {
    for (const name of [...OTHER_REGION.nairobi, ...OTHER_REGION.bangkok]) {
      const result = await ask(role, NODE, { id: gid(name) });
      expectAllowed(result);
      expect(result.data?.node).toMatchObject({ id: gid(name) });
    }
  });

  it('refuses the other region’s rows in nodes(ids), item by item, and keeps the readable ones', async () => {
    const ids = ['savannaGift', 'mekongGift', 'flour', 'rice', 'mekong'].map(gid);
    const result = await ask('nairobi', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expectRefused(result, 'FORBIDDEN');
    expect(result.errors?.map((error) => error.path?.join('.')).sort()).toEqual(['nodes.1', 'nodes.3', 'nodes.4']);
    expect(result.data?.nodes).toEqual([{ id: ids[0] }, null, { id: ids[2] }, null, null]);
    const leadership = await ask('leadership', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expectAllowed(leadership);
    expect(leadership.data?.nodes).toEqual(ids.map((id) => ({ id })));
  });

  it('refuses another user’s account to everyone but admins, and node(id) to anonymous requests', async () => {
    const bangkok = encodeGlobalID('User', api.userIds.bangkok);
    const USER = 'query ($id: ID!) { node(id: $id) { id ... on User { email } } }';
    for (const role of ['leadership', 'analyst', 'nairobi'] as const) {
      const result = await ask(role, USER, { id: bangkok });
      expectRefused(result, 'FORBIDDEN');
      expect(result.data?.node).toBeNull();
    }
    const own = await ask('bangkok', USER, { id: bangkok });
    expect(own.data?.node).toEqual({ id: bangkok, email: 'bangkok@test.panorama' });
    const admin = await ask('admin', USER, { id: bangkok });
    expect(admin.data?.node).toEqual({ id: bangkok, email: 'bangkok@test.panorama' });
    expectRefused(await ask('anonymous', NODE, { id: gid('savanna') }), 'UNAUTHENTICATED');
    expectRefused(
      await ask('anonymous', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [gid('savanna')] }),
      'UNAUTHENTICATED',
    );
  });
});

describe('IDOR through list filters', () => {
  const REFUSED: [string, string, Record<string, unknown>, RegExp][] = [
    [
      'partners',
      'PartnerFilter',
      { regionCodes: ['RBB'] },
      /reads the partners of RBN only: filter\.regionCodes asks for RBB/,
    ],
    ['partners', 'PartnerFilter', { regionCodes: ['rbn', 'HQ'] }, /filter\.regionCodes asks for HQ/],
    ['contributions', 'ContributionFilter', { regionCodes: ['RBB'] }, /reads the contributions of RBN only/],
    ['contributions', 'ContributionFilter', { countryIsos: ['BGD'] }, /BGD \(a country office of RBB\)/],
    ['contributions', 'ContributionFilter', { countryIsos: ['KEN', 'bgd'] }, /BGD \(a country office of RBB\)/],
    ['contributions', 'ContributionFilter', { partnerIds: ['mekong'] }, /filter\.partnerIds names a partner/],
    ['contributions', 'ContributionFilter', { partnerIds: ['quiet'] }, /filter\.partnerIds names a partner/],
    ['partnerships', 'PartnershipFilter', { partnerIds: ['mekong'] }, /reads the partnerships of RBN only/],
    ['partnerships', 'PartnershipFilter', { countryIsos: ['BGD'] }, /country office of RBB/],
    ['impactRecords', 'ImpactRecordFilter', { regionCodes: ['RBB'] }, /reads the impact records of RBN only/],
    ['impactRecords', 'ImpactRecordFilter', { countryIsos: ['BGD'] }, /country office of RBB/],
    ['opportunities', 'OpportunityFilter', { regionCodes: ['RBB'] }, /reads the opportunities of RBN only/],
    ['opportunities', 'OpportunityFilter', { countryIsos: ['BGD'] }, /country office of RBB/],
  ];
  const withIds = (filter: Record<string, unknown>) =>
    'partnerIds' in filter ? { ...filter, partnerIds: (filter.partnerIds as string[]).map(gid) } : filter;

  it.each(REFUSED)('refuses %s(filter: %s %j) to a REGIONAL user of RBN', async (field, type, filter, message) => {
    const document = `query ($filter: ${type}) { ${field}(first: 5, filter: $filter) { totalCount nodes { id } } }`;
    const result = await ask('nairobi', document, { filter: withIds(filter) });
    expectRefused(result, 'FORBIDDEN', message);
    expect(result.data).toBeNull();
    for (const role of ['leadership', 'analyst', 'admin'] as const)
      expectAllowed(await ask(role, document, { filter: withIds(filter) }));
  });

  it('refuses a filter for another region in a nested list too', async () => {
    const result = await ask(
      'nairobi',
      '{ region(code: "RBN") { code contributions(first: 5, filter: { regionCodes: ["RBB"] }) { totalCount } } }',
    );
    expectRefused(result, 'FORBIDDEN', /reads the contributions of RBN only/);
    expect(result.errors?.[0]?.path).toEqual(['region', 'contributions']);
  });

  it('accepts filters for the own region, its countries and its partners', async () => {
    const document = `query ($p: [ID!], $globex: [ID!]) {
      contributions(first: 10, filter: { regionCodes: ["RBN"], countryIsos: ["KEN"], partnerIds: $p }) { totalCount }
      partners(first: 10, filter: { regionCodes: ["rbn"] }) { totalCount }
      partnerships(first: 10, filter: { partnerIds: $p }) { totalCount nodes { name } }
      globex: contributions(first: 10, filter: { partnerIds: $globex }) { totalCount nodes { region { code } } }
    }`;
    const result = await ask('nairobi', document, {
      p: [gid('savanna')],
      globex: [gid('globex')],
    });
    expectAllowed(result);
    expect(result.data).toEqual({
      contributions: { totalCount: 2 },
      partners: { totalCount: 1 },
      partnerships: { totalCount: 1, nodes: [{ name: 'Flour' }] },
      globex: { totalCount: 1, nodes: [{ region: { code: 'RBN' } }] },
    });
  });

  it('explains a partner ID that names something else, whoever asks', async () => {
    const result = await ask(
      'nairobi',
      'query ($p: [ID!]) { contributions(first: 1, filter: { partnerIds: $p }) { totalCount } }',
      {
        p: [gid('flour')],
      },
    );
    expectRefused(result, 'BAD_USER_INPUT', /is not the ID of a partner/);
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

describe('sensitive fields of aggregates and shared types', () => {
  const PANORAMA = `query ($code: String!) { panorama(regionCode: $code, year: 2025, asOf: "2025-12-31") {
    region { code } rank kpis { metric value } topPartners { partner { name } values { value } }
    stories { title partnership { name } } fieldNeeds { title partnership { name } } } }`;

  it.each(SIGNED_IN)('gives %s every panorama, top partners only where it reads partner-level detail', async (role) => {
    for (const code of ['RBN', 'RBB']) {
      const result = await ask(role, PANORAMA, { code });
      expectAllowed(result);
      const panorama = result.data?.panorama as {
        kpis: unknown[];
        topPartners: { partner: { name: string } }[] | null;
        stories: { partnership: { name: string } | null }[];
        fieldNeeds: { partnership: { name: string } | null }[];
      };
      expect(panorama.kpis.length).toBeGreaterThan(0);
      const reads = REGION_OF[role] === null || REGION_OF[role] === code;
      const own = code === 'RBN' ? ['Globex', 'Savanna Mills'] : ['Globex', 'Mekong Rice'];
      if (reads) expect(panorama.topPartners?.map((row) => row.partner.name).sort()).toEqual(own);
      else expect(panorama.topPartners).toBeNull();
      const partnership = code === 'RBN' ? 'Flour' : 'Rice';
      expect(panorama.stories.map((story) => story.partnership)).toEqual([reads ? { name: partnership } : null]);
      expect(panorama.fieldNeeds.map((need) => need.partnership)).toEqual([reads ? { name: partnership } : null]);
    }
  });

  it('names the partner of every own-region contribution, partnership and opportunity, even one managed by HQ', async () => {
    const result = await ask(
      'nairobi',
      `{ contributions(first: 10) { nodes { partner { name region { code } } partnership { name } } }
         partnerships(first: 10) { nodes { partner { name } } }
         opportunities(first: 10) { nodes { partner { name } } } }`,
    );
    expectAllowed(result);
    expect(JSON.stringify(result.data)).toContain('"name":"Globex","region":{"code":"HQ"}');
  });

  /** The rows of a `metrics` answer. */
  const metricsRows = <Row>(result: GraphQLResponse): Row[] =>
    ((result.data?.metrics ?? { rows: [] }) as { rows: Row[] }).rows;

  const METRICS = `query ($groupBy: [Dimension!], $filter: MetricsFilter) {
    metrics(metrics: [REVENUE_USD], from: "2025-01-01", to: "2025-12-31", groupBy: $groupBy, filter: $filter) {
      rows { partner { name } region { code } values { value } } total { values { value } } } }`;

  it('lets a regional user group and filter metrics by partner within its own region only', async () => {
    const own = await ask('nairobi', METRICS, { groupBy: ['PARTNER'], filter: { regionCodes: ['RBN'] } });
    expectAllowed(own);
    const rowsOf = (result: GraphQLResponse) =>
      metricsRows<{ partner: { name: string } }>(result)
        .map((row) => row.partner.name)
        .sort();
    expect(rowsOf(own)).toEqual(['Globex', 'Savanna Mills']);
    const filtered = await ask('nairobi', METRICS, {
      groupBy: ['PARTNER'],
      filter: { regionCodes: ['RBN'], partnerIds: [gid('globex')] },
    });
    expect(rowsOf(filtered)).toEqual(['Globex']);
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ groupBy: ['PARTNER'] }, /needs filter: \{ regionCodes: \["RBN"\] \}/],
      [{ groupBy: ['PARTNER'], filter: { regionCodes: ['RBB'] } }, /asks for RBB/],
      [{ groupBy: ['PARTNER'], filter: { regionCodes: ['RBN', 'RBB'] } }, /asks for RBB/],
      [{ groupBy: ['REGION'], filter: { partnerIds: [gid('savanna')] } }, /needs filter/],
      [{ groupBy: ['REGION'], filter: { regionCodes: ['RBN'], partnerIds: [gid('mekong')] } }, /filter\.partnerIds/],
    ];
    for (const [variables, message] of refusals) {
      const result = await ask('nairobi', METRICS, variables);
      expectRefused(result, 'FORBIDDEN', message);
      expect(result.errors?.[0]?.message).toMatch(/^A REGIONAL user of RBN reads the partners of RBN only/);
      for (const role of ['leadership', 'analyst', 'admin'] as const)
        expectAllowed(await ask(role, METRICS, variables));
    }
  });

  it('gives every signed-in user every region’s aggregates', async () => {
    for (const role of ['nairobi', 'bangkok'] as const) {
      const result = await ask(role, METRICS, { groupBy: ['REGION'], filter: { regionCodes: ['RBN', 'RBB'] } });
      expectAllowed(result);
      const regions = metricsRows<{ region: { code: string } }>(result).map((row) => row.region.code);
      expect(regions.sort()).toEqual(['RBB', 'RBN']);
    }
  });

  it('gives anonymous requests nothing but `me`', async () => {
    const result = await ask('anonymous', '{ me { email } }');
    expect(result).toEqual({ data: { me: null } });
    const panorama = await ask('anonymous', PANORAMA, { code: 'RBN' });
    expectRefused(panorama, 'UNAUTHENTICATED', /Sign in first/);
  });
});
