/**
 * CSV import: a byte stream in, validated normalized rows or every problem out (`validateCsv`,
 * writing nothing), and the write layer (`importCsv`: staged, merged in SQL, all or nothing).
 */
export { type CsvOptions, type CsvRecord, EMPTY_FILE, MAX_RECORD_CHARS, readCsv } from './csv';
export {
  type ColumnSpec,
  checkHeader,
  describeColumns,
  FORMATS,
  type Header,
  IMPORT_KINDS,
  type ImportKind,
} from './formats';
export {
  type ImportCounts,
  type ImportOptions,
  type ImportResult,
  importCsv,
  MAX_KEPT_PROBLEMS,
} from './load';
export { describeProblem, ImportError, type Problem } from './problems';
export {
  buildReferenceData,
  catalogMetrics,
  currentRegion,
  loadReferenceData,
  type Membership,
  type MetricReference,
  type ReferenceData,
  type ReferenceLists,
  regionOn,
} from './reference';
export { csvCell, csvLine, problemText, type RejectedRecord, rowsToCsv } from './rejected';
export { type CheckedRecord, RowValidator, shapeOf } from './row-validator';
export type { ContributionRow, ImpactRow, PartnerRow, RowsByKind, TargetRow } from './rows';
export { NOT_UTF8 } from './utf8';
export { CsvValidation, collectValidation, type ValidationReport, validateCsv } from './validate';
export { type DecimalShape, MONEY, parseDecimal, parseIsoDate, QUANTITY } from './values';
