import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { foreignRequests, type WatchedPage } from './browser';
import { fileBrowser } from './file-browser';
import type { DemoAccount } from './server';
import { apiSession, openSignedInPage } from './session';

/**
 * What the tests of the dashboard's figures share (`figures-*.e2e.ts`): a browser for the file,
 * the pages it opened (to check their console errors and requests), and the API as an ADMIN's
 * script asks it, to compare its answers with what the browser shows. Every wait is for data,
 * never for time.
 */

/** Waits for the condition to hold, polling the page; fails with the last value seen. */
export const POLL = { timeout: 20_000, interval: 100 };

export interface CatalogEntry {
  code: string;
  label: string;
  unit: string;
}

/** The test file's browser (`fileBrowser`), and the API signed in as `account` for the file. */
export function figuresBrowser(origin: string, account: DemoAccount) {
  const { browser, opened } = fileBrowser();
  /** The API as an ADMIN's script asks it: signed in with `signIn`, its session cookie sent back. */
  let api: Awaited<ReturnType<typeof apiSession>>;

  beforeAll(async () => {
    api = await apiSession(origin, account);
  });

  /** A new page, signed in as `account`, at `path`. */
  async function openPage(path: string): Promise<Page> {
    const watched = await openSignedInPage(browser(), origin, account);
    opened.push(watched);
    await watched.page.goto(path);
    return watched.page;
  }

  /** Asks the server's API, as an analyst's script would (signed in: every field but `me` needs it). */
  function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return api.graphql<T>(query, variables);
  }

  async function catalogEntry(code: string): Promise<CatalogEntry> {
    const { metricCatalog } = await graphql<{ metricCatalog: CatalogEntry[] }>('{ metricCatalog { code label unit } }');
    const entry = metricCatalog.find((metric) => metric.code === code);
    if (!entry) throw new Error(`The catalog has no ${code}`);
    return entry;
  }

  return { opened, openPage, graphql, catalogEntry, browser };
}

/**
 * The pages a test file opened (at least `atLeast`) asked nothing of another origin, each asked
 * the API for its figures, and none logged a console error.
 */
export function expectPagesKeptPrivate(opened: readonly WatchedPage[], origin: string, atLeast: number) {
  expect(opened.length).toBeGreaterThanOrEqual(atLeast);
  expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
  expect(opened.flatMap((each) => foreignRequests(each.requests, origin))).toEqual([]);
  expect(opened.every((each) => each.requests.some((url) => url === `${origin}/graphql`))).toBe(true);
  expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
}
