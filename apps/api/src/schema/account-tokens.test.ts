import { apiTokens } from '@panorama/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, secretHash } from '../auth/secrets';
import { startTestServer, type TestServer, testEmail } from '../testing';
import { AUTH, accountHttp, ME } from './account-testing';

/** API tokens, through HTTP as a script would use them. */

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ auth: AUTH });
});
afterAll(async () => {
  await api?.close();
});

const { post } = accountHttp(() => api);

interface NewToken {
  createApiToken: {
    __typename: string;
    data?: { token: string; apiToken: { id: number; name: string; prefix: string; expiresAt: string | null } };
    problems?: { field: string; message: string }[];
  };
}

const CREATE_TOKEN = `mutation ($name: String!, $expiresAt: Date) {
  createApiToken(name: $name, expiresAt: $expiresAt) {
    __typename
    ... on MutationCreateApiTokenSuccess { data { token apiToken { id name prefix expiresAt } } }
    ... on InvalidInputError { problems { field message } }
  }
}`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('are returned once, stored only as a hash, work as Bearer with the owner’s role, and stop when revoked', async () => {
    const created = await api.graphql<NewToken>(CREATE_TOKEN, { name: 'monthly report' }, { as: 'analyst' });
    const data = created.data?.createApiToken.data;
    if (!data) throw new Error(JSON.stringify(created));
    expect(data.token).toMatch(/^pan_t_/);
    expect(data.apiToken).toMatchObject({ name: 'monthly report', prefix: data.token.slice(0, 12), expiresAt: null });

    const [row] = await api.database.db.select().from(apiTokens).where(eq(apiTokens.id, data.apiToken.id));
    expect(row?.tokenHash).toBe(secretHash(data.token));
    expect(JSON.stringify(row)).not.toContain(data.token);
    expect(data.token.length).toBeGreaterThan(row?.prefix.length ?? 0);
    const listed = await api.graphql<{ myApiTokens: Record<string, unknown>[] }>(
      '{ myApiTokens { id name prefix } }',
      {},
      { as: 'analyst' },
    );
    expect(JSON.stringify(listed.data)).not.toContain(data.token);

    const me = await post(ME, {}, bearer(data.token));
    expect(me.body.data).toEqual({ me: { email: testEmail('analyst'), role: 'ANALYST' } });
    const beyondRole = await post(
      'mutation { createUser(email: "x@test.panorama", name: "X", role: ANALYST, password: "a long enough password") { __typename } }',
      {},
      bearer(data.token),
    );
    expect(beyondRole.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const revoked = await post<{ revokeApiToken: boolean }>(
      'mutation ($id: Int!) { revokeApiToken(id: $id) }',
      { id: data.apiToken.id },
      bearer(data.token),
    );
    expect(revoked.body.data?.revokeApiToken).toBe(true);
    const after = await post(ME, {}, bearer(data.token));
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token, and works through the last day of one that expires', async () => {
    const expired = newSecret('pan_t');
    const lastDay = newSecret('pan_t');
    await api.database.asOwner((db) =>
      db.insert(apiTokens).values([
        {
          userId: api.userIds.analyst,
          name: 'expired',
          prefix: expired.slice(0, 12),
          tokenHash: secretHash(expired),
          expiresAt: sql`now() - interval '1 second'`,
        },
        {
          userId: api.userIds.analyst,
          name: 'until tonight',
          prefix: lastDay.slice(0, 12),
          tokenHash: secretHash(lastDay),
          expiresAt: sql`(current_date + 1)::timestamptz`,
        },
      ]),
    );
    const refused = await post(ME, {}, bearer(expired));
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.message).toMatch(/unknown, expired or revoked/);
    expect((await post(ME, {}, bearer(lastDay))).body.data).toEqual({
      me: { email: testEmail('analyst'), role: 'ANALYST' },
    });
  });

  it('refuses an expiry day in the past and an empty name, all at once', async () => {
    const response = await api.graphql<NewToken>(CREATE_TOKEN, { name: ' ', expiresAt: '2020-01-01' });
    expect(response.data?.createApiToken.problems?.map((problem) => problem.field)).toEqual(['name', 'expiresAt']);
  });

  it.each([
    ['another scheme', 'Basic YWRtaW46YWRtaW4='],
    ['a Bearer without a token', 'Bearer'],
    ['an unknown token', 'Bearer pan_t_not-a-real-token'],
  ])('answers 401 to %s in the Authorization header', async (_name, authorization) => {
    const result = await post(ME, {}, { authorization });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.data ?? null).toBeNull();
  });

  it('may not be created by leadership or regional users', async () => {
    for (const user of ['leadership', 'nairobi'] as const) {
      const before = await api.database.db.$count(apiTokens, eq(apiTokens.userId, api.userIds[user]));
      const response = await api.graphql(CREATE_TOKEN, { name: 'mine' }, { as: user });
      expect(response.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
      expect(await api.database.db.$count(apiTokens, eq(apiTokens.userId, api.userIds[user]))).toBe(before);
    }
  });

  it('cannot revoke someone else’s token unless an admin', async () => {
    const created = await api.graphql<NewToken>(CREATE_TOKEN, { name: 'shared' }, { as: 'analyst' });
    const id = created.data?.createApiToken.data?.apiToken.id;
    const REVOKE = 'mutation ($id: Int!) { revokeApiToken(id: $id) }';
    expect((await api.graphql(REVOKE, { id }, { as: 'nairobi' })).data).toEqual({ revokeApiToken: false });
    expect((await api.graphql(REVOKE, { id }, { as: 'admin' })).data).toEqual({ revokeApiToken: true });
  });
});
