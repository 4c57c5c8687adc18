import { type CsvOptions, EMPTY_FILE, readCsv } from './csv';
import { checkHeader, type Header, type ImportKind } from './formats';
import { ImportError, type Problem } from './problems';
import type { ReferenceData } from './reference';
import { type CheckedRecord, RowValidator } from './row-validator';
import type { RowsByKind } from './rows';

/**
 * Reads and validates a CSV file of one kind, streaming: iterate it to get every data record,
 * checked (see {@link CheckedRecord}); `header` is set once the header row is read. Throws an
 * {@link ImportError} when the file cannot be read at all (not UTF-8, broken quoting, empty, a
 * wrong header). Nothing is kept from one row to the next: the checks that take more than one row
 * (a key repeated in the file, a reference to a stored row) run over the staged rows (`staged.ts`).
 */
export class CsvValidation<K extends ImportKind> implements AsyncIterable<CheckedRecord<RowsByKind[K]>> {
  header: Header | null = null;
  /** Data records read so far, valid ones and rejected ones. */
  rows = 0;
  rejected = 0;

  constructor(
    readonly kind: K,
    private readonly source: AsyncIterable<Uint8Array>,
    private readonly reference: ReferenceData,
    private readonly options: CsvOptions = {},
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<CheckedRecord<RowsByKind[K]>> {
    let validator: RowValidator<K> | null = null;
    for await (const record of readCsv(this.source, this.options)) {
      if (validator === null) {
        const checked = checkHeader(this.kind, record.fields, record.line);
        if (!checked.ok) throw new ImportError(checked.problems);
        this.header = checked.header;
        validator = new RowValidator({ ...checked.header, kind: this.kind }, this.reference);
        continue;
      }
      const result = validator.check(record);
      if (result.row === null) this.rejected++;
      else this.rows++;
      yield result;
    }
    if (validator === null) throw new ImportError([{ line: 1, column: null, value: null, reason: EMPTY_FILE }]);
  }
}

/** Starts validating a CSV file of one kind: see {@link CsvValidation}. */
export function validateCsv<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<Uint8Array>,
  reference: ReferenceData,
  options: CsvOptions = {},
): CsvValidation<K> {
  return new CsvValidation(kind, source, reference, options);
}

/** The outcome of validating a whole file in memory: the rows when it is clean, else every problem. */
export interface ValidationReport<Row> {
  /** The header as written in the file; empty when it could not be read. */
  header: readonly string[];
  /** The valid rows (all of them are written only when `problems` is empty). */
  rows: Row[];
  /** The rejected records, for {@link rowsToCsv}. */
  rejected: CheckedRecord<Row>[];
  /** Every problem, file-level ones included, in line order. */
  problems: Problem[];
}

/**
 * Validates a whole file and collects the outcome in memory: for tests and small files. A
 * large file should be iterated with {@link validateCsv}, sending rows on as they come.
 */
export async function collectValidation<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<Uint8Array>,
  reference: ReferenceData,
  options: CsvOptions = {},
): Promise<ValidationReport<RowsByKind[K]>> {
  const validation = validateCsv(kind, source, reference, options);
  const rows: RowsByKind[K][] = [];
  const rejected: CheckedRecord<RowsByKind[K]>[] = [];
  const problems: Problem[] = [];
  try {
    for await (const record of validation) {
      if (record.row === null) {
        rejected.push(record);
        problems.push(...record.problems);
      } else rows.push(record.row);
    }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    problems.push(...error.problems);
  }
  problems.sort((a, b) => a.line - b.line);
  return { header: validation.header?.fields ?? [], rows, rejected, problems };
}
