import type { CsvRecord } from './csv';
import type { Header } from './formats';
import type { Problem } from './problems';
import type { Parsed } from './values';

/** An export's guard before a value a spreadsheet would run as a formula (see `csvCell`). */
const FORMULA_GUARD = /^'[=+\-@]/;

/** The problems of one record, and helpers reading its trimmed values. */
export class RowContext {
  readonly problems: Problem[] = [];

  constructor(
    private readonly header: Header,
    readonly record: CsvRecord,
  ) {}

  /**
   * The trimmed value of a column ('' when the column is absent or the cell empty). A leading `'`
   * before `=`, `+`, `-` or `@` is dropped: it is the guard Panorama's exports put before such a
   * value so that a spreadsheet does not run it as a formula, and an export re-imports unchanged.
   */
  text(column: string): string {
    const at = this.header.index.get(column);
    const value = at === undefined ? '' : (this.record.fields[at] ?? '').trim();
    return FORMULA_GUARD.test(value) ? value.slice(1) : value;
  }

  problem(column: string | null, value: string | null, reason: string, line = this.record.line): void {
    this.problems.push({ line, column, value, reason });
  }

  /** A value that must be there; null (and a problem) when it is empty. */
  required(column: string): string | null {
    const value = this.text(column);
    if (value === '') {
      this.problem(column, '', 'is required: the cell is empty');
      return null;
    }
    return value;
  }

  /** Parses a required value; null (and a problem) when it is empty or refused. */
  parse<T>(column: string, parse: (text: string) => Parsed<T>): T | null {
    const text = this.required(column);
    if (text === null) return null;
    return this.accept(column, text, parse(text));
  }

  accept<T>(column: string, text: string, parsed: Parsed<T>): T | null {
    if (parsed.ok) return parsed.value;
    this.problem(column, text, parsed.reason);
    return null;
  }

  /** A required code from a set of known codes, upper-cased. */
  code(column: string, known: ReadonlySet<string>, what: string, listKnown: boolean): string | null {
    const text = this.required(column);
    return text === null ? null : this.knownCode(column, text, known, what, listKnown);
  }

  /** An optional code: null when empty. */
  optionalCode(column: string, known: ReadonlySet<string>, what: string): string | null {
    const text = this.text(column);
    return text === '' ? null : this.knownCode(column, text, known, what, false);
  }

  private knownCode(
    column: string,
    text: string,
    known: ReadonlySet<string>,
    what: string,
    listKnown: boolean,
  ): string | null {
    const code = text.toUpperCase();
    if (known.has(code)) return code;
    this.problem(column, text, `unknown ${what}${listKnown ? `: must be one of ${[...known].sort().join(', ')}` : ''}`);
    return null;
  }
}
