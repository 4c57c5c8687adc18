import { describe, expect, it } from 'vitest';
import { formatAmount, formatDuration, oneLine, parseSeedArguments, UsageError } from './command-line';
import { copyChunks } from './load-postgres';

describe('command line', () => {
  it('reads the seed options in both spellings', () => {
    expect(parseSeedArguments(['--contributions', '1_000_000', '--seed=7', '--reset'])).toEqual({
      contributions: 1_000_000,
      seed: 7,
      reset: true,
      help: false,
    });
    expect(parseSeedArguments(['--', '--contributions=5,000'])).toMatchObject({ contributions: 5_000, reset: false });
    expect(() => parseSeedArguments(['--contributions'])).toThrow(UsageError);
    expect(() => parseSeedArguments(['--contributions', 'many'])).toThrow(/whole number/);
    expect(() => parseSeedArguments(['--fast'])).toThrow(/unknown argument/);
  });

  it('prints durations, amounts and nested errors for people', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(21_340)).toBe('21.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatAmount('1234567.05')).toBe('1,234,567.05');
    expect(oneLine(new Error('Failed query: …', { cause: new Error('database "x"\ndoes not exist') }))).toBe(
      'database "x" does not exist',
    );
  });
});

describe('COPY text format', () => {
  it('escapes what COPY gives a meaning to and writes NULL as \\N', () => {
    const counter = { rows: 0 };
    const rows = [
      [1, 'plain', null],
      [2, 'tab\there, line\nthere, back\\slash\r', 'é ü'],
    ];
    const text = Buffer.concat([...copyChunks(rows, counter)]).toString('utf8');
    expect(text).toBe('1\tplain\t\\N\n2\ttab\\there, line\\nthere, back\\\\slash\\r\té ü\n');
    expect(counter.rows).toBe(2);
  });
});
