import { apiTokens, auditLog, fieldNeeds, opportunities, sessions, stories, targets, users } from '@panorama/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, secretHash } from './auth/secrets';
import {
  byViewer,
  EVERYONE,
  type MatrixEntry,
  outcomeOf,
  type Place,
  partnershipOf,
  regionalRule,
  regionOfPlace,
  seedPartnerships,
} from './authorization-writes-testing';
import { schema } from './schema';
import { insertFieldNeed, insertOpportunity, insertStory } from './schema/test-seed';
import { startTestServer, TEST_PASSWORD, type TestServer, testEmail } from './testing';

/**
 * Who may call each mutation, and on which rows: every mutation of the schema is tried by every
 * kind of viewer, on rows of the viewer's region and of others, and the row is checked to have
 * really changed, or really not.
 */

let api: TestServer;
let counter = 0;

/** A target key nobody has set yet at a place. */
function freshTargetInput(place: Place) {
  counter += 1;
  const metrics = [
    'REVENUE_USD',
    'CASH_REVENUE_USD',
    'MEALS_PROVIDED',
    'FOOD_TONNES',
    'PEOPLE_TRAINED',
    'EXPERTISE_DAYS',
  ];
  const metricCode = metrics[counter % metrics.length] ?? 'REVENUE_USD';
  const quarter = Math.floor(counter / metrics.length) % 5 || null;
  const [scopeType, scopeCode, year] =
    place === 'GLOBAL'
      ? ['GLOBAL', null, 2025]
      : place.startsWith('SDN')
        ? ['COUNTRY', 'SDN', Number(place.slice(4))]
        : place.length === 3 && place.startsWith('RB')
          ? ['REGION', place, 2025]
          : ['COUNTRY', place, 2025];
  return { metricCode, scopeType, scopeCode, year, quarter, value: '7' };
}

const storyId = (id: number) => encodeGlobalID('Story', id);
const opportunityId = (id: number) => encodeGlobalID('Opportunity', id);
const needId = (id: number) => encodeGlobalID('FieldNeed', id);

const MATRIX: Record<string, MatrixEntry> = {
  setTarget: {
    places: ['RBN', 'RBB', 'KEN', 'BGD', 'SDN 2019', 'SDN 2020', 'GLOBAL'],
    outcome: regionalRule,
    prepare: async (place) => {
      const input = freshTargetInput(place);
      const key = and(
        eq(targets.metricCode, input.metricCode),
        eq(targets.scopeCode, input.scopeCode ?? 'GLOBAL'),
        eq(targets.year, input.year),
        sql`${targets.quarter} IS NOT DISTINCT FROM ${input.quarter}::integer`,
      );
      expect(await api.database.db.$count(targets, key)).toBe(0);
      return {
        query: 'mutation ($input: SetTargetInput!) { setTarget(input: $input) { __typename } }',
        variables: { input },
        changed: async () => (await api.database.db.$count(targets, key)) === 1,
        audited: true,
      };
    },
  },
  createStory: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const title = `Matrix story ${++counter}`;
      return {
        query: 'mutation ($input: CreateStoryInput!) { createStory(input: $input) { __typename } }',
        variables: { input: { regionCode: place, title, summary: 'S', date: '2025-01-01' } },
        changed: async () => (await api.database.db.$count(stories, eq(stories.title, title))) === 1,
        audited: true,
      };
    },
  },
  updateStory: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const row = await api.database.asOwner((db) => insertStory(db, { regionCode: place }));
      return {
        query: 'mutation ($id: ID!) { updateStory(id: $id, input: { title: "Changed" }) { __typename } }',
        variables: { id: storyId(row.id) },
        changed: async () =>
          (await api.database.db.$count(stories, and(eq(stories.id, row.id), eq(stories.title, 'Changed')))) === 1,
        audited: true,
      };
    },
  },
  deleteStory: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const row = await api.database.asOwner((db) => insertStory(db, { regionCode: place }));
      return {
        query: 'mutation ($id: ID!) { deleteStory(id: $id) { __typename } }',
        variables: { id: storyId(row.id) },
        changed: async () => (await api.database.db.$count(stories, eq(stories.id, row.id))) === 0,
        audited: true,
      };
    },
  },
  moveOpportunity: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const row = await api.database.asOwner((db) => insertOpportunity(db, { regionCode: place, stage: 'IDENTIFIED' }));
      return {
        query: 'mutation ($id: ID!) { moveOpportunity(id: $id, stage: QUALIFIED) { __typename } }',
        variables: { id: opportunityId(row.id) },
        changed: async () =>
          (await api.database.db.$count(
            opportunities,
            and(eq(opportunities.id, row.id), eq(opportunities.stage, 'QUALIFIED')),
          )) === 1,
        audited: true,
      };
    },
  },
  updateOpportunity: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const row = await api.database.asOwner((db) => insertOpportunity(db, { regionCode: place }));
      return {
        query: 'mutation ($id: ID!) { updateOpportunity(id: $id, input: { amountUsd: "4242" }) { __typename } }',
        variables: { id: opportunityId(row.id) },
        changed: async () =>
          (await api.database.db.$count(
            opportunities,
            and(eq(opportunities.id, row.id), eq(opportunities.amountUsd, '4242.00')),
          )) === 1,
        audited: true,
      };
    },
  },
  recordFieldNeed: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const title = `Matrix need ${++counter}`;
      return {
        query: 'mutation ($input: RecordFieldNeedInput!) { recordFieldNeed(input: $input) { __typename } }',
        variables: { input: { regionCode: place, title, description: 'D', identifiedOn: '2025-01-01' } },
        changed: async () => (await api.database.db.$count(fieldNeeds, eq(fieldNeeds.title, title))) === 1,
        audited: true,
      };
    },
  },
  matchFieldNeed: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const row = await api.database.asOwner((db) => insertFieldNeed(db, { regionCode: place }));
      return {
        query: 'mutation ($id: ID!, $p: ID!) { matchFieldNeed(id: $id, partnershipId: $p) { __typename } }',
        variables: { id: needId(row.id), p: partnershipOf[regionOfPlace(place)] },
        changed: async () =>
          (await api.database.db.$count(
            fieldNeeds,
            and(eq(fieldNeeds.id, row.id), eq(fieldNeeds.status, 'MATCHED')),
          )) === 1,
        audited: true,
      };
    },
  },
  closeFieldNeed: {
    places: ['RBN', 'RBB'],
    outcome: regionalRule,
    prepare: async (place) => {
      const row = await api.database.asOwner((db) => insertFieldNeed(db, { regionCode: place }));
      return {
        query: 'mutation ($id: ID!) { closeFieldNeed(id: $id) { __typename } }',
        variables: { id: needId(row.id) },
        changed: async () =>
          (await api.database.db.$count(
            fieldNeeds,
            and(eq(fieldNeeds.id, row.id), eq(fieldNeeds.status, 'CLOSED')),
          )) === 1,
        audited: true,
      };
    },
  },
  signIn: {
    places: ['own account'],
    outcome: byViewer({
      anonymous: 'ALLOWED',
      leadership: 'ALLOWED',
      analyst: 'ALLOWED',
      nairobi: 'ALLOWED',
      bangkok: 'ALLOWED',
      admin: 'ALLOWED',
    }),
    prepare: async (_place, who) => {
      const user = who === 'anonymous' ? 'analyst' : who;
      const before = await api.database.db.$count(sessions, eq(sessions.userId, api.userIds[user]));
      return {
        query: `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { __typename } }`,
        variables: { email: testEmail(user), password: TEST_PASSWORD },
        changed: async () => (await api.database.db.$count(sessions, eq(sessions.userId, api.userIds[user]))) > before,
        audited: false,
      };
    },
  },
  signOut: {
    places: ['own account'],
    outcome: byViewer({
      anonymous: 'ALLOWED',
      leadership: 'ALLOWED',
      analyst: 'ALLOWED',
      nairobi: 'ALLOWED',
      bangkok: 'ALLOWED',
      admin: 'ALLOWED',
    }),
    // Without a session cookie there is nothing to end: `account-sign-in.test.ts` signs out a real session.
    prepare: async () => ({ query: 'mutation { signOut }', variables: {}, audited: false }),
  },
  createApiToken: {
    places: ['own account'],
    outcome: byViewer({
      anonymous: 'UNAUTHENTICATED',
      leadership: 'FORBIDDEN',
      analyst: 'ALLOWED',
      nairobi: 'FORBIDDEN',
      bangkok: 'FORBIDDEN',
      admin: 'ALLOWED',
    }),
    prepare: async () => {
      const name = `matrix token ${++counter}`;
      return {
        query: 'mutation ($name: String!) { createApiToken(name: $name) { __typename } }',
        variables: { name },
        changed: async () => (await api.database.db.$count(apiTokens, eq(apiTokens.name, name))) === 1,
        audited: true,
      };
    },
  },
  revokeApiToken: {
    places: ['own account'],
    outcome: byViewer({
      anonymous: 'UNAUTHENTICATED',
      leadership: 'ALLOWED',
      analyst: 'ALLOWED',
      nairobi: 'ALLOWED',
      bangkok: 'ALLOWED',
      admin: 'ALLOWED',
    }),
    prepare: async (_place, who) => {
      const owner = who === 'anonymous' ? 'analyst' : who;
      const secret = newSecret('pan_t');
      const [token] = await api.database.asOwner((db) =>
        db
          .insert(apiTokens)
          .values({
            userId: api.userIds[owner],
            name: 'to revoke',
            prefix: secret.slice(0, 12),
            tokenHash: secretHash(secret),
          })
          .returning(),
      );
      const id = token?.id ?? -1;
      return {
        query: 'mutation ($id: Int!) { revokeApiToken(id: $id) }',
        variables: { id },
        changed: async () =>
          (await api.database.db.$count(apiTokens, and(eq(apiTokens.id, id), isNotNull(apiTokens.revokedAt)))) === 1,
        audited: true,
      };
    },
  },
  createUser: {
    places: ['own account'],
    outcome: byViewer({
      anonymous: 'UNAUTHENTICATED',
      leadership: 'FORBIDDEN',
      analyst: 'FORBIDDEN',
      nairobi: 'FORBIDDEN',
      bangkok: 'FORBIDDEN',
      admin: 'ALLOWED',
    }),
    prepare: async () => {
      const email = `matrix-${++counter}@test.panorama`;
      return {
        query: `mutation ($email: String!) {
          createUser(email: $email, name: "M", role: ANALYST, password: "a long enough password") { __typename }
        }`,
        variables: { email },
        changed: async () => (await api.database.db.$count(users, eq(users.email, email))) === 1,
        audited: true,
      };
    },
  },
};

beforeAll(async () => {
  api = await startTestServer({ seed: seedPartnerships });
});
afterAll(async () => {
  await api?.close();
});

describe('the authorization matrix of mutations', () => {
  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(mutations).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(Object.entries(MATRIX))('%s', (_mutation, entry) => {
    const cases = entry.places.flatMap((place) =>
      EVERYONE.map((who) => [who, place, entry.outcome(who, place)] as const),
    );
    it.each(cases)('as %s on %s: %s', async (who, place, expected) => {
      const attempt = await entry.prepare(place, who);
      const audited = await api.database.db.$count(auditLog);
      const response = await api.graphql(attempt.query, attempt.variables, { as: who === 'anonymous' ? null : who });
      expect(outcomeOf(response)).toBe(expected);
      if (attempt.changed) expect(await attempt.changed()).toBe(expected === 'ALLOWED');
      const entries = expected === 'ALLOWED' && attempt.audited ? 1 : 0;
      expect(await api.database.db.$count(auditLog)).toBe(audited + entries);
    });
  });
});
