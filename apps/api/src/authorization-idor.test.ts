import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { expectAllowed, expectRefused, gid, REGION_OF, twoRegionsServer } from './authorization-reads-testing';

/**
 * The ways to reach what another region (or another user) owns by naming it: `node(id)`,
 * `nodes(ids)`, and the region codes, country codes and partner IDs of list filters.
 */

const { ask, server } = twoRegionsServer();

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
    const bangkok = encodeGlobalID('User', server().userIds.bangkok);
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
