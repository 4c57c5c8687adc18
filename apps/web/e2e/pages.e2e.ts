import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './file-browser';
import { openSignedInPage } from './session';

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { browser, opened } = fileBrowser();

/** A new page, signed in as an ADMIN, at `path`. */
async function openPage(path: string): Promise<Page> {
  const watched = await openSignedInPage(browser(), origin, ADMIN);
  opened.push(watched);
  await watched.page.goto(path);
  return watched.page;
}

/** Waits until `locator` matches at least `count` elements, and returns how many it matches. */
async function atLeast(locator: Locator, count: number): Promise<number> {
  await locator.nth(count - 1).waitFor();
  return locator.count();
}

/** Countries the map shades (with data), not the grey ones around them. */
const SHADED_COUNTRIES = 'path.choropleth__country:not(.choropleth__country--empty)';

describe('the overview', () => {
  it('shows KPI cards with a status, and the map draws country paths', async () => {
    const page = await openPage('/');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const cards = page.locator('article.kpi-card');
    expect(await atLeast(cards, 6)).toBeGreaterThanOrEqual(6);
    const revenue = cards.filter({ has: page.getByRole('heading', { name: 'Revenue', exact: true }) });
    expect(await revenue.locator('.status-pill').textContent()).toMatch(/On track|At risk|Off track/);
    expect(await atLeast(page.locator(SHADED_COUNTRIES), 10)).toBeGreaterThanOrEqual(10);
  });
});

describe('the regions page', () => {
  /** The comparison table's rows, once loaded: each names its region with a link to its panorama. */
  function regionRows(page: Page): Locator {
    return page
      .getByRole('table', { name: /by region/ })
      .locator('tbody tr')
      .filter({ has: page.locator('a[href^="/regions/"]') });
  }

  it('lists the 7 regions; a click on a row, or Enter on it, opens its panorama with the year', async () => {
    const page = await openPage('/regions?year=2024');
    await page.getByRole('heading', { level: 1, name: 'Regions' }).waitFor();
    const rows = regionRows(page);
    await rows.nth(6).waitFor();
    expect(await rows.count()).toBe(7);

    // A click anywhere in the row, not only on its link.
    await rows.filter({ hasText: 'RBN' }).locator('td').last().click();
    await page.waitForURL((url) => url.pathname === '/regions/RBN' && url.searchParams.get('year') === '2024');
    await page.getByRole('heading', { level: 1, name: /Eastern Africa/ }).waitFor();

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/regions');
    await regionRows(page).nth(6).waitFor();
    await regionRows(page).filter({ hasText: 'RBB' }).getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/regions/RBB' && url.searchParams.get('year') === '2024');
    await page.getByRole('heading', { level: 1, name: /Asia and the Pacific/ }).waitFor();
  });
});

describe('a region panorama', () => {
  it('shows the region’s name, rank, KPI cards against the other regions, stories and the map', async () => {
    const page = await openPage('/regions/RBN');
    await page.getByRole('heading', { level: 1, name: /Regional Bureau for Eastern Africa/ }).waitFor();
    await page.getByText(/\d+(st|nd|rd|th) of 7 regions by revenue/).waitFor();
    expect(await atLeast(page.locator('.panorama-kpi article.kpi-card'), 6)).toBeGreaterThanOrEqual(6);
    expect(await atLeast(page.getByText(/^Others' average:/), 6)).toBe(6);

    const stories = page.getByRole('region', { name: 'Stories from the field' }).getByRole('article');
    expect(await atLeast(stories, 1)).toBeGreaterThanOrEqual(1);
    expect(await stories.first().getByRole('heading', { level: 3 }).textContent()).not.toBe('');
    expect(await stories.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(await atLeast(page.locator(SHADED_COUNTRIES), 5)).toBeGreaterThanOrEqual(5);
    const partner = page.getByRole('region', { name: 'Top partners' }).getByRole('link').first();
    expect(await partner.getAttribute('href')).toMatch(/^\/partners\/[A-Za-z0-9%]+/);
  });

  it('says when there is no such region, with links to the regions', async () => {
    const page = await openPage('/regions/XYZ');
    await page.getByRole('heading', { level: 1, name: 'No region XYZ' }).waitFor();
    const links = page.getByRole('region', { name: 'Regions' }).locator('a[href^="/regions/"]');
    expect(await atLeast(links, 7)).toBe(7);
  });

  it('prints without the navigation and the controls', async () => {
    const page = await openPage('/regions/RBN');
    const heading = page.getByRole('heading', { level: 1, name: /Eastern Africa/ });
    await heading.waitFor();
    const nav = page.getByRole('navigation', { name: 'Primary' });
    const print = page.getByRole('button', { name: 'Print' });
    expect(await nav.isVisible()).toBe(true);
    expect(await print.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    await nav.waitFor({ state: 'hidden' });
    expect(await print.isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Region', exact: true }).isVisible()).toBe(false);
    expect(await heading.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await nav.waitFor();
  });

  it('reloads its figures when the year changes, and puts the year in the URL', async () => {
    const page = await openPage('/regions/RBN');
    const revenue = page.locator('.panorama-kpi').first().locator('.kpi-card__value');
    await revenue.waitFor();
    const period = (year: number) =>
      page.locator('.panorama-header__period', { hasText: new RegExp(`figures from 1 January to \\d+ \\w+ ${year}`) });
    await period(2025).waitFor();
    const before = await revenue.textContent();

    const reloaded = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && /"year":2023/.test(response.request().postData() ?? ''),
    );
    await page.getByLabel('Year', { exact: true }).selectOption('2023');
    await page.waitForURL((url) => url.pathname === '/regions/RBN' && url.searchParams.get('year') === '2023');
    await reloaded;
    await period(2023).waitFor();
    await revenue.waitFor();
    expect(await revenue.textContent()).not.toBe(before);
  });

  it('logged no console error', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
    expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
  });
});
