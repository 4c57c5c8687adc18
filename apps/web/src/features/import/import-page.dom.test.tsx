// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserRole } from '../../lib/session';
import { SessionProvider } from '../../lib/session';
import { graphqlResponse, TEST_USERS } from '../../lib/session-test-data';
import { ImportPage } from './import-page';

const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';
const GIFTS = [
  HEADER,
  'E-1,2024-06-15,100.00,CORPORATE,CASH,P-1,"Harbour, Ltd",CORPORATION,RBN,KEN,INC_GROWTH,',
  'E-2,2024-06-16,0.50,CORPORATE,IN_KIND,P-1,"Harbour, Ltd",CORPORATION,RBN,,INC_GROWTH,',
].join('\r\n');

function csvFile(text: string, name = 'gifts.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

/** A request the page sent to the import: where, how, and the file it sent. */
interface SentImport {
  url: URL;
  init: RequestInit;
}

let sent: SentImport[];
let answers: Response[];
let downloads: { fileName: string; blob: Blob }[];

/** Answers the import requests with `answers`, in turn; records each. A request with no answer left never ends. */
function fakeImportFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  sent.push({ url: new URL(String(input), 'http://panorama.test'), init });
  const answer = answers.shift();
  return answer ? Promise.resolve(answer) : new Promise<Response>(() => {});
}

beforeEach(() => {
  sent = [];
  answers = [];
  downloads = [];
  vi.stubGlobal('fetch', vi.fn(fakeImportFetch));
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ fileName: this.download, blob });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function openImportPage(role: UserRole = 'REGIONAL', path = '/import') {
  // The page talks to /api/import with the global fetch; GraphQL is not asked.
  const graphqlFetch = vi.fn(async () => graphqlResponse({ data: {} }));
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider clientOptions={{ fetch: graphqlFetch }} initialUser={TEST_USERS[role]}>
        <ImportPage />
      </SessionProvider>
    </MemoryRouter>,
  );
}

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const counts = (inserted: number, updated = 0, unchanged = 0, rejected = 0) => ({
  inserted,
  updated,
  unchanged,
  rejected,
});

/** The figure a count of the answer shows, by its label. */
function countShown(label: string): string | null | undefined {
  const term = screen.getAllByText(label, { selector: 'dt' })[0];
  return term?.nextElementSibling?.textContent;
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByLabelText('Choose a file'), file);
}

describe('the import page', () => {
  it('tells a role that may not import so, and shows no form', () => {
    openImportPage('ANALYST');
    expect(screen.getByRole('heading', { level: 1, name: 'Import' })).toBeTruthy();
    expect(
      screen.getByText(/Your role \(Analyst\) cannot import data: administrators and regional teams do/),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Choose a file')).toBeNull();
  });

  it('shows the columns of the kind chosen, and tells a regional team its rows must be of its region', async () => {
    const user = userEvent.setup();
    openImportPage('REGIONAL');
    expect(screen.getByText(/you import rows of RBN only/)).toBeTruthy();
    const contributions = screen.getByRole('table', { name: /Columns of a file of contributions/ });
    expect(within(contributions).getByText('partner_ref')).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Targets' }));
    const targets = screen.getByRole('table', { name: /Columns of a file of targets/ });
    const quarter = within(targets).getByText('quarter').closest('tr');
    expect(quarter?.textContent).toContain('Optional');
    expect(within(targets).queryByText('partner_ref')).toBeNull();
  });

  it('previews the first rows of a chosen file, with its name, size and lines, and warns of a header that does not fit', async () => {
    const user = userEvent.setup();
    openImportPage('ADMIN');
    expect(screen.queryByText(/RBN only/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Check file' }) as HTMLButtonElement).disabled).toBe(true);

    await chooseFile(user, csvFile(GIFTS));
    expect(screen.getByText(`gifts.csv, ${GIFTS.length} bytes`)).toBeTruthy();
    const preview = await screen.findByRole('table', { name: /First rows of gifts\.csv/ });
    const rows = within(preview).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('2E-12024-06-15100.00');
    expect(within(preview).getAllByText('Harbour, Ltd')).toHaveLength(2);
    expect(screen.queryByText(/This header does not fit/)).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Partners' }));
    const warning = screen.getByText(/This header does not fit a file of partners/).closest('div');
    expect(warning?.textContent).toContain('missing: name, scope');
    expect(warning?.textContent).toContain('not expected: date, amount_usd');
  });

  it('reads only the start of a large file for its preview', async () => {
    const user = userEvent.setup();
    const slice = vi.spyOn(Blob.prototype, 'slice');
    const rows = Array.from(
      { length: 5000 },
      (_, at) => `E-${at},2024-06-15,${at}.00,CORPORATE,CASH,P-1,Harbour,CORPORATION,RBN,,INC_GROWTH,`,
    );
    const large = csvFile([HEADER, ...rows].join('\r\n'), 'large.csv');
    expect(large.size).toBeGreaterThan(300_000);
    openImportPage('ADMIN');
    await chooseFile(user, large);
    const preview = await screen.findByRole('table', { name: /First rows of large\.csv/ });
    expect(slice).toHaveBeenCalledWith(0, 64 * 1024);
    expect(within(preview).getAllByRole('row')).toHaveLength(11);
    expect(preview.textContent).toContain(
      'The first 10 rows, as the file gives them. The rows after them are checked with the rest.',
    );
    expect(screen.getByText(/^large\.csv, \d+(\.\d)? kB$/)).toBeTruthy();
  });

  it('takes a file dropped on the zone', async () => {
    openImportPage('ADMIN');
    const zone = screen.getByRole('group', { name: 'Drop a CSV file here' });
    fireEvent.drop(zone, { dataTransfer: { files: [csvFile(GIFTS, 'dropped.csv')], types: ['Files'] } });
    expect(await screen.findByRole('table', { name: /First rows of dropped\.csv/ })).toBeTruthy();
  });

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
