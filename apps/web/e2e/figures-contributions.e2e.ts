import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { formatDate, formatRowRange } from '../src/components/data-table/cell-format';
import { formatUsd } from '../src/components/format/number';
import { expectPagesKeptPrivate, figuresBrowser, POLL } from './figures';

/**
 * The contributions the dashboard lists and exports are the API's: the test asks /graphql the
 * question the page asks (the same query, the same variables), formats the answer with the
 * dashboard's own formatters and compares it with what the browser shows and the CSV it exports.
 * Every wait is for data, never for time.
 */

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { opened, openPage, graphql } = figuresBrowser(origin, ADMIN);

/** The contributions table's rows as shown: date, reference, amount and office badge, in order. */
function readContributionRows() {
  const table = [...document.querySelectorAll<HTMLTableElement>('table.data-table')].find(
    (each) => each.caption?.textContent === 'Contributions',
  );
  if (!table || table.getAttribute('aria-busy') === 'true') return null;
  const headers = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/[▲▼↕]/g, ''));
  const column = (name: string) => headers.indexOf(name);
  return [...table.querySelectorAll('tbody tr')].map((row) => {
    const cells = [...row.querySelectorAll('th, td')];
    return {
      date: cells[column('Date')]?.textContent ?? '',
      ref: cells[column('Reference')]?.textContent ?? '',
      amount: cells[column('Amount')]?.textContent ?? '',
      region: cells[column('Office')]?.querySelector('.badge')?.textContent ?? '',
    };
  });
}

/** The text of the pagination's range ("1–50 of 1,058"), or null. */
function readRowRange() {
  return document.querySelector('.data-table-pagination__range')?.textContent ?? null;
}

/** Parses CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) into records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

interface ContributionPage {
  contributions: {
    totalCount: number;
    nodes: { externalRef: string; date: string; amountUsd: number; region: { code: string } }[];
  };
}

describe('the contributions page', () => {
  it('filters by region through the URL, and exports exactly the rows it lists', async () => {
    const page = await openPage('/contributions');
    await expect.poll(() => page.evaluate(readRowRange), POLL).toMatch(/^1–50 of [\d,]+$/);

    await page.getByLabel('Region', { exact: true }).selectOption('RBN');
    await page.waitForURL((url) => url.pathname === '/contributions' && url.searchParams.get('region') === 'RBN');

    // The page's own question, for its first page: 2025, RBN, newest first, 50 rows.
    const { contributions } = await graphql<ContributionPage>(
      `query Page($filter: ContributionFilter, $orderBy: ContributionOrder) {
        contributions(first: 50, filter: $filter, orderBy: $orderBy) {
          totalCount
          nodes { externalRef date amountUsd region { code } }
        }
      }`,
      {
        filter: { dateFrom: '2025-01-01', dateTo: '2025-12-31', regionCodes: ['RBN'] },
        orderBy: { field: 'DATE', direction: 'DESC' },
      },
    );
    const { totalCount, nodes } = contributions;
    const first = nodes[0];
    if (!first) throw new Error('RBN raised nothing in 2025');
    expect(totalCount).toBeGreaterThan(nodes.length);

    await expect
      .poll(async () => (await page.evaluate(readContributionRows))?.map((row) => row.ref), POLL)
      .toEqual(nodes.map((node) => node.externalRef));
    const shown = (await page.evaluate(readContributionRows)) ?? [];
    expect(shown[0]).toEqual({
      date: formatDate(first.date),
      ref: first.externalRef,
      amount: formatUsd(first.amountUsd),
      region: 'RBN',
    });
    expect(shown.every((row) => row.region === 'RBN')).toBe(true);
    expect(await page.evaluate(readRowRange)).toBe(formatRowRange(0, 50, totalCount, 50));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contributions-2025-01-01-to-2025-12-31.csv');
    const raw = await readFile(await download.path(), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(raw.slice(1));
    expect(header).toEqual([
      'Date',
      'Reference',
      'Partner',
      'Amount (USD)',
      'Stream',
      'Kind',
      'Region',
      'Country',
      'Objective',
      'Partnership',
    ]);
    const field = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1];

    // Every row of the list (all its pages), the page's rows first and in its order, as plain values.
    expect(rows).toHaveLength(totalCount);
    expect(rows.slice(0, shown.length).map((row) => field(row, 'Reference'))).toEqual(shown.map((row) => row.ref));
    expect(rows.every((row) => field(row, 'Region') === 'RBN')).toBe(true);
    expect({
      date: field(rows[0], 'Date'),
      ref: field(rows[0], 'Reference'),
      amount: field(rows[0], 'Amount (USD)'),
      region: field(rows[0], 'Region'),
    }).toEqual({ date: first.date, ref: first.externalRef, amount: String(first.amountUsd), region: 'RBN' });
    expect(rows.every((row) => /^-?\d+(\.\d+)?$/.test(field(row, 'Amount (USD)') ?? ''))).toBe(true);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(field(row, 'Date') ?? ''))).toBe(true);
    await page.getByText(`Exported ${totalCount.toLocaleString('en-US')} rows.`).waitFor();
  });
});

describe('privacy', () => {
  it('asked nothing of another origin on any page above, and logged no console error', () => {
    expectPagesKeptPrivate(opened, origin, 1);
  });
});
