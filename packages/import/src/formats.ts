import type { Problem } from './problems';

/** The kinds of file Panorama imports. */
export const IMPORT_KINDS = ['contributions', 'impact', 'targets', 'partners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One column of a format: its name, and whether it must be in the header. */
export interface ColumnSpec {
  name: string;
  /** A required column must be in the header and have a value on every row. */
  required: boolean;
}

const required = (name: string): ColumnSpec => ({ name, required: true });
const optional = (name: string): ColumnSpec => ({ name, required: false });

/** The columns of each kind of file (DESIGN.md, "Data in and out"); `optional` ones may be left out. */
export const FORMATS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  contributions: [
    required('external_ref'),
    required('date'),
    required('amount_usd'),
    required('income_stream'),
    required('kind'),
    required('partner_ref'),
    required('partner_name'),
    required('partner_type'),
    required('region_code'),
    optional('country_iso3'),
    required('objective_code'),
    optional('partnership_ref'),
  ],
  impact: [
    required('external_ref'),
    required('date'),
    required('metric_code'),
    required('value'),
    required('region_code'),
    optional('country_iso3'),
    required('objective_code'),
    optional('partnership_ref'),
  ],
  targets: [required('metric_code'), required('scope'), required('year'), optional('quarter'), required('value')],
  partners: [
    required('external_ref'),
    required('name'),
    required('partner_type'),
    required('scope'),
    required('region_code'),
    optional('country_iso3'),
    optional('sector'),
  ],
};

/** A checked header: where each of the format's columns is in the file's rows. */
export interface Header {
  kind: ImportKind;
  /** The header's fields as written in the file. */
  fields: readonly string[];
  /** Column name → index in a row; a missing optional column is absent. */
  index: ReadonlyMap<string, number>;
}

/** How many names a header problem lists before summing up the rest. */
const LISTED_NAMES = 20;

/**
 * Checks a header row against a kind's format: names are trimmed and case-insensitive and may
 * come in any order; every required column must be there, and no column may be unknown or
 * repeated. Returns the header, or every problem found (each naming the expected columns).
 */
export function checkHeader(
  kind: ImportKind,
  fields: readonly string[],
  line = 1,
): { ok: true; header: Header } | { ok: false; problems: Problem[] } {
  const spec = FORMATS[kind];
  const known = new Set(spec.map((column) => column.name));
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicated = new Set<string>();
  fields.forEach((field, at) => {
    const name = field.trim().toLowerCase();
    if (!known.has(name)) unknown.push(field.trim() === '' ? '(empty name)' : field.trim());
    else if (index.has(name)) duplicated.add(name);
    else index.set(name, at);
  });
  const missing = spec.filter((column) => column.required && !index.has(column.name)).map((column) => column.name);

  const expected = `expected the columns of a ${kind} file: ${describeColumns(spec)}`;
  const problems: Problem[] = [];
  const problem = (what: string) => problems.push({ line, column: null, value: null, reason: `${what}; ${expected}` });
  if (missing.length > 0) problem(`missing ${plural(missing.length, 'column')}: ${listNames(missing)}`);
  if (unknown.length > 0) problem(`unknown ${plural(unknown.length, 'column')}: ${listNames(unknown)}`);
  if (duplicated.size > 0) {
    const names = [...duplicated];
    problem(`${plural(names.length, 'column')} given more than once: ${listNames(names)}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, header: { kind, fields, index } };
}

/** `external_ref, date, …, country_iso3 (optional), …` */
export function describeColumns(spec: readonly ColumnSpec[]): string {
  return spec.map((column) => (column.required ? column.name : `${column.name} (optional)`)).join(', ');
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ');
  return names.length > LISTED_NAMES ? `${shown} … and ${names.length - LISTED_NAMES} more` : shown;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${count} ${word}s`;
}
