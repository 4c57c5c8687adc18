import { describe, expect, it } from 'vitest';
import { EMPTY_KEYS } from './query';
import { sortRows } from './row-order';

const row = (partnerId: number, value: string | null) => ({
  keys: { ...EMPTY_KEYS, partnerId },
  period: null,
  values: [{ metric: 'REVENUE_USD', value }],
});

const order = (direction: 'asc' | 'desc', rows: ReturnType<typeof row>[]) =>
  sortRows(rows, [{ by: { metric: 'REVENUE_USD' }, direction }], ['PARTNER']).map((sorted) => sorted.keys.partnerId);

describe('sortRows', () => {
  it('orders decimals exactly where their nearest floats are the same', () => {
    // 2^53 + 1 and 2^53 are one float; so are 0.30000000000000001 and 0.3.
    const large = [row(1, '9007199254740992'), row(2, '9007199254740993'), row(3, '9007199254740992.00')];
    expect(order('desc', large)).toEqual([2, 1, 3]);
    expect(order('asc', large)).toEqual([1, 3, 2]);
    const small = [row(1, '0.30000000000000001'), row(2, '0.3'), row(3, '0.29999999999999999')];
    expect(order('asc', small)).toEqual([3, 2, 1]);
  });

  it('puts null values last either way and breaks ties by the group keys', () => {
    const rows = [row(4, null), row(3, '10.50'), row(1, '10.5'), row(2, '-1')];
    expect(order('desc', rows)).toEqual([1, 3, 2, 4]);
    expect(order('asc', rows)).toEqual([2, 1, 3, 4]);
  });
});
