// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataColumns } from './columns';
import { DataTable, type DataTableProps } from './data-table';

interface Gift {
  id: string;
  date: string;
  partner: string;
  partnerType: string;
  amountUsd: number | null;
  note: string | null;
  externalRef: string;
}

const column = dataColumns<Gift>();
const columns = [
  column.date({ id: 'date', header: 'Date', value: (row) => row.date }),
  column.text({ id: 'partner', header: 'Partner', value: (row) => row.partner, rowHeader: true }),
  column.enumeration({ id: 'partnerType', header: 'Type', value: (row) => row.partnerType }),
  column.usd({ id: 'amountUsd', header: 'Amount', csvHeader: 'Amount (USD)', value: (row) => row.amountUsd }),
  column.text({ id: 'note', header: 'Note', value: (row) => row.note }),
  column.text({ id: 'externalRef', header: 'Reference', value: (row) => row.externalRef, csvOnly: true }),
  column.display({ id: 'actions', header: 'Actions', cell: (row) => <button type="button">Open {row.id}</button> }),
];

const gifts: Gift[] = [
  {
    id: 'g1',
    date: '2025-03-07',
    partner: 'The "Good" Foundation, Inc.',
    partnerType: 'FOUNDATION',
    amountUsd: 1_234_567.89,
    note: 'line one\nline two',
    externalRef: 'C-001',
  },
  {
    id: 'g2',
    date: '2025-01-15',
    partner: '=HYPERLINK("http://evil.example","click")',
    partnerType: 'CORPORATION',
    amountUsd: -12.5,
    note: '+1 555 0100',
    externalRef: '-2+3',
  },
  {
    id: 'g3',
    date: '2024-12-31',
    partner: '@SUM(A1:A9)',
    partnerType: 'GIVING_CHANNEL',
    amountUsd: null,
    note: '-12.5',
    externalRef: 'C-003',
  },
  {
    id: 'g4',
    date: '2025-06-30',
    partner: 'Zain Usman',
    partnerType: 'HNWI',
    amountUsd: 0,
    note: null,
    externalRef: 'C-004',
  },
];

const HEADER = 'Date,Partner,Type,Amount (USD),Note,Reference';
/** Each gift's CSV line: raw values, quoted where needed, formulas neutralised, negative numbers kept. */
const CSV_LINES: Record<string, string> = {
  g1: '2025-03-07,"The ""Good"" Foundation, Inc.",FOUNDATION,1234567.89,"line one\nline two",C-001',
  g2: `2025-01-15,"'=HYPERLINK(""http://evil.example"",""click"")",CORPORATION,-12.5,'+1 555 0100,'-2+3`,
  g3: "2024-12-31,'@SUM(A1:A9),GIVING_CHANNEL,,-12.5,C-003",
  g4: '2025-06-30,Zain Usman,HNWI,0,,C-004',
};

interface Download {
  fileName: string;
  type: string;
  /** The file's bytes decoded as UTF-8, the byte order mark kept. */
  text: string;
  bytes: Uint8Array;
}

let blobs: Map<string, Blob>;
let downloads: Download[];

/** Reads a Blob as jsdom can (its Blob has no arrayBuffer()). */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

beforeEach(() => {
  blobs = new Map();
  downloads = [];
  // The download helper makes a blob: URL and clicks a link to it: keep the blob, record the click.
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) throw new Error(`A link to ${this.href} was clicked, not to a CSV blob`);
    downloads.push({ fileName: this.download, type: blob.type, text: '', bytes: new Uint8Array() });
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderTable(props: Partial<DataTableProps<Gift>> = {}) {
  render(
    <DataTable
      caption="Gifts"
      columns={columns}
      data={gifts}
      getRowId={(row) => row.id}
      csvFileName="Gifts 2025"
      {...props}
    />,
  );
}

/** Clicks "Export CSV", waits for the export to finish, and returns the file it offered. */
async function exportCsv(user: ReturnType<typeof userEvent.setup>, rowCount: number): Promise<Download> {
  await user.click(screen.getByRole('button', { name: 'Export CSV' }));
  await screen.findByText(`Exported ${rowCount} rows.`);
  expect(downloads).toHaveLength(1);
  const [blob] = [...blobs.values()];
  const download = downloads[0];
  if (!blob || !download) throw new Error('No file was downloaded');
  const bytes = await readBytes(blob);
  return { ...download, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** The rendered body rows, as their cells read on screen (row header first). */
function shownRows(): string[][] {
  const table = screen.getByRole('table', { name: 'Gifts' });
  const rows = within(table).getAllByRole('row').slice(1);
  return rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

/** The gift IDs in the order the table shows them (by their row header, the partner). */
function shownOrder(): string[] {
  return shownRows().map((cells) => {
    const gift = gifts.find((each) => each.partner === cells[1]);
    if (!gift) throw new Error(`Row ${cells.join(' | ')} is no gift`);
    return gift.id;
  });
}

describe('CSV export of a client-side DataTable', () => {
  it('downloads the rows shown, in their order, as values (not formatted text), with a BOM', async () => {
    const user = userEvent.setup();
    renderTable({ initialSorting: [{ id: 'amountUsd', desc: true }] });

    // What the table shows: formatted for people, missing amounts last.
    expect(shownRows()).toEqual([
      ['Mar 7, 2025', 'The "Good" Foundation, Inc.', 'Foundation', '$1,234,567.89', 'line one\nline two', 'Open g1'],
      ['Jun 30, 2025', 'Zain Usman', 'HNWI', '$0.00', '—', 'Open g4'],
      ['Jan 15, 2025', '=HYPERLINK("http://evil.example","click")', 'Corporation', '-$12.50', '+1 555 0100', 'Open g2'],
      ['Dec 31, 2024', '@SUM(A1:A9)', 'Giving channel', '—', '-12.5', 'Open g3'],
    ]);

    const download = await exportCsv(user, 4);
    expect(download.fileName).toBe('gifts-2025.csv');
    expect(download.type).toBe('text/csv;charset=utf-8');
    expect([...download.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(download.text).toBe(`\uFEFF${[HEADER, ...shownOrder().map((id) => CSV_LINES[id])].join('\r\n')}\r\n`);
    expect(shownOrder()).toEqual(['g1', 'g4', 'g2', 'g3']);
  });

  it('escapes quotes, commas and line breaks (RFC 4180)', async () => {
    const user = userEvent.setup();
    renderTable();
    const { text } = await exportCsv(user, 4);
    expect(text).toContain('"The ""Good"" Foundation, Inc."');
    expect(text).toContain('"line one\nline two"');
    // Every record ends with CRLF; the line break inside a quoted field stays a bare LF.
    expect(text.split('\r\n')).toHaveLength(gifts.length + 2);
  });

  it('neutralises formulas in text, and keeps negative numbers as numbers', async () => {
    const user = userEvent.setup();
    renderTable();
    const records = (await exportCsv(user, 4)).text.slice(1).split('\r\n');
    const byId = (id: string) => records.find((record) => record === CSV_LINES[id]);
    for (const formula of ['=HYPERLINK', '+1 555', '-2+3', '@SUM']) {
      // Nowhere does a field start with the formula itself: always with the neutralising quote.
      expect(records.join('\n')).not.toMatch(new RegExp(`(^|,|")${formula.replace(/[+()]/g, '\\$&')}`, 'm'));
      expect(records.join('\n')).toContain(`'${formula}`);
    }
    // A refund is a number, -12.5; text that is a plain negative number is left alone too.
    expect(byId('g2')).toMatch(/^2025-01-15,.*,CORPORATION,-12\.5,/);
    expect(byId('g3')).toMatch(/,GIVING_CHANNEL,,-12\.5,C-003$/);
  });

  it('follows the order chosen on screen', async () => {
    const user = userEvent.setup();
    renderTable({ initialSorting: [{ id: 'amountUsd', desc: true }] });
    await user.click(screen.getByRole('button', { name: /^Date/ }));
    const order = shownOrder();
    expect(order).not.toEqual(['g1', 'g4', 'g2', 'g3']);
    const { text } = await exportCsv(user, 4);
    expect(text).toBe(`\uFEFF${[HEADER, ...order.map((id) => CSV_LINES[id])].join('\r\n')}\r\n`);
  });

  it('exports every row of a paged table, in the order shown', async () => {
    const user = userEvent.setup();
    renderTable({ pageSize: 2, initialSorting: [{ id: 'date', desc: false }] });
    expect(shownOrder()).toEqual(['g3', 'g2']);
    const { text } = await exportCsv(user, 4);
    expect(text).toBe(`\uFEFF${[HEADER, ...['g3', 'g2', 'g1', 'g4'].map((id) => CSV_LINES[id])].join('\r\n')}\r\n`);
  });
});
