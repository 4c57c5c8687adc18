import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, neutralizeFormula, toCsv, UTF8_BOM } from './csv';

describe('csvField', () => {
  it('writes numbers as plain numbers, without separators or currency', () => {
    expect(csvField(1234567.89)).toBe('1234567.89');
    expect(csvField(0)).toBe('0');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('writes missing values as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('writes dates as ISO 8601: the day alone at midnight UTC', () => {
    expect(csvField(new Date(Date.UTC(2025, 2, 7)))).toBe('2025-03-07');
    expect(csvField(new Date('2025-03-07T10:15:00Z'))).toBe('2025-03-07T10:15:00.000Z');
    expect(csvField(new Date('not a date'))).toBe('');
    expect(csvField('2025-03-07')).toBe('2025-03-07');
  });

  it('writes booleans as true and false', () => {
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('The "Good" Foundation')).toBe('"The ""Good"" Foundation"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('line one\r\nline two')).toBe('"line one\r\nline two"');
    expect(csvField('plain text')).toBe('plain text');
  });

  it('keeps accents and other scripts as they are', () => {
    expect(csvField('Côte d’Ivoire')).toBe('Côte d’Ivoire');
    expect(csvField('مصر')).toBe('مصر');
  });
});

describe('formula injection', () => {
  it('prefixes text that a spreadsheet would run as a formula with a single quote', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('\tTabbed')).toBe("'\tTabbed");
    expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
  });

  it('quotes the prefixed text when it also needs quotes', () => {
    expect(csvField('\rcarriage')).toBe('"\'\rcarriage"');
    expect(csvField('=A1,B1')).toBe('"\'=A1,B1"');
    expect(csvField('=CONCAT("a","b")')).toBe('"\'=CONCAT(""a"",""b"")"');
  });

  it('leaves plain negative numbers alone, as numbers or as text', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('-.5')).toBe('-.5');
  });

  it('does not touch text where the sign is not first', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('user@example.org')).toBe('user@example.org');
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and ends every line with CRLF', () => {
    const csv = toCsv(['Name', 'Amount'], [['Acme', 10]]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}Name,Amount\r\nAcme,10\r\n`);
  });

  it('can leave the byte order mark out', () => {
    expect(toCsv(['a'], [[1]], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('writes a header row alone for no rows', () => {
    expect(toCsv(['Date', 'Amount'], [], { bom: false })).toBe('Date,Amount\r\n');
  });

  it('puts it all together', () => {
    const csv = toCsv(
      ['Partner', 'Date', 'Amount (USD)', 'Note'],
      [
        ['=cmd|"/C calc"!A0', new Date(Date.UTC(2024, 11, 31)), -12.5, 'said "thanks",\nthen left'],
        ['Zain Usman', '2025-01-02', 1250000, null],
      ],
      { bom: false },
    );
    expect(csv).toBe(
      'Partner,Date,Amount (USD),Note\r\n' +
        '"\'=cmd|""/C calc""!A0",2024-12-31,-12.5,"said ""thanks"",\nthen left"\r\n' +
        'Zain Usman,2025-01-02,1250000,\r\n',
    );
  });
});

describe('csvFileName', () => {
  it('makes a plain, lower-case file name ending in .csv', () => {
    expect(csvFileName('Partners 2025')).toBe('partners-2025.csv');
    expect(csvFileName('Régions — revenue.csv')).toBe('regions-revenue.csv');
    expect(csvFileName('***')).toBe('export.csv');
  });
});
