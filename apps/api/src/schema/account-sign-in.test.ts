import { sessions } from '@panorama/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretHash } from '../auth/secrets';
import { startTestServer, TEST_PASSWORD, type TestServer, testEmail } from '../testing';
import { AUTH, accountHttp, type HttpResult, ME, type SignInAnswer } from './account-testing';

/** Sign-in and sessions, through HTTP as a browser would use them. */

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ auth: AUTH });
});
afterAll(async () => {
  await api?.close();
});

const { post, signIn } = accountHttp(() => api);

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
