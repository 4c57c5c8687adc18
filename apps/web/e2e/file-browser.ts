import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type WatchedPage } from './browser';

/**
 * The browser of one test file, launched before its tests and closed after them, and the watched
 * pages the file opened, for its last test to check their console errors and requests.
 */
export function fileBrowser() {
  let launched: Browser | undefined;
  const opened: WatchedPage[] = [];

  beforeAll(async () => {
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
  });

  /** The file's browser: there from the file's first `beforeAll` on. */
  function browser(): Browser {
    if (!launched) throw new Error('The browser is launched before the tests of the file run, not while it loads.');
    return launched;
  }

  return { browser, opened };
}
