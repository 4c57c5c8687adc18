import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, prepareDatabase } from './fixtures';
import { type PanoramaProcess, startPanorama } from './panorama-process';
import { createFreshDatabase, type FreshDatabase } from './postgres';

/**
 * Structured logs: one JSON object per line, a request id on every line written while serving a
 * request (and in the `x-request-id` response header; a sane incoming one is kept), and no
 * secret — password, API token, session cookie — anywhere in the output of a run that signs in,
 * uses a Bearer token and sends passwords, right and wrong.
 */

const WRONG_PASSWORD = 'not the password: guessed-7c1f9e';
const FORGED_TOKEN = 'pan_t_forgedTokenThatDoesNotExist0000000000';
const INCOMING_ID = 'faults-trace-0001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let database: FreshDatabase;
let panorama: PanoramaProcess;
let token: string;

beforeAll(async () => {
  database = await createFreshDatabase();
  ({ token } = await prepareDatabase({ url: database.url }, { contributions: 200 }));
  panorama = await startPanorama({ databaseUrl: database.url, env: { LOG_LEVEL: 'debug' } });
});

afterAll(async () => {
  await panorama?.stop();
  await database?.drop();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${panorama.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { __typename }
}`;

describe('logs', () => {
  it('are JSON lines with request ids, and never show a password, token or session', async () => {
    const requestIds: string[] = [];
    const note = (response: Response) => {
      const id = response.headers.get('x-request-id');
      expect(id).toBeTruthy();
      requestIds.push(id ?? '');
      return id;
    };

    // Sign in with the password: a session cookie comes back.
    const signIn = await post({ query: SIGN_IN, variables: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(signIn.body.data?.signIn).toEqual({ __typename: 'MutationSignInSuccess' });
    const setCookie = signIn.response.headers.get('set-cookie') ?? '';
    const session = /panorama_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
    expect(session).toMatch(/^pan_s_/);
    note(signIn.response);

    // The session at work, then a new API token made with it.
    const created = await post(
      {
        query:
          'mutation { createApiToken(name: "logs test") { ... on MutationCreateApiTokenSuccess { data { token } } } }',
      },
      { cookie: `panorama_session=${session}` },
    );
    const newToken =
      (created.body.data?.createApiToken as { data?: { token?: string } } | undefined)?.data?.token ?? '';
    expect(newToken).toMatch(/^pan_t_/);
    note(created.response);

    // Bearer tokens, with a caller's own request id, then with one that is not sane.
    const traced = await post(
      { query: '{ me { email } }' },
      { authorization: `Bearer ${newToken}`, 'x-request-id': INCOMING_ID },
    );
    expect(traced.response.headers.get('x-request-id')).toBe(INCOMING_ID);
    const insane = await post(
      { query: '{ regions { code } }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'not sane; has spaces' },
    );
    expect(note(insane.response)).toMatch(UUID);

    // Wrong secrets: a wrong password, a forged token, a password in a GET URL.
    const wrong = await post({ query: SIGN_IN, variables: { email: ADMIN_EMAIL, password: WRONG_PASSWORD } });
    expect(wrong.body.data?.signIn).toEqual({ __typename: 'SignInError' });
    note(wrong.response);
    const forged = await post({ query: '{ me { email } }' }, { authorization: `Bearer ${FORGED_TOKEN}` });
    expect(forged.response.status).toBe(401);
    note(forged.response);
    const overGet = await fetch(
      `${panorama.url}/graphql?query=${encodeURIComponent(SIGN_IN)}&variables=${encodeURIComponent(JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(overGet.status).toBe(405);
    note(overGet);

    // A CSV export with the token, and a refused body.
    const exported = await fetch(`${panorama.url}/api/export/partners`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    await exported.text();
    note(exported);
    const malformed = await fetch(`${panorama.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"query": "{ me { email } }", "variables": {"password": "${ADMIN_PASSWORD}"`,
    });
    expect(malformed.status).toBe(400);
    note(malformed);

    const exit = await panorama.stop();
    expect(exit.code).toBe(0);
    const output = panorama.output();
    const lines = panorama.logLines();

    // Every line of standard output is a JSON object with a level, a time and a message.
    expect(lines.filter((line) => 'unparsed' in line)).toEqual([]);
    for (const line of lines) {
      expect(typeof line.level).toBe('string');
      expect(typeof line.time).toBe('string');
      expect(typeof line.msg).toBe('string');
    }
    // Every request has its line, under its id; every line about a request carries one.
    for (const id of [...requestIds, INCOMING_ID]) {
      expect(
        lines.some((line) => line.reqId === id && line.req !== undefined),
        id,
      ).toBe(true);
    }
    for (const line of lines.filter((line) => line.req !== undefined || line.res !== undefined)) {
      expect(typeof line.reqId).toBe('string');
    }

    // No secret anywhere, in any form.
    const secrets = { ADMIN_PASSWORD, WRONG_PASSWORD, token, newToken, session, FORGED_TOKEN };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(output.includes(secret), `${name} appears in the logs`).toBe(false);
      expect(output.includes(encodeURIComponent(secret)), `${name} appears URL-encoded in the logs`).toBe(false);
    }
    expect(output).not.toMatch(/pan_[st]_[A-Za-z0-9_-]{8,}/);
    expect(output).not.toMatch(/"(authorization|cookie|set-cookie)":"[^"[]/i);
    console.log(`[faults] logs: ${lines.length} JSON lines, ${requestIds.length + 1} requests traced, no secret found`);
  });
});
