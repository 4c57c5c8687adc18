import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './file-browser';
import { openTourPages, pageFor, shownTheme, THEMES, TOUR, type TourPages, visitLoaded } from './page-tour';

/** `<repo>/artifacts/screenshots/<page>-<theme>.png`: for people to look at; git ignores the folder. */
const SCREENSHOTS_DIR = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { browser, opened } = fileBrowser();

beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

for (const theme of THEMES) {
  describe(`screenshots, ${theme} theme`, () => {
    let pages: TourPages;

    beforeAll(async () => {
      pages = await openTourPages(browser(), origin, theme, ADMIN);
      for (const watched of [pages.anonymous, pages.signedIn]) {
        await watched.page.setViewportSize({ width: 1280, height: 800 });
        opened.push(watched);
      }
    });

    for (const stop of TOUR) {
      it(`saves ${stop.name}-${theme}.png`, async () => {
        const { page } = pageFor(pages, stop);
        await visitLoaded(page, stop);
        expect(await shownTheme(page)).toBe(theme);
        // No caret or hover effects in the picture.
        await page.mouse.move(0, 0);
        const screenshot = await page.screenshot({
          path: join(SCREENSHOTS_DIR, `${stop.name}-${theme}.png`),
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
        });
        expect(screenshot.byteLength).toBeGreaterThan(10_000);
      });
    }
  });
}

/**
 * The pages of accounts and access, and the overview's header, on a tablet held upright in the light
 * theme: the header wraps, forms stack, nothing scrolls sideways.
 */
const TABLET_STOPS = ['sign-in', 'overview', 'audit', 'api-tokens', 'users'];
/** Pages whose own content is checked for sideways scrolling here (the overview: its header only). */
const TABLET_WHOLE_PAGE = new Set(['sign-in', 'audit', 'api-tokens', 'users']);

describe('screenshots, tablet', () => {
  let pages: TourPages;

  beforeAll(async () => {
    pages = await openTourPages(browser(), origin, 'light', ADMIN);
    for (const watched of [pages.anonymous, pages.signedIn]) {
      await watched.page.setViewportSize({ width: 820, height: 1180 });
      opened.push(watched);
    }
  });

  for (const stop of TOUR.filter((each) => TABLET_STOPS.includes(each.name))) {
    it(`saves ${stop.name}-tablet.png, without a horizontal scroll`, async () => {
      const { page } = pageFor(pages, stop);
      await visitLoaded(page, stop);
      await page.mouse.move(0, 0);
      const selector = TABLET_WHOLE_PAGE.has(stop.name) ? 'html' : '.app-header';
      const width = await page.locator(selector).evaluate((element) => element.scrollWidth);
      expect(width, `${stop.name}: ${selector}`).toBeLessThanOrEqual(820);
      const screenshot = await page.screenshot({
        path: join(SCREENSHOTS_DIR, `${stop.name}-tablet.png`),
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
      });
      expect(screenshot.byteLength).toBeGreaterThan(10_000);
    });
  }
});

describe('screenshots', () => {
  it('logged no console error', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
  });
});
