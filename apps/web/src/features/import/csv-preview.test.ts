import { describe, expect, it } from 'vitest';
import { parseCsvPreview } from './csv-preview';
import { checkHeader } from './import-formats';
import { importUrl, readImportResult } from './import-request';

describe('parseCsvPreview', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text =
      '\uFEFFexternal_ref,partner_name,note\r\n' +
      'C-1,"Harbour, Ltd","said ""hello"""\r\n' +
      'C-2,Plain,"two\r\nlines"\r\n' +
      'C-3,,last\r\n';
    expect(parseCsvPreview(text)).toEqual({
      header: ['external_ref', 'partner_name', 'note'],
      rows: [
        { line: 2, fields: ['C-1', 'Harbour, Ltd', 'said "hello"'] },
        { line: 3, fields: ['C-2', 'Plain', 'two\r\nlines'] },
        { line: 5, fields: ['C-3', '', 'last'] },
      ],
      more: false,
    });
  });

  it('takes LF and lone CR as line ends, skips blank lines and keeps a last line without a line end', () => {
    expect(parseCsvPreview('a,b\n1,2\n\n3,4\r5,6')).toEqual({
      header: ['a', 'b'],
      rows: [
        { line: 2, fields: ['1', '2'] },
        { line: 4, fields: ['3', '4'] },
        { line: 5, fields: ['5', '6'] },
      ],
      more: false,
    });
  });

  it('keeps the first rows only, and says there are more', () => {
    const text = `n\n${Array.from({ length: 25 }, (_, at) => `${at + 1}\n`).join('')}`;
    const preview = parseCsvPreview(text, { maxRows: 10 });
    expect(preview.rows.map((row) => row.fields[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(preview.rows.at(-1)?.line).toBe(11);
    expect(preview.more).toBe(true);
    // Exactly as many rows as shown, then blank lines: nothing more.
    expect(parseCsvPreview('n\n1\n2\n\r\n', { maxRows: 2 }).more).toBe(false);
  });

  it('drops the last record of a cut text, which may be cut in the middle', () => {
    const preview = parseCsvPreview('a,b\n1,2\n3,"unfinish', { complete: false });
    expect(preview.rows).toEqual([{ line: 2, fields: ['1', '2'] }]);
    expect(preview.more).toBe(true);
  });

  it('reads an empty file as no header and no rows', () => {
    expect(parseCsvPreview('')).toEqual({ header: [], rows: [], more: false });
    expect(parseCsvPreview('\uFEFF')).toEqual({ header: [], rows: [], more: false });
  });
});

describe('checkHeader', () => {
  it('takes names in any order and case, and names the missing and unknown ones', () => {
    expect(checkHeader('targets', [' VALUE', 'year', 'scope', 'metric_code'])).toEqual({ missing: [], unknown: [] });
    expect(checkHeader('targets', ['metric_code', 'scope', 'year', 'amount', ''])).toEqual({
      missing: ['value'],
      unknown: ['amount', '""'],
    });
  });
});

describe('the import request', () => {
  it('names the file, the option and the dry run in the address', () => {
    const file = new File(['a'], 'gifts 2025 & co.csv');
    expect(importUrl({ kind: 'impact', file, skipInvalid: true, dryRun: false })).toBe(
      '/api/import/impact?name=gifts+2025+%26+co.csv&skipInvalid=true&dryRun=false',
    );
  });

  it('reads a result, and nothing else, from a JSON body', () => {
    expect(
      readImportResult({
        status: 'CHECKED',
        counts: { inserted: 2, updated: 1, unchanged: 0, rejected: 1 },
        partnersCreated: 1,
        problems: [{ line: 3, column: 'date', value: '2025-02-30', reason: 'is not a day' }],
        problemCount: 1,
        rejectedCsv: 'a,problem\r\n',
      }),
    ).toEqual({
      status: 'CHECKED',
      counts: { inserted: 2, updated: 1, unchanged: 0, rejected: 1 },
      partnersCreated: 1,
      problems: [{ line: 3, column: 'date', value: '2025-02-30', reason: 'is not a day' }],
      problemCount: 1,
      rejectedCsv: 'a,problem\r\n',
    });
    expect(readImportResult({ error: 'Sign in first' })).toBeNull();
    expect(readImportResult('<html>')).toBeNull();
  });
});
