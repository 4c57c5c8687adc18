import { CONTRIBUTION_KINDS, INCOME_STREAMS, PARTNER_SCOPES, PARTNER_TYPES } from '@panorama/db';
import { type CsvOptions, type CsvRecord, EMPTY_FILE, readCsv } from './csv';
import { checkHeader, type Header, type ImportKind } from './formats';
import { ImportError, type Problem } from './problems';
import { currentRegion, type MetricReference, type ReferenceData, regionOn } from './reference';
import type { ContributionRow, ImpactRow, PartnerRow, RowsByKind, TargetRow } from './rows';
import {
  type DecimalShape,
  MONEY,
  type Parsed,
  parseDecimal,
  parseEnum,
  parseInteger,
  parseIsoDate,
  QUANTITY,
} from './values';

/** One data record after validation: its normalized row, or null and the problems that reject it. */
export interface CheckedRecord<Row> {
  line: number;
  /** The record's fields as read from the file. */
  fields: readonly string[];
  row: Row | null;
  /**
   * Problems found on this record; empty when `row` is set. A duplicate also reports the line
   * the value first appeared on, so a problem's `line` may be an earlier one.
   */
  problems: Problem[];
}

/** The shape a metric's values must have, from its unit. */
export function shapeOf(metric: MetricReference): DecimalShape {
  switch (metric.unit) {
    case 'USD':
      return MONEY;
    case 'RATE':
      return { ...QUANTITY, atMostOne: true };
    case 'COUNT':
    case 'PEOPLE':
    case 'MEALS':
      return { ...QUANTITY, whole: true };
    default:
      return QUANTITY;
  }
}

/** An export's guard before a value a spreadsheet would run as a formula (see `csvCell`). */
const FORMULA_GUARD = /^'[=+\-@]/;

/** The problems of one record, and helpers reading its trimmed values. */
class RowContext {
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

/**
 * Validates the data records of one file, one at a time, keeping nothing between records, so
 * that memory stays the same whatever the file's size. Every problem of a record is reported,
 * not just the first. What takes more than one row (a key given twice, a partner named two ways)
 * is checked over the staging table, by the import (see `staged.ts`).
 */
export class RowValidator<K extends ImportKind> {
  constructor(
    readonly header: Header & { kind: K },
    private readonly reference: ReferenceData,
  ) {}

  /** Checks one data record. */
  check(record: CsvRecord): CheckedRecord<RowsByKind[K]> {
    const context = new RowContext(this.header, record);
    if (record.fields.length !== this.header.fields.length) {
      context.problem(
        null,
        null,
        `has ${record.fields.length} fields but the header has ${this.header.fields.length}: a value with a comma must be in double quotes`,
      );
      return { line: record.line, fields: record.fields, row: null, problems: context.problems };
    }
    const row = this.checkKind(context);
    const ok = context.problems.length === 0;
    return { line: record.line, fields: record.fields, row: ok ? row : null, problems: context.problems };
  }

  private checkKind(context: RowContext): RowsByKind[K] {
    const kind: ImportKind = this.header.kind;
    // Each branch returns the row of its own kind; the header's kind is K.
    switch (kind) {
      case 'contributions':
        return this.contribution(context) as RowsByKind[K];
      case 'impact':
        return this.impact(context) as RowsByKind[K];
      case 'targets':
        return this.target(context) as RowsByKind[K];
      case 'partners':
        return this.partner(context) as RowsByKind[K];
    }
  }

  private externalRef(context: RowContext): string | null {
    return context.required('external_ref');
  }

  private region(context: RowContext): string | null {
    return context.code('region_code', this.reference.regions, 'region code', true);
  }

  /** The optional country, which must have belonged to the region on `date` (today when null). */
  private country(context: RowContext, region: string | null, date: string | null | undefined): string | null {
    const country = context.optionalCode('country_iso3', this.reference.countries, 'country ISO3 code');
    if (country === null || region === null || date === null) return country;
    const actual =
      date === undefined ? currentRegion(this.reference, country) : regionOn(this.reference, country, date);
    if (actual !== region) {
      const when = date === undefined ? 'today' : `on ${date}`;
      context.problem(
        'country_iso3',
        country,
        actual === null
          ? `country ${country} belonged to no region ${when}`
          : `country ${country} belonged to region ${actual} ${when}, not ${region}: use region_code ${actual}`,
      );
    }
    return country;
  }

  private objective(context: RowContext): string | null {
    return context.code('objective_code', this.reference.objectives, 'objective code', true);
  }

  private partnershipRef(context: RowContext): string | null {
    const ref = context.text('partnership_ref');
    if (ref === '') return null;
    if (this.reference.partnershipRefs && !this.reference.partnershipRefs.has(ref)) {
      context.problem('partnership_ref', ref, 'no partnership has this external ref: import or create it first');
    }
    return ref;
  }

  private contribution(context: RowContext): ContributionRow {
    const externalRef = this.externalRef(context);
    const date = context.parse('date', parseIsoDate);
    const amountUsd = context.parse('amount_usd', (text) => parseDecimal(text, MONEY));
    const incomeStream = context.parse('income_stream', (text) => parseEnum(text, INCOME_STREAMS));
    const kind = context.parse('kind', (text) => parseEnum(text, CONTRIBUTION_KINDS));
    const partnerRef = context.required('partner_ref');
    const partnerName = context.required('partner_name');
    const partnerType = context.parse('partner_type', (text) => parseEnum(text, PARTNER_TYPES));
    const regionCode = this.region(context);
    const countryIso3 = this.country(context, regionCode, date);
    const objectiveCode = this.objective(context);
    const partnershipRef = this.partnershipRef(context);
    return {
      externalRef: externalRef ?? '',
      date: date ?? '',
      amountUsd: amountUsd ?? '',
      incomeStream: incomeStream ?? 'CORPORATE',
      kind: kind ?? 'CASH',
      partnerRef: partnerRef ?? '',
      partnerName: partnerName ?? '',
      partnerType: partnerType ?? 'CORPORATION',
      regionCode: regionCode ?? '',
      countryIso3,
      objectiveCode: objectiveCode ?? '',
      partnershipRef,
    };
  }

  private metric(context: RowContext, recordedOnly: boolean): { code: string; metric: MetricReference } | null {
    const text = context.required('metric_code');
    if (text === null) return null;
    const code = text.toUpperCase();
    const metric = this.reference.metrics.get(code);
    if (metric && (!recordedOnly || metric.recorded)) return { code, metric };
    const allowed = [...this.reference.metrics].filter(([, m]) => !recordedOnly || m.recorded).map(([c]) => c);
    const what = metric ? 'is computed from other data, not recorded' : 'is not a known metric';
    context.problem('metric_code', text, `${what}: must be one of ${allowed.join(', ')}`);
    return null;
  }

  private impact(context: RowContext): ImpactRow {
    const externalRef = this.externalRef(context);
    const date = context.parse('date', parseIsoDate);
    const metric = this.metric(context, true);
    const value = context.parse('value', (text) => parseDecimal(text, metric ? shapeOf(metric.metric) : QUANTITY));
    const regionCode = this.region(context);
    const countryIso3 = this.country(context, regionCode, date);
    const objectiveCode = this.objective(context);
    const partnershipRef = this.partnershipRef(context);
    return {
      externalRef: externalRef ?? '',
      date: date ?? '',
      metricCode: metric?.code ?? '',
      value: value ?? '',
      regionCode: regionCode ?? '',
      countryIso3,
      objectiveCode: objectiveCode ?? '',
      partnershipRef,
    };
  }

  private target(context: RowContext): TargetRow {
    const metric = this.metric(context, false);
    const scope = this.scope(context);
    const year = context.parse('year', (text) => parseInteger(text, 2000, 2100));
    const quarterText = context.text('quarter');
    const quarter = quarterText === '' ? null : context.accept('quarter', quarterText, parseInteger(quarterText, 1, 4));
    const value = context.parse('value', (text) => parseDecimal(text, metric ? shapeOf(metric.metric) : QUANTITY));
    return {
      metricCode: metric?.code ?? '',
      scopeType: scope?.scopeType ?? 'GLOBAL',
      scopeCode: scope?.scopeCode ?? '',
      regionCode: scope?.scopeType === 'REGION' ? scope.scopeCode : null,
      countryIso3: scope?.scopeType === 'COUNTRY' ? scope.scopeCode : null,
      year: year ?? 0,
      quarter,
      value: value ?? '',
    };
  }

  private scope(context: RowContext): Pick<TargetRow, 'scopeType' | 'scopeCode'> | null {
    const text = context.required('scope');
    if (text === null) return null;
    const code = text.toUpperCase();
    if (code === 'GLOBAL') return { scopeType: 'GLOBAL', scopeCode: code };
    if (this.reference.regions.has(code)) return { scopeType: 'REGION', scopeCode: code };
    if (this.reference.countries.has(code)) return { scopeType: 'COUNTRY', scopeCode: code };
    context.problem('scope', text, 'must be GLOBAL, a region code or a country ISO3 code');
    return null;
  }

  private partner(context: RowContext): PartnerRow {
    const externalRef = this.externalRef(context);
    const name = context.required('name');
    const partnerType = context.parse('partner_type', (text) => parseEnum(text, PARTNER_TYPES));
    const scope = context.parse('scope', (text) => parseEnum(text, PARTNER_SCOPES));
    const regionCode = this.region(context);
    const countryIso3 = this.country(context, regionCode, undefined);
    const sector = context.text('sector');
    return {
      externalRef: externalRef ?? '',
      name: name ?? '',
      partnerType: partnerType ?? 'CORPORATION',
      scope: scope ?? 'LOCAL',
      regionCode: regionCode ?? '',
      countryIso3,
      sector: sector === '' ? null : sector,
    };
  }
}

/**
 * Reads and validates a CSV file of one kind, streaming: iterate it to get every data record,
 * checked (see {@link CheckedRecord}); `header` is set once the header row is read. Throws an
 * {@link ImportError} when the file cannot be read at all (not UTF-8, broken quoting, empty, a
 * wrong header). Nothing is kept per row but the cross-row keys of {@link RowValidator}.
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
