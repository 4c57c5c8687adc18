import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, type WatchedPage } from './browser';
import { fileBrowser } from './file-browser';
import { openSignedInPage } from './session';

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { browser } = fileBrowser();
let watched: WatchedPage;

beforeAll(async () => {
  watched = await openSignedInPage(browser(), origin, ADMIN);
});

/** The rendered text of a Monaco editor: its visible lines run together, non-breaking spaces as spaces. */
async function editorText(selector: string): Promise<string> {
  const text = await watched.page.locator(`${selector} .view-lines`).first().textContent();
  return (text ?? '').replaceAll('\u00a0', ' ');
}

describe('the explorer', () => {
  // The tests of this file follow one another on one page, as a person would.

  it('opens with GraphiQL, the examples, the documentation and the history, with no network but the API', async () => {
    const { page } = watched;
    await page.goto('/explorer');
    await page.getByRole('heading', { level: 1, name: 'Explorer' }).waitFor();
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();

    const examples = page.getByRole('navigation', { name: 'Example queries' }).getByRole('button');
    expect(await examples.count()).toBe(11);
    expect(await examples.first().textContent()).toBe('1. Are we on track this year?');

    // The schema documentation comes from introspection, through /graphql.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Hide Documentation Explorer' }).click();
    await page.getByRole('button', { name: 'Show History' }).click();
    await page.locator('.graphiql-history').waitFor();
    await page.getByRole('button', { name: 'Hide History' }).click();

    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
  });

  it('loads an example into the editor and runs it', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '2. Which regions are ahead, which behind?' }).click();
    await page.getByRole('tab', { name: 'RegionsRanked', selected: true }).waitFor();
    await page.waitForFunction(() =>
      document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('RegionsRanked'),
    );
    expect(await editorText('.graphiql-query-editor')).toContain('groupBy: [REGION]');

    await page.getByRole('button', { name: /^Execute query/ }).click();
    await page.waitForFunction(() =>
      document.querySelector('.graphiql-response .view-lines')?.textContent?.includes('"data"'),
    );
    const response = await editorText('.graphiql-response');
    expect(response).toContain('"data"');
    expect(response).not.toContain('"errors"');
  });

  it('exports the first list of the result as a CSV file with a header', async () => {
    const { page } = watched;
    const button = page.getByRole('button', { name: 'Export CSV' });
    await page.waitForFunction(() => {
      const exportButton = [...document.querySelectorAll('button')].find((each) => each.textContent === 'Export CSV');
      return exportButton && !exportButton.disabled;
    });
    expect(await page.getByText('7 rows of data.metrics.rows').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('panorama-regions-ranked.csv');
    const path = await download.path();
    const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('region.code,region.name,values.0.value,values.0.target,values.0.attainment,values.0.status');
    expect(lines.filter((line) => line !== '')).toHaveLength(8);
    expect(lines[1]).toMatch(/^(HQ|RB[A-Z]),/);
  });

  it('is usable from the keyboard: an example opens with Enter, and Ctrl+Enter runs it', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '4. Who are our ten largest partners?' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'TopPartners', selected: true }).waitFor();
    await page.waitForFunction(() =>
      document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('TopPartners'),
    );
    await page.locator('.graphiql-query-editor .monaco-editor textarea').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByText('10 rows of data.metrics.rows').waitFor();
  });

  it('asked nothing of another origin, and logged no console error', () => {
    expect(watched.blockedRequests).toEqual([]);
    expect(foreignRequests(watched.requests, origin)).toEqual([]);
    expect(watched.requests.some((url) => url.endsWith('/graphql'))).toBe(true);
    expect(watched.requests.some((url) => /\/assets\/.*worker.*\.js$/.test(url))).toBe(true);
    expect(watched.consoleErrors).toEqual([]);
  });
});
