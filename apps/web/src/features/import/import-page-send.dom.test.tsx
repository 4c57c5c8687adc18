// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { graphqlResponse } from '../../lib/session-test-data';
import {
  chooseFile,
  countShown,
  counts,
  csvFile,
  fakeImportRequests,
  GIFTS,
  HEADER,
  openImportPage,
  readText,
} from './import-page-test-render';

/** The import page sending a file: to check it, then to import it, and what it shows of each answer. */

const { sent, answers, downloads } = fakeImportRequests();

describe('the import page', () => {
  it('sends a file to check as it is, and is busy until the answer comes', async () => {
    const user = userEvent.setup();
    openImportPage('REGIONAL');
    await chooseFile(user, csvFile(GIFTS));
    await user.click(screen.getByRole('button', { name: 'Check file' }));

    const busy = screen.getByRole('button', { name: 'Checking…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toContain('Checking “gifts.csv”');
    expect(sent).toHaveLength(1);
    const [request] = sent;
    if (!request) throw new Error('No request was sent');
    expect(request.url.pathname).toBe('/api/import/contributions');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      name: 'gifts.csv',
      skipInvalid: 'false',
      dryRun: 'true',
    });
    expect(request.init.method).toBe('POST');
    expect(request.init.credentials).toBe('same-origin');
    expect((request.init.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect(request.init.body).toBeInstanceOf(File);
    expect((request.init.body as File).name).toBe('gifts.csv');
  });

  it('shows what a check would do: the counts, formatted, and every problem listed, with how many more there were', async () => {
    const user = userEvent.setup();
    answers.push(
      graphqlResponse({
        status: 'CHECKED',
        counts: counts(1234, 5, 0, 2),
        partnersCreated: 1,
        problems: [
          { line: 3, column: 'date', value: '2024-02-30', reason: 'is not a day of the calendar' },
          { line: 7, column: null, value: null, reason: 'has 3 fields but the header has 12' },
        ],
        problemCount: 12_345,
      }),
    );
    openImportPage('REGIONAL');
    await chooseFile(user, csvFile(GIFTS));
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Check of “gifts.csv”' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Nothing was written. Importing the file would do this:')).toBeTruthy();
    expect(countShown('New')).toBe('1,234');
    expect(countShown('Updated')).toBe('5');
    expect(countShown('Rejected')).toBe('2');
    expect(countShown('Partners created')).toBe('1');

    const problems = screen.getByRole('table', { name: /12,345 problems/ });
    expect(within(problems).getByText(/The first 2 are listed, and 12,343 more were found\./)).toBeTruthy();
    const [, first, second] = within(problems).getAllByRole('row');
    expect(first?.textContent).toBe('3date2024-02-30is not a day of the calendar');
    expect(second?.textContent).toBe('7——has 3 fields but the header has 12');
    expect(screen.getByRole('button', { name: 'Check file' }).getAttribute('aria-busy')).toBeNull();
  });

  it('imports after a confirmation, skipping invalid rows, and offers the rejected rows to download', async () => {
    const user = userEvent.setup();
    answers.push(
      graphqlResponse({
        status: 'CHECKED',
        counts: counts(1, 0, 0, 1),
        partnersCreated: 0,
        problems: [{ line: 3, column: 'amount_usd', value: '0.505', reason: 'has more than 2 decimals' }],
        problemCount: 1,
      }),
      graphqlResponse({
        status: 'DONE',
        counts: counts(1, 0, 0, 1),
        partnersCreated: 1,
        problems: [{ line: 3, column: 'amount_usd', value: '0.505', reason: 'has more than 2 decimals' }],
        problemCount: 1,
        rejectedCsv: `${HEADER},problem\r\nE-2,…\r\n`,
        importId: 7,
      }),
    );
    openImportPage('REGIONAL');
    await chooseFile(user, csvFile(GIFTS, 'Gifts June.csv'));
    await user.click(screen.getByRole('checkbox', { name: 'Skip invalid rows' }));
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    await screen.findByRole('heading', { name: 'Check of “Gifts June.csv”' });

    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import “Gifts June.csv”?' });
    expect(dialog.textContent).toContain('Rows with a problem are skipped');
    expect(dialog.textContent).toContain('The check found: 1 new, 0 updated, 0 unchanged, 1 rejected.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(screen.getByRole('button', { name: 'Import now' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Imported “Gifts June.csv”' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.map((each) => each.url.search)).toEqual([
      '?name=Gifts+June.csv&skipInvalid=true&dryRun=true',
      '?name=Gifts+June.csv&skipInvalid=true&dryRun=false',
    ]);
    expect(countShown('New')).toBe('1');
    expect(countShown('Partners created')).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Download rejected rows' }));
    expect(downloads.map((each) => each.fileName)).toEqual(['gifts-june-rejected.csv']);
    expect(await readText(downloads[0]?.blob as Blob)).toBe(`${HEADER},problem\r\nE-2,…\r\n`);
  });

  it('says a refused import wrote nothing, and lists its problems', async () => {
    const user = userEvent.setup();
    answers.push(
      graphqlResponse(
        {
          status: 'REFUSED',
          counts: counts(0, 0, 0, 1),
          partnersCreated: 0,
          problems: [{ line: 3, column: 'region_code', value: 'RBB', reason: 'you may import rows of RBN only' }],
          problemCount: 1,
        },
        422,
      ),
    );
    openImportPage('REGIONAL');
    await chooseFile(user, csvFile(GIFTS));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByRole('dialog').textContent).toContain('The file has not been checked.');
    await user.click(screen.getByRole('button', { name: 'Import now' }));
    await screen.findByRole('heading', { name: '“gifts.csv” was refused: nothing was written' });
    expect(screen.queryByText('New', { selector: 'dt' })).toBeNull();
    const problems = screen.getByRole('table', { name: /1 problem/ });
    expect(within(problems).getAllByRole('row')[1]?.textContent).toBe('3region_codeRBByou may import rows of RBN only');
  });

  it('shows a refusal of the request as an alert, with the server’s words, and forgets it with another file', async () => {
    const user = userEvent.setup();
    answers.push(
      graphqlResponse({ error: 'Your role (REGIONAL) may not import: admins and regional teams do.' }, 403),
      new Response('<html>Bad gateway</html>', { status: 502 }),
    );
    openImportPage('REGIONAL');
    await chooseFile(user, csvFile(GIFTS));
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file could not be checked.');
    expect(alert.textContent).toContain('Your role may not import this file.');
    expect(alert.textContent).toContain('Your role (REGIONAL) may not import');
    expect(document.activeElement).toBe(alert);

    await user.click(screen.getByRole('button', { name: 'Check file' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The server failed (502).');

    await chooseFile(user, csvFile(GIFTS, 'fixed.csv'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
