import { describe, expect, inject, it } from 'vitest';
import { accessBrowser, expectHeading, openUserMenu, primaryNavLinks, SIGN_IN } from './access';
import { postGraphql } from './session';

/**
 * Accounts in the dashboard, against the real API: API tokens (shown once, working as Bearer,
 * revoked), users and the audit trail. The audit trail's test reads the changes of the tests
 * before it.
 */

const origin = inject('panoramaUrl');
const { ADMIN, ANALYST, LEADERSHIP, REGIONAL } = inject('panoramaAccounts');
const { opened, signedInPage } = accessBrowser(origin);

describe('an ANALYST', () => {
  const tokenName = 'e2e nightly export';

  it('creates an API token: its secret is shown once, works as a Bearer token, and stops when revoked', async () => {
    const page = await signedInPage(ANALYST);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto('/');
    await expectHeading(page, 'Overview');
    expect(await primaryNavLinks(page)).not.toContain('Audit trail');
    const { panel } = await openUserMenu(page);
    expect(await panel.getByRole('link').allTextContents()).toEqual(['API tokens']);
    await panel.getByRole('link', { name: 'API tokens' }).click();
    await expectHeading(page, 'API tokens');
    expect(await page.title()).toBe('API tokens · Panorama');

    await page.getByLabel('Name', { exact: true }).fill(tokenName);
    await page.getByRole('button', { name: 'Create token' }).click();
    const notice = page.getByRole('region', { name: `New token “${tokenName}”` });
    await notice.waitFor();
    await notice.getByText('this is the only time it is shown').waitFor();
    const secret = await notice.getByLabel('Token', { exact: true }).inputValue();
    expect(secret).toMatch(/^pan_t_\S{20,}$/);
    await notice.getByRole('button', { name: 'Copy' }).click();
    await notice.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The secret works from a script, with the analyst's role.
    const used = await postGraphql<{ me: { email: string; role: string }; regions: { code: string }[] }>(
      origin,
      { authorization: `Bearer ${secret}` },
      '{ me { email role } regions { code } }',
    );
    expect(used.status).toBe(200);
    expect(used.data?.me).toEqual({ email: ANALYST.email, role: 'ANALYST' });
    expect(used.data?.regions.length).toBe(7);

    // Shown once: gone once dismissed, and after a reload; the list shows its prefix only.
    await notice.getByRole('button', { name: 'Done, I have copied it' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Name', { exact: true }).evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await page.reload();
    await expectHeading(page, 'API tokens');
    const row = page.getByRole('row').filter({ hasText: tokenName });
    await row.waitFor();
    const prefix = ((await row.locator('.token-prefix').textContent()) ?? '').replace('…', '');
    expect(prefix.length).toBeGreaterThan(4);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(await page.content()).not.toContain(secret);
    expect(await row.textContent()).toContain('Active');
    expect(await row.textContent()).not.toContain('Never used');

    // Revoked after a confirmation; Cancel first leaves it be.
    await row.getByRole('button', { name: `Revoke ${tokenName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke the token “${tokenName}”?` });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Revoke ${tokenName}`);
    await row.getByRole('button', { name: `Revoke ${tokenName}` }).click();
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`The token “${tokenName}” was revoked.`).waitFor();
    await row.getByText('Revoked').first().waitFor();
    expect(await row.getByRole('button', { name: `Revoke ${tokenName}` }).count()).toBe(0);

    const refused = await postGraphql<unknown>(origin, { authorization: `Bearer ${secret}` }, '{ regions { code } }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('an ADMIN', () => {
  const newUser = {
    name: 'Esi Regional (Dakar)',
    email: 'dakar@panorama.demo',
    password: 'a long enough password',
  };

  it('lists the users and creates one, with the API’s validation messages by field', async () => {
    const page = await signedInPage(ADMIN);
    await page.goto('/');
    const { panel } = await openUserMenu(page);
    expect(await panel.getByRole('link').allTextContents()).toEqual(['API tokens', 'Users']);
    await panel.getByRole('link', { name: 'Users' }).click();
    await expectHeading(page, 'Users');
    const table = page.getByRole('table', { name: 'Users' });
    for (const account of [ADMIN, ANALYST, LEADERSHIP, REGIONAL]) {
      await table.getByRole('row').filter({ hasText: account.email }).waitFor();
    }
    expect(await table.getByRole('row').filter({ hasText: REGIONAL.email }).textContent()).toContain('RBN');

    // Refused: every problem by its field, in a summary that takes the focus.
    await page.getByLabel('Name', { exact: true }).fill(newUser.name);
    await page.getByLabel('Email', { exact: true }).fill('not an email');
    await page.getByLabel('Role', { exact: true }).selectOption('REGIONAL');
    await page.getByLabel('First password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Fix these' });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('Email: must be an email address');
    expect(text).toContain('First password: must have at least 12 characters');
    expect(text).toContain('Region: a REGIONAL user needs exactly one region');
    // The focus moves once the summary is drawn.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Email', { exact: true }).fill(newUser.email);
    await page.getByLabel('Region', { exact: true }).selectOption('RBD');
    await page.getByLabel('First password', { exact: true }).fill(newUser.password);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText(`Created the account of ${newUser.name} (${newUser.email}).`).waitFor();
    await table.getByRole('row').filter({ hasText: newUser.email }).waitFor();
    expect(await summary.count()).toBe(0);

    // The new user signs in, with the region given.
    const signedIn = await postGraphql<{ signIn: { __typename: string } }>(origin, {}, SIGN_IN, newUser);
    expect(signedIn.data?.signIn.__typename).toBe('MutationSignInSuccess');
  });

  it('reads the audit trail, a page at a time, filtered by user, with the changed fields', async () => {
    const page = await signedInPage(ADMIN);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Audit trail' }).click();
    await expectHeading(page, 'Audit trail');
    // The rows of entries, not the placeholder row of a table that loads or is empty.
    const rows = page.locator('table.data-table tbody tr:not(:has(td.data-table__placeholder))');
    await rows.filter({ hasText: newUser.email }).first().waitFor();
    expect(await rows.filter({ hasText: ANALYST.email }).count()).toBe(2);

    // The analyst's changes: the token's creation, then its revocation (revokedAt: empty → a time).
    await page.getByLabel('User (email)', { exact: true }).fill(ANALYST.email);
    await page.waitForURL((url) => url.searchParams.get('user') === ANALYST.email);
    await page.getByText('2 changes.', { exact: false }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    const revocation = rows.filter({ hasText: 'Changed' });
    expect(await revocation.textContent()).toContain('API token');
    const change = revocation.locator('.audit-changes li').filter({ hasText: 'revokedAt' });
    expect(await change.textContent()).toMatch(
      /^revokedAt empty →changed to \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/,
    );
    const creation = rows.filter({ hasText: 'Created' });
    expect(await creation.locator('.audit-changes').textContent()).toContain('e2e nightly export');

    // By kind of thing: the user created above.
    await page.getByLabel('User (email)', { exact: true }).fill('');
    await page.getByLabel('Kind of thing', { exact: true }).selectOption('User');
    await page.waitForURL((url) => url.searchParams.get('entity') === 'User' && !url.searchParams.has('user'));
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(ADMIN.email);
    expect(await rows.first().textContent()).toContain('RBD');

    // A day range with no change says so, and offers to clear the filters.
    await page.getByLabel('To', { exact: true }).fill('2020-01-01');
    await page.getByText('No change matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
  });

  it('is read by LEADERSHIP too, who have no account pages', async () => {
    const page = await signedInPage(LEADERSHIP);
    await page.goto('/audit');
    await expectHeading(page, 'Audit trail');
    await page.locator('table.data-table tbody tr').filter({ hasText: ADMIN.email }).first().waitFor();
    const { panel } = await openUserMenu(page);
    expect(await panel.getByRole('link').count()).toBe(0);
  });
});

describe('accounts and access', () => {
  it('logged no console error, and asked nothing of another origin', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
    expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
  });
});
