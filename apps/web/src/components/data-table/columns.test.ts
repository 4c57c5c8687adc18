import { describe, expect, it } from 'vitest';
import { cellClassName, dataColumns } from './columns';
import { exportableColumns, rowsToCsv, toCsvValue } from './table-csv';

interface Gift {
  id: string;
  date: string;
  partner: { name: string };
  amountUsd: number | null;
  stream: string;
  share: number | null;
}

const column = dataColumns<Gift>();
const columns = [
  column.date({ id: 'date', header: 'Date', value: (row) => row.date }),
  column.text({ id: 'partner', header: 'Partner', value: (row) => row.partner.name, rowHeader: true, wide: true }),
  column.usd({ id: 'amount', header: 'Amount', csvHeader: 'Amount (USD)', value: (row) => row.amountUsd }),
  column.enumeration({ id: 'stream', header: 'Stream', value: (row) => row.stream }),
  column.percent({ id: 'share', header: 'Share', value: (row) => row.share, csvOnly: true }),
  column.display({ id: 'open', header: 'Open', cell: () => 'Open' }),
];

const gifts: Gift[] = [
  { id: '1', date: '2025-03-07', partner: { name: '=HYPERLINK("x")' }, amountUsd: -12.5, stream: 'HNWI', share: 0.25 },
  { id: '2', date: '2025-03-08', partner: { name: 'Acme, Inc.' }, amountUsd: null, stream: 'CORPORATE', share: null },
];

describe('dataColumns', () => {
  it('keeps raw values for sorting and export, missing ones as undefined', () => {
    const amount = columns[2] as { accessorFn: (row: Gift, index: number) => unknown };
    expect(amount.accessorFn(gifts[0] as Gift, 0)).toBe(-12.5);
    expect(amount.accessorFn(gifts[1] as Gift, 1)).toBeUndefined();
  });

  it('marks figures numeric, sorted largest first, missing values last', () => {
    const amount = columns[2];
    expect(amount?.meta).toMatchObject({ numeric: true, csvHeader: 'Amount (USD)' });
    expect(amount).toMatchObject({ sortDescFirst: true, sortUndefined: 'last', sortFn: 'basic' });
    expect(columns[0]).toMatchObject({ sortDescFirst: false, sortFn: 'text', meta: { nowrap: true } });
  });

  it('turns sorting off on request and for display columns', () => {
    expect(column.text({ id: 'x', header: 'X', value: () => 'x', sortable: false }).enableSorting).toBe(false);
    expect(columns[5]).toMatchObject({ enableSorting: false, meta: { csv: false } });
  });
});

describe('cellClassName', () => {
  it('joins the classes a column asks for', () => {
    expect(cellClassName({ numeric: true })).toBe('numeric');
    expect(cellClassName({ nowrap: true, wide: true })).toBe('nowrap wide');
    expect(cellClassName({})).toBeUndefined();
    expect(cellClassName(undefined)).toBeUndefined();
  });
});

describe('CSV of a table', () => {
  it('writes every column with a value, CSV-only ones included, display columns left out', () => {
    expect(exportableColumns(columns).map((exported) => exported.header)).toEqual([
      'Date',
      'Partner',
      'Amount (USD)',
      'Stream',
      'Share',
    ]);
  });

  it('writes values, not what the cells show, guarded and quoted', () => {
    const csv = rowsToCsv(columns, gifts);
    expect(csv).toBe(
      '\uFEFFDate,Partner,Amount (USD),Stream,Share\r\n' +
        '2025-03-07,"\'=HYPERLINK(""x"")",-12.5,HNWI,0.25\r\n' +
        '2025-03-08,"Acme, Inc.",,CORPORATE,\r\n',
    );
  });

  it('reads accessor keys, dotted paths included', () => {
    const byKey = [{ accessorKey: 'partner.name', header: 'Name' }] as unknown as typeof columns;
    expect(rowsToCsv(byKey, gifts)).toContain('Name\r\n"\'=HYPERLINK(""x"")"\r\n"Acme, Inc."');
  });

  it('keeps only what CSV can hold', () => {
    expect(toCsvValue(3)).toBe(3);
    expect(toCsvValue('a')).toBe('a');
    expect(toCsvValue(true)).toBe(true);
    expect(toCsvValue(10n)).toBe('10');
    expect(toCsvValue({ a: 1 })).toBeNull();
    expect(toCsvValue(undefined)).toBeNull();
  });
});
