import { describe, expect, inject, it } from 'vitest';
import { accessBrowser, expectHeading, openUserMenu, primaryNavLinks, SIGN_IN } from './access';
import { postGraphql, SESSION_COOKIE, sessionCookieOf, signInWithForm } from './session';

/**
 * Signing in and out of the dashboard, against the real API: the sign-in page, what a REGIONAL
 * user's shell shows and hides, signing out and a session that ends under an open page.
 */

const origin = inject('panoramaUrl');
const { ADMIN, LEADERSHIP, REGIONAL } = inject('panoramaAccounts');
const { opened, anonymousPage, signedInPage } = accessBrowser(origin);

describe('signing in', () => {
  it('sends an anonymous visit to the sign-in page, which shows nothing of the dashboard', async () => {
    const page = await anonymousPage();
    await page.goto('/partners?year=2024');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await expectHeading(page, 'Sign in');
    expect(await page.title()).toBe('Sign in · Panorama');
    // The email field has the focus; the fields are labelled.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('password');
    expect(await page.getByRole('navigation', { name: 'Primary' }).count()).toBe(0);

    // The API itself refuses the anonymous visitor anything but `me`.
    const refused = await postGraphql<unknown>(origin, {}, '{ me { email } regions { code } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('says the email or password is wrong, and empties the password', async () => {
    const page = await anonymousPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).fill(REGIONAL.email);
    await page.getByLabel('Password', { exact: true }).fill(`${REGIONAL.password}-wrong`);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'The email or the password is wrong.' });
    await alert.waitFor();
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('says until when sign-in is locked, in words, after too many failures in a row', async () => {
    // An address without an account: locks are per address, and the demo accounts stay usable.
    const email = 'nobody@panorama.demo';
    for (let failure = 1; failure <= 4; failure++) {
      const answer = await postGraphql<{ signIn: { __typename: string } }>(origin, {}, SIGN_IN, {
        email,
        password: `guess ${failure}`,
      });
      expect(answer.data?.signIn.__typename).toBe('SignInError');
    }
    const page = await anonymousPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('guess 5');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'sign-in is locked until' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Too many failed sign-ins: sign-in is locked until (\d{1,2}:\d{2}\s?[AP]M|.+\d{4}, \d{1,2}:\d{2}\s?[AP]M) \(in 1[45] minutes\)\. Try again then\.$/,
    );
  });
});

describe('a REGIONAL user', () => {
  it('signs in with the form, and sees its region in the shell, without Users, Audit trail or API tokens', async () => {
    const page = await anonymousPage();
    await page.goto('/');
    await signInWithForm(page, REGIONAL);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectHeading(page, 'Overview');
    // The focus moved to the page asked for.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    expect(await primaryNavLinks(page)).toEqual([
      'Overview',
      'Regions',
      'My region RBN',
      'Partners',
      'Contributions',
      'Import',
      'Explorer',
    ]);
    expect(
      await page
        .getByRole('navigation', { name: 'Primary' })
        .getByRole('link', { name: /My region/ })
        .getAttribute('href'),
    ).toBe('/regions/RBN');
    const { button, panel } = await openUserMenu(page);
    expect(await button.textContent()).toContain('RBN');
    expect(await panel.textContent()).toContain('Regional team');
    expect(await panel.getByRole('link').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // Pages of other roles say so, as the API would refuse them.
    for (const path of ['/admin/users', '/audit', '/settings/tokens']) {
      await page.goto(path);
      await expectHeading(page, 'Not available to your role');
      await page.getByText('Your role (Regional team) may not open this page.').waitFor();
    }
  });

  it('reads another region’s panorama without its top partners, and is told why; its own with them', async () => {
    const page = await signedInPage(REGIONAL);
    await page.goto('/regions/RBB');
    await expectHeading(page, /Asia and the Pacific/);
    const topPartners = page.getByRole('region', { name: 'Top partners' });
    await topPartners.getByText(/visible to its own team and to leadership/).waitFor();
    expect(await topPartners.locator('a[href^="/partners/"]').count()).toBe(0);
    expect(await page.locator('.kpi-card').count()).toBeGreaterThan(0);

    await page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: /My region/ })
      .click();
    await expectHeading(page, /Eastern Africa/);
    const own = page.getByRole('region', { name: 'Top partners' }).locator('a[href^="/partners/"]');
    await own.first().waitFor();
    expect(await own.count()).toBeGreaterThan(0);
  });
});

describe('signing out', () => {
  it('goes back to the sign-in page, and the old cookie no longer works', async () => {
    const page = await anonymousPage();
    await page.goto('/regions');
    await signInWithForm(page, ADMIN);
    expect(new URL(page.url()).pathname).toBe('/regions');
    await expectHeading(page, 'Regions');
    const cookie = await sessionCookieOf(page);
    if (!cookie) throw new Error('No session cookie after signing in');
    const before = await postGraphql<{ me: { email: string } | null }>(
      origin,
      { cookie: `${SESSION_COOKIE}=${cookie}` },
      '{ me { email } }',
    );
    expect(before.data?.me?.email).toBe(ADMIN.email);

    const { panel } = await openUserMenu(page);
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByText('You have signed out.').waitFor();
    expect(await sessionCookieOf(page)).toBeUndefined();

    const after = await postGraphql<{ me: { email: string } | null }>(
      origin,
      { cookie: `${SESSION_COOKIE}=${cookie}` },
      '{ me { email } }',
    );
    expect(after.data?.me).toBeNull();
    const refused = await postGraphql<unknown>(
      origin,
      { cookie: `${SESSION_COOKIE}=${cookie}` },
      '{ regions { code } }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Back in the browser, every page asks to sign in again.
    await page.goto('/partners');
    await page.waitForURL((url) => url.pathname === '/sign-in');
  });

  it('goes to the sign-in page when the session ends under an open page, and comes back after signing in', async () => {
    const page = await signedInPage(LEADERSHIP);
    await page.goto('/?year=2024');
    await expectHeading(page, 'Overview');
    // Every question of the page answered: the map asks its own once the overview is drawn.
    await page.locator('path.choropleth__country:not(.choropleth__country--empty)').first().waitFor();
    await page.waitForLoadState('networkidle');
    const cookie = await sessionCookieOf(page);
    // Signed out elsewhere (another tab, an expiry): the session stops working at once.
    await postGraphql(origin, { cookie: `${SESSION_COOKIE}=${cookie}` }, 'mutation { signOut }');

    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Partners' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await signInWithForm(page, LEADERSHIP);
    await page.waitForURL((url) => url.pathname === '/partners' && url.searchParams.get('year') === '2024');
    await expectHeading(page, 'Partners');
  });
});

describe('signing in and out', () => {
  it('logged no console error, and asked nothing of another origin', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
    expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
  });
});
