import { describe, expect, it } from 'vitest';
import { centsToDecimal, scaledToDecimal } from './money';
import { Random } from './random';
import { apportion } from './seasonality';

describe('Random', () => {
  it('repeats itself for a seed, and differs between seeds and between forks', () => {
    const draws = (random: Random) => Array.from({ length: 5 }, () => random.uint32());
    expect(draws(new Random(2021))).toEqual(draws(new Random(2021)));
    expect(draws(new Random(2021))).not.toEqual(draws(new Random(2022)));
    expect(draws(new Random(2021).fork('partners'))).toEqual(draws(new Random(2021).fork('partners')));
    expect(draws(new Random(2021).fork('partners'))).not.toEqual(draws(new Random(2021).fork('targets')));
  });

  it('draws within its ranges', () => {
    const random = new Random(1);
    let inRange = true;
    for (let draw = 0; draw < 10_000; draw++) {
      const float = random.float();
      const integer = random.int(3, 5);
      inRange &&= float >= 0 && float < 1 && [3, 4, 5].includes(integer) && random.pareto(10, 1.5) >= 10;
    }
    expect(inRange).toBe(true);
    const picks = new Set(
      Array.from({ length: 200 }, () =>
        random.weighted([
          ['a', 1],
          ['b', 1],
          ['never', 0],
        ] as const),
      ),
    );
    expect([...picks].sort()).toEqual(['a', 'b']);
  });
});

describe('amounts', () => {
  it('writes cents and scaled units as exact decimals', () => {
    expect(centsToDecimal(123450)).toBe('1234.50');
    expect(centsToDecimal(7)).toBe('0.07');
    expect(centsToDecimal(0)).toBe('0.00');
    expect(() => centsToDecimal(1.5)).toThrow();
    expect(scaledToDecimal(12345, 1)).toBe('1234.5');
    expect(scaledToDecimal(42, 0)).toBe('42');
    expect(scaledToDecimal(5, 4)).toBe('0.0005');
  });

  it('apportions a count exactly', () => {
    const counts = apportion(10, Float64Array.from([1, 1, 1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(10);
    expect(counts).toEqual([4, 3, 3]);
    expect(apportion(1_000_000, Float64Array.from([0, 2, 1, 0]))).toEqual([0, 666_667, 333_333, 0]);
  });
});
