import { describe, expect, it } from 'vitest';
import { type CsvRecord, EMPTY_FILE, readCsv } from './csv';
import { ImportError } from './problems';
import { chunked, cutAt, utf8 } from './test-helpers';
import { NOT_UTF8 } from './utf8';

async function read(source: AsyncIterable<Uint8Array>, maxRecordChars?: number): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsv(source, maxRecordChars ? { maxRecordChars } : {})) records.push(record);
  return records;
}

async function failure(source: AsyncIterable<Uint8Array>): Promise<{ line: number; reason: string }> {
  try {
    await read(source);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const [problem] = error.problems;
    return { line: problem?.line ?? 0, reason: problem?.reason ?? '' };
  }
  throw new Error('expected an ImportError');
}

describe('readCsv', () => {
  it('reads fields, quoted commas, quotes and line breaks, with the line each record starts on', async () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",z\r\n3,,\r\n';
    expect(await read(cutAt(utf8(text)))).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\r\nlines', 'z'] },
      { line: 5, fields: ['3', '', ''] },
    ]);
  });

  it('drops a BOM, accepts LF and a last line without a line break, skips blank lines', async () => {
    const text = '\uFEFFa,b\n\n1,2\n"",x\n3,4';
    expect(await read(cutAt(utf8(text)))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 4, fields: ['', 'x'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  it('gives the same records however the bytes are cut (inside a UTF-8 character, a "" or a CRLF)', async () => {
    const text = '\uFEFFname,note\r\n"Crème ""brûlée""","a,b\r\nc"\r\n日本,€😀\r\n"end"';
    const bytes = utf8(text);
    const whole = await read(cutAt(bytes));
    expect(whole).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Crème "brûlée"', 'a,b\r\nc'] },
      { line: 4, fields: ['日本', '€😀'] },
      { line: 5, fields: ['end'] },
    ]);
    for (let a = 1; a < bytes.length; a++) {
      expect(await read(cutAt(bytes, a))).toEqual(whole);
      for (let b = a + 1; b < bytes.length; b += 3) expect(await read(cutAt(bytes, a, b))).toEqual(whole);
    }
    expect(await read(chunked(bytes, 1))).toEqual(whole);
  });

  it('refuses an empty file, a BOM alone and blank lines alone', async () => {
    for (const text of ['', '\uFEFF', '\r\n\n']) {
      expect(await failure(cutAt(utf8(text)))).toEqual({ line: 1, reason: EMPTY_FILE });
    }
  });

  it('refuses Latin-1 bytes, naming their line, however the bytes are cut', async () => {
    const latin1 = Uint8Array.from(Buffer.from('a,b\n1,2\n"x\ny",caf\xe9\n', 'latin1'));
    for (let cut = 1; cut < latin1.length; cut++) {
      expect(await failure(cutAt(latin1, cut))).toEqual({ line: 4, reason: NOT_UTF8 });
    }
    // A multi-byte character cut short by the end of the file.
    expect(await failure(cutAt(utf8('a\n€').subarray(0, 4)))).toEqual({ line: 2, reason: NOT_UTF8 });
    // Windows-1252 curly quote on line 2.
    expect(await failure(cutAt(Uint8Array.from([0x61, 0x0a, 0x93, 0x62, 0x94])))).toEqual({
      line: 2,
      reason: NOT_UTF8,
    });
  });

  it('refuses a quote left open, naming the line the field starts on', async () => {
    expect(await failure(cutAt(utf8('a,b\n1,"open\n2,3\n4,5\n')))).toEqual({
      line: 2,
      reason: 'a quoted field starting on line 2 is never closed',
    });
  });

  it('refuses stray quotes', async () => {
    expect((await failure(cutAt(utf8('a,b\n1,x"y\n')))).line).toBe(2);
    expect((await failure(cutAt(utf8('a,b\n1,"x"y\n')))).line).toBe(2);
  });

  it('refuses a record longer than the limit, naming its line', async () => {
    const long = `a\nshort\n"${'x'.repeat(2000)}"\n`;
    await expect(read(chunked(utf8(long), 100), 1000)).rejects.toThrow(/line 3.*longer than 1000 characters/);
  });
});
