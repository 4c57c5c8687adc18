import type { Browser, Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from './browser';
import type { DemoAccount } from './server';
import { signIn } from './session';

/** The dashboard's two colour themes; a page opens in the one the system prefers (emulated here). */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A page of the dashboard as a visitor reaches it, and the heading that says it is there. */
export interface TourStop {
  /** Short and file-safe: names the test and the screenshot. */
  name: string;
  heading: string | RegExp;
  /** Seen by anonymous visitors (the sign-in page); every other stop is seen signed in, as an ADMIN. */
  anonymous?: boolean;
  /** Goes to the page from wherever the tour is. */
  visit(page: Page): Promise<void>;
}

const goTo = (path: string) => (page: Page) => page.goto(path).then(() => undefined);

/**
 * Every page of the dashboard, with data: the sign-in page, the pages of the navigation, a region
 * and a partner, and the pages of the user menu (an ADMIN sees them all).
 */
export const TOUR: readonly TourStop[] = [
  { name: 'sign-in', heading: 'Sign in', anonymous: true, visit: goTo('/sign-in') },
  { name: 'overview', heading: 'Overview', visit: goTo('/') },
  { name: 'regions', heading: 'Regions', visit: goTo('/regions') },
  { name: 'region-rbn', heading: /Eastern Africa/, visit: goTo('/regions/RBN') },
  { name: 'partners', heading: 'Partners', visit: goTo('/partners') },
  {
    name: 'partner',
    heading: /./,
    // The first partner of the list, as a visitor would open it.
    async visit(page) {
      await page.goto('/partners');
      await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
      const first = page.locator('.data-table tbody a[href^="/partners/"]').first();
      await first.click();
      await page.waitForURL((url) => /^\/partners\/[^/]+$/.test(url.pathname));
    },
  },
  { name: 'contributions', heading: 'Contributions', visit: goTo('/contributions') },
  { name: 'import', heading: 'Import', visit: goTo('/import') },
  { name: 'explorer', heading: 'Explorer', visit: goTo('/explorer') },
  { name: 'audit', heading: 'Audit trail', visit: goTo('/audit') },
  { name: 'api-tokens', heading: 'API tokens', visit: goTo('/settings/tokens') },
  { name: 'users', heading: 'Users', visit: goTo('/admin/users') },
];

/**
 * A watched page whose system prefers `theme`: the dashboard opens in it. Signed in as `account`
 * when one is given, else anonymous.
 */
export async function openThemedPage(
  browser: Browser,
  origin: string,
  theme: Theme,
  account?: DemoAccount,
): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, origin);
  await watched.page.emulateMedia({ colorScheme: theme });
  if (account) await signIn(watched.page, account);
  return watched;
}

/** The pages of a tour for one theme: an anonymous one (the sign-in page) and one signed in as `account`. */
export interface TourPages {
  anonymous: WatchedPage;
  signedIn: WatchedPage;
}

export async function openTourPages(
  browser: Browser,
  origin: string,
  theme: Theme,
  account: DemoAccount,
): Promise<TourPages> {
  const [anonymous, signedIn] = await Promise.all([
    openThemedPage(browser, origin, theme),
    openThemedPage(browser, origin, theme, account),
  ]);
  return { anonymous, signedIn };
}

/** The page of a tour that sees `stop`. */
export function pageFor(pages: TourPages, stop: TourStop): WatchedPage {
  return stop.anonymous ? pages.anonymous : pages.signedIn;
}

/**
 * Goes to `stop` and waits until its data has loaded: the h1, no loading skeleton or busy region,
 * no request in flight, charts drawn, and in the explorer the editors.
 */
export async function visitLoaded(page: Page, stop: TourStop): Promise<void> {
  await stop.visit(page);
  await page.getByRole('heading', { level: 1, name: stop.heading }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], .skeleton, .data-table__overlay'),
    undefined,
    { timeout: 30_000 },
  );
  if (stop.name === 'explorer') {
    await page.locator('.graphiql-query-editor .monaco-editor .view-lines').waitFor();
    await page.locator('.graphiql-response .monaco-editor').waitFor();
  }
  // Charts draw once their container has a size: wait for each to hold its SVG.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.chart__canvas')].every((canvas) => canvas.querySelector('svg')),
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The theme the page shows: the `data-theme` of its root element. */
export function shownTheme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}
