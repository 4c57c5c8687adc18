import type { Database, UserRole } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { issueApiToken } from './auth/api-tokens';
import { createUser } from './auth/users';
import type { ResponseCacheSettings } from './cache/response-cache';
import type { AuthSettings } from './context';
import type { LargeAnswerGate } from './large-answers';
import { createPanoramaServer, type PanoramaServer } from './server';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The test users every test server has, one per role (two regional ones), each with an API token. */
export const TEST_USERS = {
  admin: { role: 'ADMIN', regionCode: null },
  leadership: { role: 'LEADERSHIP', regionCode: null },
  analyst: { role: 'ANALYST', regionCode: null },
  nairobi: { role: 'REGIONAL', regionCode: 'RBN' },
  bangkok: { role: 'REGIONAL', regionCode: 'RBB' },
} as const satisfies Record<string, { role: UserRole; regionCode: string | null }>;

export type TestUser = keyof typeof TEST_USERS;

/** The password of every test user. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface RequestOptions {
  /** Who asks: a test user (through its API token), or null for an anonymous request. Default: admin. */
  as?: TestUser | null;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  database: TestDatabase;
  server: PanoramaServer;
  /** The API token of each test user. */
  tokens: Record<TestUser, string>;
  /** The id of each test user. */
  userIds: Record<TestUser, number>;
  /** Posts a GraphQL document to the running server, as the admin unless `as` says otherwise. */
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

export function testEmail(user: TestUser): string {
  return `${user}@test.panorama`;
}

export interface TestServerOptions {
  webDist?: string;
  /** Fixtures, written as the tables' owner before the server starts working as `panorama_app`. */
  seed?: (db: Database, database: TestDatabase) => Promise<unknown>;
  auth?: Partial<AuthSettings>;
  /**
   * The response cache; default: off, so that what a test measures (answers, SQL statements) is
   * the schema's own. The cache's tests turn it on.
   */
  responseCache?: ResponseCacheSettings;
  /** How many large `metrics` answers are built at once; default: the server's. */
  largeAnswers?: LargeAnswerGate;
}

/**
 * A real Panorama HTTP server on a random port, over a fresh test database, with one user per
 * role. Like the real server, it works as `panorama_app` under row-level security; fixtures
 * after the start go through `database.asOwner`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  await options.seed?.(database.db, database);
  const tokens = {} as Record<TestUser, string>;
  const userIds = {} as Record<TestUser, number>;
  for (const [user, { role, regionCode }] of Object.entries(TEST_USERS) as [
    TestUser,
    (typeof TEST_USERS)[TestUser],
  ][]) {
    const userId = await createUser(database.db, {
      email: testEmail(user),
      name: `Test ${user}`,
      role,
      regionCode,
      password: TEST_PASSWORD,
    });
    tokens[user] = (await issueApiToken(database.db, { userId, name: 'tests' })).token;
    userIds[user] = userId;
  }
  await database.useAppRole();
  const server = await createPanoramaServer({
    database,
    production: true,
    webDist: options.webDist ?? '/nonexistent',
    auth: { baseDelayMs: 1, maxDelayMs: 5, ...options.auth },
    responseCache: options.responseCache ?? { enabled: false },
    largeAnswers: options.largeAnswers,
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    database,
    server,
    tokens,
    userIds,
    async graphql(query, variables, { as = 'admin', headers = {} } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async close() {
      await server.stop();
      await database.close();
    },
  };
}
