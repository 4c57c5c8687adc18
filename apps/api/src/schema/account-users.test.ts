import { users } from '@panorama/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testEmail } from '../testing';
import { AUTH, accountHttp } from './account-testing';

/** Creating users, who then sign in through HTTP as a browser would. */

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ auth: AUTH });
});
afterAll(async () => {
  await api?.close();
});

const { signIn } = accountHttp(() => api);

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
