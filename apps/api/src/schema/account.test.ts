import { apiTokens, sessions, users } from '@panorama/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, secretHash } from '../auth/secrets';
import { type GraphQLResponse, startTestServer, TEST_PASSWORD, type TestServer, testEmail } from '../testing';

/** Sign-in, sessions and API tokens, through HTTP as a browser or a script would use them. */

/** Small throttle settings, so that slowing down and locking out can be seen in a test. */
const AUTH = { baseDelayMs: 60, maxDelayMs: 240, lockSeconds: 2, maxFailures: 5 };

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ auth: AUTH });
});
afterAll(async () => {
  await api?.close();
});

interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
  elapsedMs: number;
}

/** Posts a GraphQL document with exactly these headers (no test token). */
async function post<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const started = performance.now();
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { status: response.status, headers: response.headers, body, elapsedMs: performance.now() - started };
}

interface SignInAnswer {
  signIn: { __typename: string; message?: string; lockedUntil?: string | null; data?: { email: string; role: string } };
}

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    __typename
    ... on MutationSignInSuccess { data { email role } }
    ... on SignInError { message lockedUntil }
  }
}`;

const ME = '{ me { email role } }';

function signIn(email: string, password: string) {
  return post<SignInAnswer>(SIGN_IN, { email, password });
}

/** The `name=value` of the session cookie a response sets. */
function sessionCookieOf(result: HttpResult<unknown>): { pair: string; attributes: string } {
  const [cookie] = result.headers.getSetCookie();
  if (!cookie) throw new Error('no cookie set');
  const [pair = '', ...attributes] = cookie.split(';').map((part) => part.trim());
  return { pair, attributes: attributes.join('; ') };
}

describe('sign-in and sessions', () => {
  it('sets an HTTP-only, SameSite=Lax session cookie that then authenticates the browser; sign-out ends it', async () => {
    const signedIn = await signIn(testEmail('analyst'), TEST_PASSWORD);
    expect(signedIn.body.data?.signIn).toMatchObject({
      __typename: 'MutationSignInSuccess',
      data: { email: testEmail('analyst'), role: 'ANALYST' },
    });
    const cookie = sessionCookieOf(signedIn);
    expect(cookie.pair).toMatch(/^panorama_session=pan_s_/);
    expect(cookie.attributes).toMatch(/HttpOnly/i);
    expect(cookie.attributes).toMatch(/SameSite=Lax/i);
    expect(cookie.attributes).toMatch(/Path=\//);
    const token = cookie.pair.split('=')[1] ?? '';
    const [stored] = await api.database.db.select().from(sessions).where(eq(sessions.userId, api.userIds.analyst));
    expect(stored?.tokenHash).toBe(secretHash(token));

    const me = await post(ME, {}, { cookie: cookie.pair });
    expect(me.body.data).toEqual({ me: { email: testEmail('analyst'), role: 'ANALYST' } });

    const signedOut = await post<{ signOut: boolean }>('mutation { signOut }', {}, { cookie: cookie.pair });
    expect(signedOut.body.data?.signOut).toBe(true);
    expect(sessionCookieOf(signedOut).attributes).toMatch(/Max-Age=0/);
    const stale = await post(ME, {}, { cookie: cookie.pair });
    expect(stale.status).toBe(200);
    expect(stale.body.data).toEqual({ me: null });
  });

  it('answers a wrong password and an unknown email with the same message, and sets no cookie', async () => {
    const wrongPassword = await signIn(testEmail('nairobi'), 'not the password');
    const unknownEmail = await signIn('nobody@test.panorama', TEST_PASSWORD);
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.body.data?.signIn).toEqual({
        __typename: 'SignInError',
        message: 'Wrong email or password.',
        lockedUntil: null,
      });
      expect(result.headers.getSetCookie()).toEqual([]);
    }
    // A success forgets the failures before it.
    expect((await signIn(testEmail('nairobi'), TEST_PASSWORD)).body.data?.signIn.__typename).toBe(
      'MutationSignInSuccess',
    );
  });

  it('slows failures down, then locks the account, even against the right password, until the lock ends', async () => {
    const email = testEmail('leadership');
    const failures: HttpResult<SignInAnswer>[] = [];
    for (let attempt = 0; attempt < AUTH.maxFailures; attempt++) failures.push(await signIn(email, 'wrong password'));
    // The delay doubles from 60 ms up to 240 ms: 60, 120, 240, 240, 240.
    failures.forEach((failure, index) => {
      expect(failure.elapsedMs).toBeGreaterThanOrEqual(Math.min(AUTH.maxDelayMs, AUTH.baseDelayMs * 2 ** index) - 5);
    });
    expect(failures.slice(0, -1).map((failure) => failure.body.data?.signIn.lockedUntil)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const locking = failures.at(-1)?.body.data?.signIn;
    expect(locking?.message).toMatch(/Too many failures: sign-in is locked until/);
    expect(Date.parse(locking?.lockedUntil ?? '')).toBeGreaterThan(Date.now());

    const refused = await signIn(email, TEST_PASSWORD);
    expect(refused.body.data?.signIn).toMatchObject({ __typename: 'SignInError', lockedUntil: locking?.lockedUntil });
    expect(refused.body.data?.signIn.message).toMatch(/try again after/);
    expect(refused.headers.getSetCookie()).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, AUTH.lockSeconds * 1000 + 200));
    expect((await signIn(email, TEST_PASSWORD)).body.data?.signIn.__typename).toBe('MutationSignInSuccess');
  });
});

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

interface CreatedUser {
  createUser: {
    __typename: string;
    data?: { email: string; role: string; region: { code: string } | null };
    problems?: { field: string; message: string }[];
  };
}

const CREATE_USER = `mutation ($email: String!, $name: String!, $role: UserRole!, $regionCode: String, $password: String!) {
  createUser(email: $email, name: $name, role: $role, regionCode: $regionCode, password: $password) {
    __typename
    ... on MutationCreateUserSuccess { data { email role region { code } } }
    ... on InvalidInputError { problems { field message } }
  }
}`;

describe('createUser', () => {
  const newUser = {
    email: 'Dakar@Test.Panorama',
    name: 'Awa',
    role: 'REGIONAL',
    regionCode: 'rbd',
    password: 'twelve chars!',
  };

  it('lets an admin create a user who can then sign in', async () => {
    const response = await api.graphql<CreatedUser>(CREATE_USER, newUser);
    expect(response.data?.createUser.data).toEqual({
      email: 'dakar@test.panorama',
      role: 'REGIONAL',
      region: { code: 'RBD' },
    });
    const [stored] = await api.database.db.select().from(users).where(eq(users.email, 'dakar@test.panorama'));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn('dakar@test.panorama', 'twelve chars!')).body.data?.signIn.__typename).toBe(
      'MutationSignInSuccess',
    );
  });

  it('refuses a bad email, a short password, a regional user without a region, and a taken email', async () => {
    const invalid = await api.graphql<CreatedUser>(CREATE_USER, {
      ...newUser,
      email: 'not an email',
      regionCode: null,
      password: 'short',
    });
    expect(invalid.data?.createUser.problems?.map((problem) => problem.field).sort()).toEqual([
      'email',
      'password',
      'regionCode',
    ]);
    const taken = await api.graphql<CreatedUser>(CREATE_USER, { ...newUser, email: testEmail('analyst') });
    expect(taken.data?.createUser.problems).toEqual([{ field: 'email', message: 'is already used by another user' }]);
  });

  it('is for admins only', async () => {
    const before = await api.database.db.$count(users);
    for (const user of ['leadership', 'analyst', 'nairobi'] as const) {
      const response = await api.graphql(
        CREATE_USER,
        { ...newUser, email: `${user}-made@test.panorama` },
        { as: user },
      );
      expect(response.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
    const anonymous = await api.graphql(CREATE_USER, { ...newUser, email: 'anon-made@test.panorama' }, { as: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.database.db.$count(users)).toBe(before);
  });
});
