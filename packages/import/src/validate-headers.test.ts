import { describe, expect, it } from 'vitest';
import { FORMATS } from './formats';
import { problemsOf, validate } from './validate.kit';

/** Validating a file's header row: its columns in any order and case, and the problems of a header. */

describe('headers', () => {
  it('accepts a header-only file (zero rows) in any order and case', async () => {
    const report = await validate('targets', 'VALUE, Year ,scope,metric_code\r\n');
    expect(report).toEqual({
      header: ['VALUE', ' Year ', 'scope', 'metric_code'],
      rows: [],
      rejected: [],
      problems: [],
    });
  });

  it('lists missing, unknown and duplicated columns, and the expected ones', async () => {
    const problems = await problemsOf('targets', 'metric_code,Scope,scope,amount,value\n1,2,3,4,5\n');
    const expected = 'expected the columns of a targets file: metric_code, scope, year, quarter (optional), value';
    expect(problems).toEqual([
      { line: 1, column: null, reason: `missing column: year; ${expected}` },
      { line: 1, column: null, reason: `unknown column: amount; ${expected}` },
      { line: 1, column: null, reason: `column given more than once: scope; ${expected}` },
    ]);
  });

  it('sums up thousands of junk columns', async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => `junk${i}`);
    const problems = await problemsOf('partners', [...FORMATS.partners.map((c) => c.name), ...junk].join(','));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(/^unknown 5000 columns: junk0, junk1, .*junk19 … and 4980 more; expected/);
  });

  it('refuses an empty file and a non-UTF-8 one with a file-level problem', async () => {
    expect(await problemsOf('impact', '')).toEqual([
      {
        line: 1,
        column: null,
        reason: 'the file is empty: expected a header row naming the columns, then one row per record',
      },
    ]);
  });
});
