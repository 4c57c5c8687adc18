import type { SortingState } from '@tanstack/react-table';

/** An `XOrder` input of the API: a field and a direction. */
export interface ServerOrder<Field extends string> {
  field: Field;
  direction: 'ASC' | 'DESC';
}

/**
 * The API order of a table's sorting: the sorted column's field, or the fallback when the table is
 * sorted by a column the API cannot order by (or not sorted).
 *
 * @example orderOf([{ id: 'amount', desc: true }], { date: 'DATE', amount: 'AMOUNT_USD' }, fallback)
 *   // → { field: 'AMOUNT_USD', direction: 'DESC' }
 */
export function orderOf<Field extends string>(
  sorting: SortingState,
  fields: Readonly<Record<string, Field>>,
  fallback: ServerOrder<Field>,
): ServerOrder<Field> {
  const [sort] = sorting;
  const field = sort ? fields[sort.id] : undefined;
  return sort && field ? { field, direction: sort.desc ? 'DESC' : 'ASC' } : fallback;
}

/** The sorting a table shows for an API order: the inverse of `orderOf`. */
export function sortingOf<Field extends string>(
  order: ServerOrder<Field>,
  fields: Readonly<Record<string, Field>>,
): SortingState {
  const id = Object.keys(fields).find((key) => fields[key] === order.field);
  return id ? [{ id, desc: order.direction === 'DESC' }] : [];
}
