import { compareDecimals } from './decimal';
import { DIMENSION_KEY, type Dimension, type GroupKeys, type MetricsOrder } from './query';

/** What rows are ordered by: their group keys, their period and their metrics' values. */
export interface OrderedRow {
  keys: GroupKeys;
  period: { from: string } | null;
  values: readonly { metric: string; value: string | null }[];
}

/** A metric's exact decimal, with the float nearest to it to compare quickly. */
interface MetricKey {
  near: number;
  exact: string;
}

function metricKey(row: OrderedRow, metric: string): MetricKey | null {
  const value = row.values.find((candidate) => candidate.metric === metric)?.value;
  return value === null || value === undefined ? null : { near: Number(value), exact: value };
}

type SortKey = string | number | MetricKey | null;

/**
 * Decimals compare exactly: the nearest floats decide when they differ (rounding to the nearest
 * float never swaps two values), the decimals themselves when they are the same float.
 */
function compareKeys(a: Exclude<SortKey, null>, b: Exclude<SortKey, null>): number {
  if (typeof a === 'object' && typeof b === 'object') {
    if (a.near !== b.near) return a.near < b.near ? -1 : 1;
    return a.exact === b.exact ? 0 : compareDecimals(a.exact, b.exact);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullable(a: SortKey, b: SortKey, direction: 'asc' | 'desc'): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1; // nulls last, whatever the direction
  if (b === null) return -1;
  const order = compareKeys(a, b);
  return direction === 'asc' ? order : -order;
}

function sortKey(row: OrderedRow, { by }: MetricsOrder): SortKey {
  if ('metric' in by) return metricKey(row, by.metric);
  if ('dimension' in by) return row.keys[DIMENSION_KEY[by.dimension]];
  return row.period?.from ?? null;
}

/**
 * Orders rows by the requested keys, then by period and group keys so that the order is
 * always total and stable. Each row's keys are read once, not at every comparison.
 */
export function sortRows<Row extends OrderedRow>(
  rows: readonly Row[],
  orderBy: readonly MetricsOrder[],
  dimensions: readonly Dimension[],
): Row[] {
  const orders: MetricsOrder[] = [
    ...orderBy,
    { by: { period: true }, direction: 'asc' },
    ...dimensions.map((dimension) => ({ by: { dimension }, direction: 'asc' as const })),
  ];
  const keyed = rows.map((row) => ({ row, keys: orders.map((order) => sortKey(row, order)) }));
  keyed.sort((a, b) => {
    for (let index = 0; index < orders.length; index++) {
      const order = compareNullable(
        a.keys[index] as SortKey,
        b.keys[index] as SortKey,
        (orders[index] as MetricsOrder).direction,
      );
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}
