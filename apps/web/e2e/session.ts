import type { Browser, Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from './browser';
import type { DemoAccount } from './server';

/** The session cookie the API sets at sign-in (HTTP-only). */
export const SESSION_COOKIE = 'panorama_session';

const SIGN_IN = `mutation E2e_SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    __typename
    ... on SignInError { message lockedUntil }
  }
}`;

interface SignInAnswer {
  data?: { signIn: { __typename: string; message?: string } };
  errors?: unknown[];
}

function refusal(account: DemoAccount, status: number, body: SignInAnswer): Error {
  return new Error(`Signing in as ${account.role} (${account.email}) failed: ${status} ${JSON.stringify(body)}`);
}

/**
 * Signs the page's browser context in as `account`, as the sign-in page does, through the API: the
 * session cookie lands in the context, and every page of it is signed in from its next load. The
 * page does not move (tests that watch a page's first load keep it).
 */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  const response = await page.context().request.post('/graphql', {
    data: { query: SIGN_IN, variables: { email: account.email, password: account.password } },
  });
  const body = (await response.json()) as SignInAnswer;
  if (!response.ok() || body.data?.signIn.__typename !== 'MutationSignInSuccess') {
    throw refusal(account, response.status(), body);
  }
}

/**
 * Signs in through the sign-in page, as a person: the email, the password, Enter. The page is on
 * the sign-in page, or on its way there (a page for signed-in users sends it). Resolves once the
 * dashboard has left the sign-in page.
 */
export async function signInWithForm(page: Page, account: DemoAccount): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** A watched page (see `openWatchedPage`) whose context is signed in as `account`. */
export async function openSignedInPage(browser: Browser, origin: string, account: DemoAccount): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, origin);
  await signIn(watched.page, account);
  return watched;
}

/** The value of the session cookie of a page's context, or undefined. */
export async function sessionCookieOf(page: Page): Promise<string | undefined> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

export interface GraphqlAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a query to `/graphql` from Node with extra headers (a cookie, a Bearer token). */
export async function postGraphql<T>(
  origin: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * A session of `account` for requests from Node (as a script would sign in): signs in with the
 * `signIn` mutation and keeps the cookie. `graphql` throws on any error, with the answer.
 */
export async function apiSession(origin: string, account: DemoAccount) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { email: account.email, password: account.password } }),
  });
  const body = (await response.json()) as SignInAnswer;
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!response.ok || body.data?.signIn.__typename !== 'MutationSignInSuccess' || !cookie) {
    throw refusal(account, response.status, body);
  }
  return {
    cookie,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const answer = await postGraphql<T>(origin, { cookie }, query, variables);
      if (answer.status !== 200 || answer.errors || !answer.data) {
        throw new Error(`/graphql answered ${answer.status}: ${JSON.stringify(answer.errors ?? answer)}`);
      }
      return answer.data;
    },
  };
}
