import { DIMENSION_KEY, type Dimension, type MetricsOrder, type MetricsRow } from './query';

function metricNumber(row: MetricsRow, metric: string): number | null {
  const value = row.values.find((candidate) => candidate.metric === metric)?.value;
  return value === null || value === undefined ? null : Number(value);
}

function compareNullable<T extends string | number>(a: T | null, b: T | null, direction: 'asc' | 'desc'): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1; // nulls last, whatever the direction
  if (b === null) return -1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return direction === 'asc' ? order : -order;
}

/**
 * Orders rows by the requested keys, then by period and group keys so that the order is
 * always total and stable.
 */
export function sortRows(rows: MetricsRow[], orderBy: readonly MetricsOrder[], dimensions: readonly Dimension[]) {
  const tieBreakers: MetricsOrder[] = [
    { by: { period: true }, direction: 'asc' },
    ...dimensions.map((dimension) => ({ by: { dimension }, direction: 'asc' as const })),
  ];
  const keys = [...orderBy, ...tieBreakers];
  return [...rows].sort((a, b) => {
    for (const { by, direction } of keys) {
      let order = 0;
      if ('metric' in by) order = compareNullable(metricNumber(a, by.metric), metricNumber(b, by.metric), direction);
      else if ('dimension' in by) {
        const name = DIMENSION_KEY[by.dimension];
        order = compareNullable(a[name], b[name], direction);
      } else order = compareNullable(a.period?.from ?? null, b.period?.from ?? null, direction);
      if (order !== 0) return order;
    }
    return 0;
  });
}
