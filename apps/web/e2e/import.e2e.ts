import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './file-browser';
import { apiSession, openSignedInPage } from './session';

/**
 * Importing a file through the dashboard, against the real API: the regional team of RBN checks
 * a small contributions file of its region (nothing written), imports it, and sees the region's
 * revenue grow by exactly the file's total; a bad file shows every problem with its line and
 * column, and writes nothing. Contributions are dated in 2024 with references of their own.
 */

const origin = inject('panoramaUrl');
const { REGIONAL } = inject('panoramaAccounts');
const YEAR = 2024;
/** A run's own references: the database outlives a single test file. */
const RUN = `E2E-${Date.now().toString(36).toUpperCase()}`;
const POLL = { timeout: 20_000, interval: 100 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const { browser, opened } = fileBrowser();
let api: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  api = await apiSession(origin, REGIONAL);
});

const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';

/** A contributions file: the header, then the rows, CRLF after each line. */
function contributionsFile(rows: readonly string[]): Buffer {
  return Buffer.from([HEADER, ...rows].map((line) => `${line}\r\n`).join(''));
}

/** RBN's revenue of the year as the API computes it (the panorama's Revenue card). */
async function apiRevenue(): Promise<number> {
  const data = await api.graphql<{ panorama: { kpis: { metric: string; value: number | null }[] } }>(
    'query E2e_Revenue($year: Int!) { panorama(regionCode: "RBN", year: $year) { kpis { metric value } } }',
    { year: YEAR },
  );
  const value = data.panorama.kpis.find((kpi) => kpi.metric === 'REVENUE_USD')?.value;
  if (typeof value !== 'number') throw new Error(`panorama(RBN, ${YEAR}) has no revenue`);
  return value;
}

/** The exact value of a KPI card of the page (its `<data value>`), or null until it is shown. */
function kpiValue(label: string): string | null {
  for (const card of document.querySelectorAll('article.kpi-card')) {
    if (card.querySelector('h3')?.textContent !== label) continue;
    return card.querySelector('.kpi-card__value data')?.getAttribute('value') ?? null;
  }
  return null;
}

/** Goes to `path`: a fresh load of the page, or (`inApp`) inside the dashboard, without a reload. */
async function visit(page: Page, path: string, inApp: boolean): Promise<void> {
  if (!inApp) {
    await page.goto(path);
    return;
  }
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * RBN's revenue as its panorama shows it: from a fresh load of the page, or (`inApp`) reached
 * inside the dashboard, where the figure is right only if the client forgot what it read before.
 */
async function shownRevenue(page: Page, inApp = false): Promise<number> {
  await visit(page, `/regions/RBN?year=${YEAR}`, inApp);
  await page.getByRole('heading', { level: 1, name: /Eastern Africa/ }).waitFor();
  await expect.poll(() => page.evaluate(kpiValue, 'Revenue'), POLL).not.toBeNull();
  return Number(await page.evaluate(kpiValue, 'Revenue'));
}

const cents = (usd: number) => Math.round(usd * 100);

/** A signed-in regional page on the import page, with `file` chosen. */
async function importPageWith(page: Page, name: string, file: Buffer, inApp = false): Promise<void> {
  await visit(page, '/import', inApp);
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  await page.getByText('As the regional team of RBN, you import rows of RBN only').waitFor();
  expect(await page.getByRole('radio', { name: 'Contributions' }).isChecked()).toBe(true);
  await page.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
  await page.getByRole('table', { name: new RegExp(`First rows of ${name.replace('.', '\\.')}`) }).waitFor();
}

/** The figure an answer shows for a count, by its label. */
async function count(page: Page, label: string): Promise<string> {
  return (
    (await page
      .locator('.import-count', { has: page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent()) ?? ''
  );
}

/** The problems table's rows, as the cells' texts. */
async function problemRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: /problems?/ }).locator('tbody tr');
  return rows.evaluateAll((each) =>
    each.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
  );
}

async function signedInPage(): Promise<Page> {
  const watched = await openSignedInPage(browser(), origin, REGIONAL);
  opened.push(watched);
  return watched.page;
}

/** Runs axe on the page as it stands and keeps the serious and critical violations. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

describe('the regional team of RBN imports contributions', () => {
  it('checks a file (nothing written), imports it, and sees the region’s revenue grow by its total', async () => {
    const page = await signedInPage();
    const amounts = ['1234.56', '100.25', '7.01'];
    const total = 134_182; // cents
    const partner = `${RUN}-P`;
    const file = contributionsFile(
      amounts.map(
        (amount, at) =>
          `${RUN}-C${at + 1},${YEAR}-06-1${at},${amount},CORPORATE,CASH,${partner},"Lakeside Traders, ${RUN}",CORPORATION,RBN,KEN,INC_GROWTH,`,
      ),
    );
    const before = await shownRevenue(page);
    expect(cents(before)).toBe(cents(await apiRevenue()));

    // The whole visit happens inside the dashboard: the panorama read above stays in its cache.
    await importPageWith(page, 'rbn-gifts.csv', file, true);
    const preview = page.getByRole('table', { name: /First rows of rbn-gifts\.csv/ });
    expect(await preview.locator('tbody tr').count()).toBe(3);
    expect(await page.getByText(/^rbn-gifts\.csv, \d+ bytes$/).count()).toBe(1);

    await page.getByRole('button', { name: 'Check file' }).click();
    const checked = page.getByRole('heading', { level: 2, name: /^(Check of|Imported) “rbn-gifts\.csv”$/ });
    await checked.waitFor();
    // A server without dry runs would have written the file: say so rather than count it twice.
    expect(await checked.textContent(), 'the check must be a dry run (dryRun=true → CHECKED)').toBe(
      'Check of “rbn-gifts.csv”',
    );
    expect(await count(page, 'New')).toBe('3');
    expect(await count(page, 'Rejected')).toBe('0');
    expect(await count(page, 'Partners created')).toBe('1');
    expect(cents(await apiRevenue())).toBe(cents(before));

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import “rbn-gifts.csv”?' });
    expect(await dialog.textContent()).toContain('The check found: 3 new, 0 updated, 0 unchanged, 0 rejected.');
    await dialog.getByRole('button', { name: 'Import now' }).click();
    await page.getByRole('heading', { level: 2, name: 'Imported “rbn-gifts.csv”' }).waitFor();
    expect(await count(page, 'New')).toBe('3');
    expect(await count(page, 'Partners created')).toBe('1');

    const after = await shownRevenue(page, true);
    expect(cents(after) - cents(before)).toBe(total);
    expect(cents(await apiRevenue())).toBe(cents(after));

    // The same file again changes nothing.
    await importPageWith(page, 'rbn-gifts.csv', file);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('heading', { level: 2, name: 'Check of “rbn-gifts.csv”' }).waitFor();
    expect(await count(page, 'New')).toBe('0');
    expect(await count(page, 'Unchanged')).toBe('3');
  });

  it('shows every problem of a bad file with its line and column, refuses it, and writes nothing', async () => {
    const page = await signedInPage();
    const file = contributionsFile([
      `${RUN}-B1,${YEAR}-07-01,50.00,CORPORATE,CASH,${RUN}-Q,Quay Ltd,CORPORATION,RBN,KEN,INC_GROWTH,`,
      `${RUN}-B2,${YEAR}-02-30,60.00,CORPORATE,CASH,${RUN}-Q,Quay Ltd,CORPORATION,RBN,KEN,INC_GROWTH,`,
      `${RUN}-B3,${YEAR}-07-03,70.00,CORPORATE,CASH,${RUN}-Q,Quay Ltd,CORPORATION,RBB,,INC_GROWTH,`,
    ]);
    const before = await apiRevenue();

    await importPageWith(page, 'bad-gifts.csv', file);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('heading', { level: 2, name: '“bad-gifts.csv” cannot be imported as it is' }).waitFor();
    const problems = await problemRows(page);
    expect(problems).toContainEqual(['3', 'date', `${YEAR}-02-30`, expect.stringContaining('is not a date')]);
    expect(problems).toContainEqual(['4', 'region_code', 'RBB', expect.stringContaining('RBN only')]);
    expect(problems.map((row) => row[0])).not.toContain('2');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Import now' }).click();
    await page.getByRole('heading', { level: 2, name: '“bad-gifts.csv” was refused: nothing was written' }).waitFor();
    expect(await problemRows(page)).toEqual(problems);
    expect(cents(await apiRevenue())).toBe(cents(before));

    // In the dark theme too, the answer passes axe.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('left no error in the console but the refusals it asked for', () => {
    // Chromium logs every 4xx answer; the 422 of the refused file is the answer the test wanted.
    const errors = opened
      .flatMap((watched) => watched.consoleErrors)
      .filter((error) => !/status of 422 .*\/api\/import\/contributions/.test(error));
    expect(errors).toEqual([]);
  });
});
