import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL literals for the lists of periods and buckets the engine writes into its queries (`VALUES`
 * rows): made from values the engine computed itself, and checked, so they are inlined rather
 * than sent as parameters — hundreds of parameters cost more to bind than the rows they describe.
 */
export type Literal = { date: string } | { int: number } | { bool: boolean } | { grain: string };

function literal(value: Literal): string {
  if ('date' in value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date)) throw new Error(`not an ISO date: ${value.date}`);
    return `'${value.date}'::date`;
  }
  if ('int' in value) {
    if (!Number.isSafeInteger(value.int)) throw new Error(`not an integer: ${value.int}`);
    return `${value.int}::int`;
  }
  if ('bool' in value) return value.bool ? 'true' : 'false';
  if (!/^[A-Z]$/.test(value.grain)) throw new Error(`not a grain: ${value.grain}`);
  return `'${value.grain}'::text`;
}

/** `'2025-01-01'::date`, after checking the date's form. */
export function dateLiteral(date: string): string {
  return literal({ date });
}

/** `'M'::text`, after checking it is a grain's letter. */
export function grainLiteral(grain: string): string {
  return literal({ grain });
}

/** Codes (regions, countries, metrics, enum values) as the reference data spells them. */
const CODE = /^[A-Za-z0-9_]{1,64}$/;

/**
 * One value of a filter or a lookup inlined as a literal when it is a plain code or a safe
 * integer, else sent as a parameter. A statement with no parameters keeps its plan once
 * prepared; one with parameters is planned again at every run (custom plans), which cost as much
 * as running the small statements on the rollups.
 */
export function valueSql(value: string | number): SQL {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? sql.raw(String(value)) : sql`${value}`;
  return CODE.test(value) ? sql.raw(`'${value}'`) : sql`${value}`;
}

/** `a, b, c` of `valueSql`s. */
export function valueList(values: readonly (string | number)[]): SQL {
  return sql.join(values.map(valueSql), sql.raw(', '));
}

/** `name(columns) AS (VALUES (…), (…))`. */
export function valuesCte(name: string, columns: readonly string[], rows: readonly Literal[][]): SQL {
  const body = rows.map((row) => `(${row.map(literal).join(', ')})`).join(', ');
  return sql.raw(`${name}(${columns.join(', ')}) AS (VALUES ${body})`);
}
