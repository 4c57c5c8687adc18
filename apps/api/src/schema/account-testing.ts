import type { GraphQLResponse, TestServer } from '../testing';

/**
 * What the tests of accounts (`account-*.test.ts`) share: throttle settings small enough to see,
 * and requests through HTTP with exactly the headers a browser or a script would send.
 */

/** Small throttle settings, so that slowing down and locking out can be seen in a test. */
export const AUTH = { baseDelayMs: 60, maxDelayMs: 240, lockSeconds: 2, maxFailures: 5 };

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
  elapsedMs: number;
}

export interface SignInAnswer {
  signIn: { __typename: string; message?: string; lockedUntil?: string | null; data?: { email: string; role: string } };
}

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    __typename
    ... on MutationSignInSuccess { data { email role } }
    ... on SignInError { message lockedUntil }
  }
}`;

export const ME = '{ me { email role } }';

/** Requests to the test server `server()` gives (started by the test file, in its `beforeAll`). */
export function accountHttp(server: () => TestServer) {
  /** Posts a GraphQL document with exactly these headers (no test token). */
  async function post<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const started = performance.now();
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { status: response.status, headers: response.headers, body, elapsedMs: performance.now() - started };
  }

  function signIn(email: string, password: string) {
    return post<SignInAnswer>(SIGN_IN, { email, password });
  }

  return { post, signIn };
}
