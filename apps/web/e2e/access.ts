import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openWatchedPage } from './browser';
import { fileBrowser } from './file-browser';
import type { DemoAccount } from './server';
import { openSignedInPage } from './session';

/**
 * What the tests of accounts and access share (`access-*.e2e.ts`): a browser for the file, the
 * pages it opened (to check their console errors and requests), and how to find the page's
 * heading, the primary navigation and the user menu.
 */

/** The test file's browser (`fileBrowser`), and watched pages opened in it. */
export function accessBrowser(origin: string) {
  const { browser, opened } = fileBrowser();

  /** A watched page, not signed in. */
  async function anonymousPage(): Promise<Page> {
    const watched = await openWatchedPage(browser(), origin);
    opened.push(watched);
    return watched.page;
  }

  /** A watched page, signed in as `account`. */
  async function signedInPage(account: DemoAccount): Promise<Page> {
    const watched = await openSignedInPage(browser(), origin, account);
    opened.push(watched);
    return watched.page;
  }

  return { opened, anonymousPage, signedInPage };
}

export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).first().waitFor();
}

/** The texts of the primary navigation's links. */
export function primaryNavLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Primary' }).getByRole('link').allTextContents();
}

/** Opens the header's user menu; gives its panel. */
export async function openUserMenu(page: Page) {
  const button = page.getByRole('banner').getByRole('button', { name: /^Account:/ });
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await panel.waitFor();
  return { button, panel };
}

export const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { __typename ... on SignInError { lockedUntil } }
}`;
