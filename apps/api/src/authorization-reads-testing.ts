import type { Database } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, expect } from 'vitest';
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
 * What the tests of who reads what share (`authorization-*.test.ts`): the roles, the partner- and
 * contribution-level detail of two regions (Nairobi: RBN/KEN; Bangkok: RBB/BGD), which of those
 * rows each role may read, and how to check an answer was refused or allowed.
 */

export const ROLES = ['anonymous', 'leadership', 'analyst', 'nairobi', 'bangkok', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const SIGNED_IN: readonly Role[] = ['leadership', 'analyst', 'nairobi', 'bangkok', 'admin'];
export const REGION_OF: Record<Role, string | null> = {
  anonymous: null,
  leadership: null,
  analyst: null,
  nairobi: 'RBN',
  bangkok: 'RBB',
  admin: null,
};

/** The test user a role asks as; none for an anonymous request. */
export const as = (role: Role): TestUser | null => (role === 'anonymous' ? null : role);

export type Kind = 'Partner' | 'Partnership' | 'Contribution' | 'ImpactRecord' | 'Opportunity';
export const DETAIL_TYPES: readonly Kind[] = ['Partner', 'Partnership', 'Contribution', 'ImpactRecord', 'Opportunity'];

/** The seeded rows, by name: database IDs, and the region each belongs to. */
const rows = {} as Record<string, { kind: Kind | 'Story' | 'FieldNeed'; id: number; regionCode: string }>;

/** The partners each region's users read: those managed there or giving, partnering or pursued there. */
const PARTNERS_OF: Record<string, readonly string[]> = {
  RBN: ['savanna', 'globex'],
  RBB: ['mekong', 'globex'],
};

/** Writes the detail of both regions (and of HQ), keeping each row in `rows` by name. */
export async function seedTwoRegions(db: Database) {
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

/** The global ID of a seeded row. */
export function gid(name: string): string {
  const row = rows[name];
  if (!row) throw new Error(`no row ${name}`);
  return encodeGlobalID(row.kind, row.id);
}

/** The seeded rows of one kind that `role` may read, by name. */
export function readable(role: Role, kind: Kind): string[] {
  const region = REGION_OF[role];
  return Object.entries(rows)
    .filter(([name, row]) => {
      if (row.kind !== kind) return false;
      if (!region) return true;
      return kind === 'Partner' ? (PARTNERS_OF[region] ?? []).includes(name) : row.regionCode === region;
    })
    .map(([name]) => name);
}

export const nameOfGid = (id: string) => Object.keys(rows).find((name) => gid(name) === id) ?? id;

const codes = (result: GraphQLResponse) => [...new Set((result.errors ?? []).map((error) => error.extensions?.code))];

/** Refused with exactly this code, every error of it; `message` when given must match the first. */
export function expectRefused(result: GraphQLResponse, code: string, message?: RegExp) {
  expect(codes(result)).toEqual([code]);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
}

export function expectAllowed(result: GraphQLResponse) {
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
}

/**
 * A server on the two regions' data (`seedTwoRegions`) for the tests of the file that calls this:
 * started before them, closed after them; `ask` sends a query as one of the roles.
 */
export function twoRegionsServer() {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ seed: seedTwoRegions });
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    server: () => api,
    ask: (role: Role, document: string, variables?: Record<string, unknown>) =>
      api.graphql<Record<string, unknown>>(document, variables, { as: as(role) }),
  };
}
