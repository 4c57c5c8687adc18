import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { WatchedPage } from './browser';
import { fileBrowser } from './file-browser';
import { openSignedInPage } from './session';

/** The primary navigation of an ADMIN, in order: each page shows an h1 with its name. */
const NAV_PAGES = [
  { label: 'Overview', path: '/' },
  { label: 'Regions', path: '/regions' },
  { label: 'Partners', path: '/partners' },
  { label: 'Contributions', path: '/contributions' },
  { label: 'Import', path: '/import' },
  { label: 'Explorer', path: '/explorer' },
  { label: 'Audit trail', path: '/audit' },
] as const;

/** The primary navigation in French, in order. */
const FRENCH_NAV_LABELS = [
  'Vue d’ensemble',
  'Régions',
  'Partenaires',
  'Contributions',
  'Import',
  'Explorateur',
  'Journal d’audit',
];

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { browser, opened } = fileBrowser();

/** A new page, signed in as an ADMIN. */
async function openPage(): Promise<WatchedPage> {
  const watched = await openSignedInPage(browser(), origin, ADMIN);
  opened.push(watched);
  return watched;
}

/** Waits for the page's h1 to name the page (other pages' content is not checked here). */
async function expectHeading(page: Page, label: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

async function selectedYear(page: Page): Promise<string> {
  return page.getByLabel('Year', { exact: true }).inputValue();
}

/**
 * Waits until the address bar shows `pathname` with `?year=<year>` (or no year at all for null).
 * Other parameters (filters of other pages) may come and go.
 */
async function waitForLocation(page: Page, pathname: string, year: string | null): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname && url.searchParams.get('year') === year);
}

describe('the app shell', () => {
  it('loads, with the header, the navigation and the overview', async () => {
    const { page } = await openPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expectHeading(page, 'Overview');
    expect(await page.title()).toContain('Panorama');
    const nav = page.getByRole('navigation', { name: 'Primary' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(NAV_PAGES.map((navPage) => navPage.label));
    expect(await selectedYear(page)).toBe('2025');
  });

  it('goes to every page of the navigation, and marks it current', async () => {
    const { page } = await openPage();
    await page.goto('/');
    await expectHeading(page, 'Overview');
    const nav = page.getByRole('navigation', { name: 'Primary' });
    for (const { label, path } of [...NAV_PAGES.slice(1), NAV_PAGES[0]]) {
      const link = nav.getByRole('link', { name: label, exact: true });
      await link.click();
      await waitForLocation(page, path, null);
      await expectHeading(page, label);
      expect(await link.getAttribute('aria-current')).toBe('page');
      expect(await page.title()).toBe(`${label} · Panorama`);
    }
  });

  it('puts the chosen year in the URL, keeps it across pages, and the back button restores it', async () => {
    const { page } = await openPage();
    await page.goto('/');
    await expectHeading(page, 'Overview');

    await page.getByLabel('Year', { exact: true }).selectOption('2023');
    await waitForLocation(page, '/', '2023');

    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Regions' }).click();
    await waitForLocation(page, '/regions', '2023');
    await expectHeading(page, 'Regions');
    expect(await selectedYear(page)).toBe('2023');

    await page.getByLabel('Year', { exact: true }).selectOption('2021');
    await waitForLocation(page, '/regions', '2021');

    await page.goBack();
    await waitForLocation(page, '/regions', '2023');
    expect(await selectedYear(page)).toBe('2023');

    await page.goBack();
    await waitForLocation(page, '/', '2023');
    await expectHeading(page, 'Overview');
    expect(await selectedYear(page)).toBe('2023');
  });

  it('opens a deep link, and reloads it', async () => {
    const { page } = await openPage();
    const response = await page.goto('/regions?year=2023');
    expect(response?.status()).toBe(200);
    await expectHeading(page, 'Regions');
    expect(await selectedYear(page)).toBe('2023');

    await page.reload();
    await waitForLocation(page, '/regions', '2023');
    await expectHeading(page, 'Regions');
    expect(await selectedYear(page)).toBe('2023');
  });

  it('switches to French without leaving the page, and opens in French again after a reload', async () => {
    const { page } = await openPage();
    await page.goto('/regions?year=2023');
    await expectHeading(page, 'Regions');
    await waitForLocation(page, '/regions', '2023');
    const address = page.url();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await expectHeading(page, 'Régions');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(FRENCH_NAV_LABELS);
    expect(page.url()).toBe(address);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Régions · Panorama');

    await page.reload();
    await expectHeading(page, 'Régions');
    expect(await nav.getByRole('link').allTextContents()).toEqual(FRENCH_NAV_LABELS);
    expect(await page.getByLabel('Langue', { exact: true }).inputValue()).toBe('fr');
    expect(await page.getByLabel('Année', { exact: true }).inputValue()).toBe('2023');
    expect(await page.evaluate(() => localStorage.getItem('panorama.language'))).toBe('fr');
  });

  it('answers an unknown address with a page', async () => {
    const { page } = await openPage();
    await page.goto('/nowhere');
    await expectHeading(page, 'Page not found');
  });

  it('logs no console error on any page, and asks nothing of another origin', async () => {
    const watched = await openPage();
    const { page } = watched;
    for (const { label, path } of NAV_PAGES) {
      await page.goto(`${path}?year=2024`);
      await expectHeading(page, label);
      await page.waitForLoadState('networkidle');
    }
    // A region's panorama, reached from the regions page.
    await page.goto('/regions/RBN?year=2024');
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    for (const { page: other } of opened) {
      expect(other.isClosed()).toBe(false);
    }
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
    expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
  });
});
