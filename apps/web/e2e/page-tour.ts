import type { Browser, Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from './browser';

/** The dashboard's two colour themes; a page opens in the one the system prefers (emulated here). */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A page of the dashboard as a visitor reaches it, and the heading that says it is there. */
export interface TourStop {
  /** Short and file-safe: names the test and the screenshot. */
  name: string;
  heading: string | RegExp;
  /** Goes to the page from wherever the tour is. */
  visit(page: Page): Promise<void>;
}

const goTo = (path: string) => (page: Page) => page.goto(path).then(() => undefined);

/** Every page of the dashboard, with data: the pages of the navigation, a region and a partner. */
export const TOUR: readonly TourStop[] = [
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
  { name: 'explorer', heading: 'Explorer', visit: goTo('/explorer') },
];

/** A watched page whose system prefers `theme`: the dashboard opens in it. */
export async function openThemedPage(browser: Browser, origin: string, theme: Theme): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, origin);
  await watched.page.emulateMedia({ colorScheme: theme });
  return watched;
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
