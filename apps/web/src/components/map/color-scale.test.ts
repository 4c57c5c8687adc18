import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SEQUENTIAL_PALETTE } from '../chart/palette';
import { sequentialScale } from './color-scale';

describe('sequentialScale', () => {
  it('cuts the values into quantile classes, lightest first', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const scale = sequentialScale(values);
    expect(scale.classes.map((item) => [item.from, item.to])).toEqual([
      [1, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
    ]);
    expect(scale.classes.map((item) => item.color)).toEqual([...SEQUENTIAL_PALETTE]);
    expect(scale.colorOf(1)).toBe(SEQUENTIAL_PALETTE[0]);
    expect(scale.colorOf(5)).toBe(SEQUENTIAL_PALETTE[2]);
    expect(scale.colorOf(10)).toBe(SEQUENTIAL_PALETTE[4]);
  });

  it('keeps skewed figures apart: one very large value does not wash out the rest', () => {
    const scale = sequentialScale([100, 200, 300, 400, 5_000_000]);
    expect(new Set([100, 200, 300, 400].map(scale.colorOf)).size).toBe(4);
    expect(scale.colorOf(5_000_000)).toBe(SEQUENTIAL_PALETTE[4]);
  });

  it('paints missing values grey, and ignores them when cutting classes', () => {
    const scale = sequentialScale([null, 10, undefined, 20, Number.NaN]);
    expect(scale.colorOf(null)).toBe(NO_DATA_COLOR);
    expect(scale.colorOf(undefined)).toBe(NO_DATA_COLOR);
    expect(scale.classes).toHaveLength(2);
  });

  it('spreads few distinct values over the palette, the largest darkest', () => {
    const one = sequentialScale([42, 42, 42]);
    expect(one.classes).toEqual([{ from: 42, to: 42, color: SEQUENTIAL_PALETTE[4] }]);
    const two = sequentialScale([1, 2]);
    expect(two.classes.map((item) => item.color)).toEqual([SEQUENTIAL_PALETTE[2], SEQUENTIAL_PALETTE[4]]);
  });

  it('gives values outside the classes the nearest end', () => {
    const scale = sequentialScale([10, 20, 30, 40, 50]);
    expect(scale.colorOf(-5)).toBe(SEQUENTIAL_PALETTE[0]);
    expect(scale.colorOf(500)).toBe(SEQUENTIAL_PALETTE[4]);
  });

  it('has no classes without values', () => {
    const scale = sequentialScale([]);
    expect(scale.classes).toEqual([]);
    expect(scale.colorOf(3)).toBe(NO_DATA_COLOR);
  });
});
