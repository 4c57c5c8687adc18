// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { chooseFile, csvFile, fakeImportRequests, GIFTS, HEADER, openImportPage } from './import-page-test-render';

/** The import page's form: who may import, the columns of each kind, and the preview of a file chosen or dropped. */

fakeImportRequests();

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
});
