// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphql } from '../../lib/graphql';
import { SessionProvider, type SessionUser, useSession } from '../../lib/session';
import { RequireSession } from '../../lib/session-routes';
import { graphqlResponse, TEST_USERS } from '../../lib/session-test-data';
import { SignInPage } from './sign-in-page';

interface Request {
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = (request: Request) => unknown;

/** The API, faked: each operation's answer by its name; records every request. */
function fakeApi(answers: Record<string, Answer>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const request = JSON.parse(String(init?.body)) as Request;
    requests.push(request);
    const answer = answers[request.operationName];
    if (!answer) throw new Error(`No fake answer for ${request.operationName}`);
    return graphqlResponse(answer(request));
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const signedInAs = (user: SessionUser) => () => ({
  data: { signIn: { __typename: 'MutationSignInSuccess', data: { __typename: 'User', ...user } } },
});
const refused = (lockedUntil: string | null = null) => ({
  data: { signIn: { __typename: 'SignInError', message: 'Wrong email or password.', lockedUntil } },
});

const Probe_Regions = graphql(`
  query Probe_Regions {
    regions {
      id
      code
    }
  }
`);

/** A page for signed-in users: where it is, who is signed in, and one query of the API. */
function ProtectedProbe() {
  const location = useLocation();
  const { user, signOut } = useSession();
  const [result] = useQuery({ query: Probe_Regions });
  return (
    <main>
      <h1>Protected</h1>
      <output aria-label="Address">{`${location.pathname}${location.search}`}</output>
      <output aria-label="User">{user?.email}</output>
      <output aria-label="Regions">{result.data?.regions.map((region) => region.code).join(',')}</output>
      <output aria-label="Error">{result.error?.message}</output>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </main>
  );
}

function open(url: string, fetch: typeof globalThis.fetch) {
  return render(
    <StrictMode>
      <MemoryRouter initialEntries={[url]}>
        <SessionProvider clientOptions={{ fetch }}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route
              path="*"
              element={
                <RequireSession>
                  <ProtectedProbe />
                </RequireSession>
              }
            />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </StrictMode>,
  );
}

const anonymous = () => ({ data: { me: null } });
const regions = () => ({ data: { regions: [{ __typename: 'Region', id: 'UmVnaW9uOlJCTg==', code: 'RBN' }] } });

beforeEach(() => {
  // jsdom has no media queries: the theme toggle follows the system's.
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => Object.assign(new EventTarget(), { matches: false, media: '' })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the sign-in page', () => {
  it('is where an anonymous visit lands, with labelled fields and the email focused', async () => {
    const api = fakeApi({ Session_Me: anonymous });
    open('/partners?year=2024', api.fetch);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    const email = screen.getByLabelText('Email');
    // Focused once the page has settled: awaited, not read the moment the heading shows.
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(document.title).toBe('Sign in · Panorama');
  });

  it('says the email or password is wrong, clears and focuses the password, and marks both fields', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ Session_Me: anonymous, SignInForm_SignIn: () => refused() });
    open('/', api.fetch);
    await user.type(await screen.findByLabelText('Email'), 'someone@example.org');
    await user.type(screen.getByLabelText('Password'), 'not the password{Enter}');

    const alert = await screen.findByText('The email or the password is wrong.');
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    const described = password.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('The email or the password is wrong.');
    expect(api.requests.find((request) => request.operationName === 'SignInForm_SignIn')?.variables).toEqual({
      email: 'someone@example.org',
      password: 'not the password',
    });
  });

  it('says until when sign-in is locked, for people', async () => {
    const user = userEvent.setup();
    const lockedUntil = new Date(Date.now() + 15 * 60_000 + 5_000).toISOString();
    const api = fakeApi({ Session_Me: anonymous, SignInForm_SignIn: () => refused(lockedUntil) });
    open('/', api.fetch);
    await user.type(await screen.findByLabelText('Email'), 'someone@example.org');
    await user.type(screen.getByLabelText('Password'), 'guess{Enter}');
    const alert = await screen.findByRole('alert');
    await within(alert).findByText(/sign-in is locked until/);
    // The time alone, with its date when the lock ends on another day (a run just before midnight).
    const day =
      new Date(lockedUntil).toDateString() === new Date().toDateString() ? '' : '[A-Z][a-z]{2} \\d{1,2}, \\d{4}, ';
    expect(alert.textContent).toMatch(
      new RegExp(
        `^Too many failed sign-ins: sign-in is locked until ${day}\\d{1,2}:\\d{2}\\s?[AP]M \\(in 15 minutes\\)\\. Try again then\\.$`,
      ),
    );
    expect(alert.textContent).not.toContain(lockedUntil);
  });

  it('asks for both fields before asking the API', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ Session_Me: anonymous });
    open('/', api.fetch);
    await user.type(await screen.findByLabelText('Email'), 'someone@example.org{Enter}');
    expect(await screen.findByText('Enter your email and your password.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(api.requests.map((request) => request.operationName)).toEqual(['Session_Me']);
  });

  it('goes back to the page asked for once signed in', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      Session_Me: anonymous,
      SignInForm_SignIn: signedInAs(TEST_USERS.ANALYST),
      Probe_Regions: regions,
    });
    open('/partners?year=2024', api.fetch);
    await user.type(await screen.findByLabelText('Email'), 'analyst@panorama.demo');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Protected' })).toBeTruthy();
    expect(screen.getByLabelText('Address').textContent).toBe('/partners?year=2024');
    expect(screen.getByLabelText('User').textContent).toBe('analyst@panorama.demo');
    expect((await screen.findByText('RBN')).getAttribute('aria-label')).toBe('Regions');
  });

  it('signs out to the sign-in page, and the next user reads nothing from the previous one’s cache', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      Session_Me: () => ({ data: { me: { __typename: 'User', ...TEST_USERS.ANALYST } } }),
      Session_SignOut: () => ({ data: { signOut: true } }),
      SignInForm_SignIn: signedInAs(TEST_USERS.REGIONAL),
      Probe_Regions: regions,
    });
    open('/regions', api.fetch);
    await screen.findByText('RBN');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('You have signed out.')).toBeTruthy();
    await user.type(screen.getByLabelText('Email'), 'nairobi@panorama.demo');
    await user.type(screen.getByLabelText('Password'), 'another password{Enter}');
    await screen.findByText('RBN');
    // Back on the overview (a sign-out forgets the page), and the regions asked again: a new cache.
    expect(screen.getByLabelText('Address').textContent).toBe('/');
    expect(screen.getByLabelText('User').textContent).toBe('nairobi@panorama.demo');
    expect(api.requests.filter((request) => request.operationName === 'Probe_Regions')).toHaveLength(2);
  });

  it('goes to sign-in when a query says the session ended, and comes back after signing in again', async () => {
    const user = userEvent.setup();
    let expired = false;
    const api = fakeApi({
      Session_Me: () => ({ data: { me: { __typename: 'User', ...TEST_USERS.ADMIN } } }),
      SignInForm_SignIn: signedInAs(TEST_USERS.ADMIN),
      Probe_Regions: () => {
        if (!expired) {
          expired = true;
          return {
            data: null,
            errors: [{ message: 'Sign in first.', path: ['regions'], extensions: { code: 'UNAUTHENTICATED' } }],
          };
        }
        return regions();
      },
    });
    open('/contributions?year=2023', api.fetch);

    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeTruthy();
    await user.type(screen.getByLabelText('Email'), 'admin@panorama.demo');
    await user.type(screen.getByLabelText('Password'), 'the password{Enter}');
    await screen.findByText('RBN');
    expect(screen.getByLabelText('Address').textContent).toBe('/contributions?year=2023');
  });

  it('sends a signed-in visitor of /sign-in on to the overview', async () => {
    const api = fakeApi({
      Session_Me: () => ({ data: { me: { __typename: 'User', ...TEST_USERS.LEADERSHIP } } }),
      Probe_Regions: regions,
    });
    open('/sign-in', api.fetch);
    expect(await screen.findByRole('heading', { level: 1, name: 'Protected' })).toBeTruthy();
    expect(screen.getByLabelText('Address').textContent).toBe('/');
  });
});
