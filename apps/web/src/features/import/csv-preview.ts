/**
 * A small RFC 4180 reader for the preview of a file before it is sent: quoted fields (with
 * doubled quotes, commas and line breaks inside), CRLF, LF or CR line ends, and a UTF-8 byte
 * order mark. Only the preview uses it; the server reads and checks the whole file.
 */

/** How much of a file the preview reads. */
export const PREVIEW_BYTES = 64 * 1024;

/** How many data rows the preview shows. */
export const PREVIEW_ROWS = 10;

/** One record of the file: its fields, and the line it starts on (the header is line 1). */
export interface PreviewRecord {
  line: number;
  fields: string[];
}

export interface CsvPreview {
  /** The header's fields; empty for an empty file. */
  header: string[];
  /** The first data records, at most the number asked for. */
  rows: PreviewRecord[];
  /** True when the file holds more than the rows shown (or more than was read). */
  more: boolean;
}

export interface PreviewOptions {
  /** Data rows to keep. Default {@link PREVIEW_ROWS}. */
  maxRows?: number;
  /**
   * False when `text` is only the start of the file: its last record, maybe cut, is dropped,
   * and `more` is true. Default true.
   */
  complete?: boolean;
}

/** Reads the records of `text` up to `maxRows` data rows after the header. */
export function parseCsvPreview(
  text: string,
  { maxRows = PREVIEW_ROWS, complete = true }: PreviewOptions = {},
): CsvPreview {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: PreviewRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let ended = true; // At the start of a record: nothing read since the last line end.
  let more = !complete;

  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    ended = true;
  };

  let at = 0;
  while (at < source.length) {
    if (records.length > maxRows) {
      // Header and rows read: is there another record after them (not just blank lines)?
      more ||= /[^\r\n]/.test(source.slice(at));
      break;
    }
    const char = source[at] as string;
    if (ended) {
      recordLine = line;
      ended = false;
    }
    if (quoted) {
      if (char === '"') {
        if (source[at + 1] === '"') {
          field += '"';
          at += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && source[at + 1] !== '\n')) line++;
        field += char;
      }
      at++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[at + 1] === '\n') at++;
      line++;
      endRecord();
    } else field += char;
    at++;
  }
  // The last record, when the text does not end with a line end: kept only when the file is whole.
  if (at >= source.length && !ended) {
    if (complete && !quoted) endRecord();
  }
  const [header = { fields: [] }, ...data] = records;
  return { header: header.fields, rows: data.slice(0, maxRows), more };
}

/** The text of a blob, decoded as UTF-8 (a cut or invalid sequence becomes U+FFFD). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(blob, 'utf-8');
  });
}

/** The preview of a file: its first {@link PREVIEW_BYTES} bytes only, however large it is. */
export async function readCsvPreview(file: Blob, maxRows = PREVIEW_ROWS): Promise<CsvPreview> {
  const complete = file.size <= PREVIEW_BYTES;
  const text = await readText(complete ? file : file.slice(0, PREVIEW_BYTES));
  return parseCsvPreview(text, { maxRows, complete });
}
