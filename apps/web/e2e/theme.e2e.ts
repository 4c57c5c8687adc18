import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './file-browser';
import { openThemedPage, shownTheme, type Theme } from './page-tour';

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { browser, opened } = fileBrowser();

async function openPage(systemTheme: Theme): Promise<Page> {
  const watched = await openThemedPage(browser(), origin, systemTheme, ADMIN);
  opened.push(watched);
  // Notes the theme the root element first gets, and whether the body had been parsed by then.
  await watched.context.addInitScript(() => {
    const record = window as unknown as { firstTheme?: { theme?: string; bodyParsed: boolean } };
    new MutationObserver((_, observer) => {
      const theme = document.documentElement?.dataset.theme;
      if (!theme) return;
      record.firstTheme = { theme, bodyParsed: document.body !== null };
      observer.disconnect();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  });
  return watched.page;
}

/** The first theme the page showed, and whether that was before its body was parsed (before any paint). */
function firstTheme(page: Page): Promise<{ theme?: string; bodyParsed: boolean } | undefined> {
  return page.evaluate(
    () => (window as unknown as { firstTheme?: { theme?: string; bodyParsed: boolean } }).firstTheme,
  );
}

function backgroundOf(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
}

const LIGHT_BG = 'rgb(244, 245, 247)';
const DARK_BG = 'rgb(15, 21, 28)';
const WHITE = 'rgb(255, 255, 255)';

describe('the colour theme', () => {
  it("follows the system's preference when none is chosen, from before the first paint", async () => {
    for (const theme of ['dark', 'light'] as const) {
      const page = await openPage(theme);
      await page.goto('/regions');
      await page.getByRole('heading', { level: 1, name: 'Regions' }).waitFor();
      expect(await firstTheme(page)).toEqual({ theme, bodyParsed: false });
      expect(await backgroundOf(page, 'body')).toBe(theme === 'dark' ? DARK_BG : LIGHT_BG);
    }
  });

  it('switches with the header’s button, which says what it does, and remembers the choice', async () => {
    const page = await openPage('light');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const header = page.getByRole('banner');

    await header.getByRole('button', { name: 'Switch to dark theme' }).click();
    await header.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    expect(await shownTheme(page)).toBe('dark');
    expect(await backgroundOf(page, 'body')).toBe(DARK_BG);
    expect(await page.evaluate(() => localStorage.getItem('panorama.theme'))).toBe('dark');

    // Remembered over the system's light preference, from before the first paint.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await firstTheme(page)).toEqual({ theme: 'dark', bodyParsed: false });

    // The explorer's GraphiQL follows.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Explorer' }).click();
    await page.locator('.graphiql-container').waitFor();
    await page.waitForFunction(() => document.body.classList.contains('graphiql-dark'));

    await header.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.waitForFunction(() => document.body.classList.contains('graphiql-light'));
    expect(await shownTheme(page)).toBe('light');
    expect(await page.evaluate(() => localStorage.getItem('panorama.theme'))).toBe('light');
  });

  it('prints in the light colours', async () => {
    const page = await openPage('dark');
    await page.goto('/');
    await page.locator('article.kpi-card').first().waitFor();
    expect(await backgroundOf(page, 'article.kpi-card')).not.toBe(WHITE);

    await page.emulateMedia({ media: 'print' });
    expect(await backgroundOf(page, 'body')).toBe(WHITE);
    expect(await backgroundOf(page, 'article.kpi-card')).toBe(WHITE);
    const text = await page.locator('h1').evaluate((element) => getComputedStyle(element).color);
    expect(text).toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });
  });

  it('logged no console error', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
    expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
  });
});
