import { ImportError } from './problems';
import { decodeUtf8 } from './utf8';

/** One CSV record: its fields and the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvOptions {
  /** Longest record (all its fields together), in characters; a longer one is an error. Default 1 MiB. */
  maxRecordChars?: number;
}

/** The default {@link CsvOptions.maxRecordChars}: 1 MiB characters. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** The decoded text is parsed in slices of at most this many characters, to bound each batch. */
const SLICE_CHARS = 64 * 1024;

/** The reason given for a file with no header row. */
export const EMPTY_FILE = 'the file is empty: expected a header row naming the columns, then one row per record';

/**
 * Reads an RFC 4180 CSV byte stream (a Node readable, a web stream, any async iterable of
 * bytes) record by record, in bounded memory whatever the file size.
 *
 * Comma-separated; fields may be double-quoted, with `""` for a quote and commas and line
 * breaks inside; CRLF, LF (and a lone CR) end records; a UTF-8 byte-order mark is dropped; the
 * last record may lack a line break; blank lines are skipped. The text must be UTF-8.
 *
 * Throws an {@link ImportError} naming the line for a file that is empty, not UTF-8, has a
 * quote left open at its end, a stray quote, or a record longer than `maxRecordChars`.
 */
export async function* readCsv(source: AsyncIterable<Uint8Array>, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options.maxRecordChars ?? MAX_RECORD_CHARS);
  let first = true;
  for await (let text of decodeUtf8(source)) {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let start = 0; start < text.length; start += SLICE_CHARS) {
      yield* parser.push(text.slice(start, start + SLICE_CHARS));
    }
  }
  yield* parser.end();
  if (parser.records === 0) throw new ImportError([{ line: 1, column: null, value: null, reason: EMPTY_FILE }]);
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

enum State {
  /** At the start of a field. */
  FieldStart = 0,
  /** Inside an unquoted field. */
  Unquoted = 1,
  /** Inside a quoted field. */
  Quoted = 2,
  /** Just after a quote inside a quoted field: either `""` or the closing quote. */
  QuoteInQuoted = 3,
  /** Just after a CR that ended a record: a LF here belongs to it. */
  AfterCr = 4,
}

/** The CSV state machine, fed text slice by slice; it returns the records each slice completes. */
class CsvParser {
  records = 0;
  private state: State = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private recordQuoted = false;

  constructor(private readonly maxRecordChars: number) {}

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.state === State.AfterCr) {
        this.state = State.FieldStart;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.state === State.Quoted) {
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? n : quote;
        this.append(text, i, end);
        this.line += countLineFeeds(text, i, end);
        if (quote === -1) break;
        this.state = State.QuoteInQuoted;
        i = quote + 1;
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          this.append(text, i, i + 1);
          this.state = State.Quoted;
          i++;
          continue;
        }
        if (c === COMMA || c === LF || c === CR) {
          i = this.delimiter(c, i, out);
          continue;
        }
        throw this.error(
          this.line,
          'unexpected character after a closing quote: a quoted field must end at a comma or a line break (write a quote inside quotes as "")',
        );
      }
      // FieldStart or Unquoted.
      if (this.state === State.FieldStart && c === QUOTE) {
        this.state = State.Quoted;
        this.recordQuoted = true;
        this.quoteLine = this.line;
        i++;
        continue;
      }
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      this.append(text, i, j);
      this.state = State.Unquoted;
      if (j === n) break;
      const d = text.charCodeAt(j);
      if (d === QUOTE) {
        throw this.error(
          this.line,
          'a quote (") inside a field that does not start with one: enclose the field in quotes and double the quote ("")',
        );
      }
      i = this.delimiter(d, j, out);
    }
    return out;
  }

  /** Ends the input: the last record may lack its line break; an open quote is an error. */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) {
      throw this.error(this.quoteLine, `a quoted field starting on line ${this.quoteLine} is never closed`);
    }
    const out: CsvRecord[] = [];
    if (this.state === State.Unquoted || this.state === State.QuoteInQuoted || this.fields.length > 0) {
      this.endRecord(out);
    }
    return out;
  }

  /** Handles a comma, CR or LF at `at` outside quotes; returns where to continue. */
  private delimiter(c: number, at: number, out: CsvRecord[]): number {
    if (c === COMMA) {
      this.fields.push(this.field);
      this.field = '';
      this.state = State.FieldStart;
      return at + 1;
    }
    this.endRecord(out);
    this.line++;
    this.recordLine = this.line;
    this.state = c === CR ? State.AfterCr : State.FieldStart;
    return at + 1;
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.field === '' && !this.recordQuoted;
    if (!blank) {
      out.push({ line: this.recordLine, fields: this.fields });
      this.records++;
    }
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.recordQuoted = false;
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.recordChars += to - from;
    if (this.recordChars > this.maxRecordChars) {
      throw this.error(
        this.recordLine,
        `the record starting on line ${this.recordLine} is longer than ${this.maxRecordChars} characters (is a quote left open?)`,
      );
    }
    this.field += text.slice(from, to);
  }

  private error(line: number, reason: string): ImportError {
    return new ImportError([{ line, column: null, value: null, reason }]);
  }
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at < to) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}
