import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WatchedPage } from './browser';
import { launchBrowser } from './browser';
import { openThemedPage, shownTheme, THEMES, TOUR, visitLoaded } from './page-tour';

/** `<repo>/artifacts/screenshots/<page>-<theme>.png`: for people to look at; git ignores the folder. */
const SCREENSHOTS_DIR = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

const origin = inject('panoramaUrl');
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

for (const theme of THEMES) {
  describe(`screenshots, ${theme} theme`, () => {
    let watched: WatchedPage;

    beforeAll(async () => {
      watched = await openThemedPage(browser, origin, theme);
      await watched.page.setViewportSize({ width: 1280, height: 800 });
      opened.push(watched);
    });

    for (const stop of TOUR) {
      it(`saves ${stop.name}-${theme}.png`, async () => {
        const { page } = watched;
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

describe('screenshots', () => {
  it('logged no console error', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
  });
});
