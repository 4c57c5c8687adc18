import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './file-browser';
import type { DemoAccount } from './server';
import { openSignedInPage } from './session';

/**
 * Changing a region's data in the dashboard, against the real API: the regional team of RBN sets
 * a target (and sees its history), edits a story and moves an opportunity; leadership reads the
 * same page without a form. Whatever the tests change, they put back (but a target of 2030,
 * outside the years the dashboard reports on).
 */

const origin = inject('panoramaUrl');
const { LEADERSHIP, REGIONAL } = inject('panoramaAccounts');
const { browser, opened } = fileBrowser();

async function signedInPage(account: DemoAccount, path: string): Promise<Page> {
  const watched = await openSignedInPage(browser(), origin, account);
  opened.push(watched);
  await watched.page.goto(path);
  await watched.page.getByRole('heading', { level: 1, name: /Eastern Africa/ }).waitFor();
  return watched.page;
}

/** The open stages in words, as the stage select shows them. */
const STAGE_NAMES: Record<string, string> = {
  IDENTIFIED: 'Identified',
  QUALIFIED: 'Qualified',
  PROPOSAL: 'Proposal',
  NEGOTIATION: 'Negotiation',
};

/** The section's polite status, once it says `text`. */
async function statusSays(page: Page, text: string | RegExp): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: text });
  await status.waitFor();
  return (await status.textContent())?.replace(/[\u00a0\u202f]/g, ' ') ?? '';
}

describe('the regional team of RBN', () => {
  it('sets a target, sees it in the table, changes it and reads its history', async () => {
    const page = await signedInPage(REGIONAL, '/regions/RBN/manage?targetYear=2030');
    await page.getByText('You may change the data of RBN, your region.').waitFor();
    const table = page.getByRole('table', { name: 'Targets of RBN, 2030' });
    const revenueRow = table.getByRole('row', { name: /^Revenue RBN \(whole region\) 2030 / });

    await page.getByRole('button', { name: 'New target' }).click();
    const form = page.getByRole('form', { name: 'New target for 2030' });
    await form.getByLabel('Metric').selectOption('REVENUE_USD');
    await form.getByLabel('Scope').selectOption('REGION:RBN');
    await form.getByLabel('Period').selectOption('');
    await form.getByLabel('Value').fill('12,345,678.90');
    await form.getByRole('button', { name: 'Save the target' }).click();
    expect(await statusSays(page, 'Saved Revenue')).toMatch(
      /Saved Revenue, RBN \(whole region\), 2030: \$12,345,678\.90 \(version \d+\)\./,
    );
    await revenueRow.filter({ hasText: '$12,345,678.90' }).waitFor();
    expect(await revenueRow.textContent()).toContain(REGIONAL.email);

    await revenueRow.getByRole('button', { name: /^Edit/ }).click();
    const value = page.getByRole('textbox', { name: 'Value' });
    expect(await value.inputValue()).toBe('12345678.9');
    await value.fill('13000000');
    await value.press('Enter');
    await statusSays(page, /Saved Revenue, RBN \(whole region\), 2030: \$13,000,000\.00/);
    await revenueRow.filter({ hasText: '$13,000,000.00' }).waitFor();

    await revenueRow.getByRole('link', { name: /^History/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/targets/'));
    await page.getByRole('heading', { level: 1, name: 'Revenue' }).waitFor();
    const versions = page.getByRole('table', { name: 'Versions of the target' }).locator('tbody tr');
    await versions.nth(1).waitFor();
    expect(await versions.first().textContent()).toContain('$13,000,000.00$12,345,678.90');
    await page.getByRole('link', { name: '← Targets of RBN' }).click();
    await page.waitForURL((url) => url.pathname === '/regions/RBN/manage' && url.search === '?targetYear=2030');
  });

  it('adds a story, edits it and deletes it', async () => {
    const page = await signedInPage(REGIONAL, '/regions/RBN/manage?section=stories');
    const title = `Cold chain for Kenya (e2e ${Date.now()})`;
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Country office').selectOption('KEN');
    await page.getByLabel('What happened').fill('A partner lent refrigerated trucks.');
    await page.getByRole('button', { name: 'Add the story' }).click();
    await statusSays(page, `Added “${title}”.`);

    await page.getByRole('button', { name: `Edit ${title}` }).click();
    await page.getByLabel('Title').fill(`${title}, edited`);
    await page.getByRole('button', { name: 'Save the story' }).click();
    await statusSays(page, `Saved “${title}, edited”.`);
    const story = page.getByRole('article', { name: `${title}, edited` });
    await story.waitFor();
    expect(await story.textContent()).toContain('Kenya');

    await page.getByRole('button', { name: `Delete ${title}, edited` }).click();
    await page.getByRole('button', { name: 'Delete the story' }).click();
    await statusSays(page, `Deleted “${title}, edited”.`);
    await story.waitFor({ state: 'detached' });
  });

  it('moves an opportunity to another stage, and back', async () => {
    const page = await signedInPage(REGIONAL, '/regions/RBN/manage?section=pipeline');
    const table = page.getByRole('table', { name: 'Open opportunities of RBN' });
    const first = table.locator('tbody tr').first();
    await first.waitFor();
    const name = (await first.getByRole('rowheader').locator('.manage-table__name').textContent()) ?? '';
    const select = table.getByRole('combobox', { name: `Stage of ${name}`, exact: true });
    const before = await select.inputValue();
    const next = before === 'QUALIFIED' ? 'PROPOSAL' : 'QUALIFIED';

    const move = table.getByRole('button', { name: `Move ${name}`, exact: true });
    await select.selectOption(next);
    await move.click();
    await statusSays(page, `Moved “${name}” to ${STAGE_NAMES[next]}.`);
    expect(await select.inputValue()).toBe(next);
    // The list read again: the stored stage is the one shown, so there is nothing to move.
    await expect.poll(() => move.getAttribute('aria-disabled'), { timeout: 10_000 }).toBe('true');

    await select.selectOption(before);
    await move.click();
    await statusSays(page, `Moved “${name}” to ${STAGE_NAMES[before]}.`);
    expect(await select.inputValue()).toBe(before);
  });

  it('left no error in the console', () => {
    expect(opened.flatMap((watched) => watched.consoleErrors)).toEqual([]);
  });
});

describe('leadership', () => {
  it('reads the region’s data without a form, and is told who edits it', async () => {
    const page = await signedInPage(LEADERSHIP, '/regions/RBN/manage');
    const notice = page.getByRole('note', { name: 'Read only' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'Your role (Leadership) reads this data but does not change it: the regional team of RBN and administrators do.',
    );
    const table = page.getByRole('table', { name: /^Targets of RBN, / });
    await table
      .getByRole('link', { name: /^History/ })
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'New target' }).count()).toBe(0);
    expect(await table.getByRole('button').count()).toBe(0);

    await page.getByRole('link', { name: 'Stories', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Stories from the field' }).waitFor();
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('button', { name: 'New story' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Delete) / }).count()).toBe(0);

    await page.getByRole('link', { name: 'Pipeline', exact: true }).click();
    const pipeline = page.getByRole('table', { name: 'Open opportunities of RBN' });
    await pipeline.locator('tbody tr').first().waitFor();
    expect(await pipeline.getByRole('combobox').count()).toBe(0);
    expect(opened.at(-1)?.consoleErrors).toEqual([]);
  });
});
