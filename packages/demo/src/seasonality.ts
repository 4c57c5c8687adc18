import type { IncomeStream } from '@panorama/db/schema';
import { daysInMonth } from './calendar';

/** Relative number of gifts per month (January … December): a December peak for the public. */
export const MONTH_SHAPES: Record<IncomeStream, readonly number[]> = {
  INDIVIDUAL_GIVING: [1.0, 0.85, 0.9, 0.9, 0.95, 0.9, 0.85, 0.85, 0.95, 1.05, 1.35, 2.6],
  CORPORATE: [0.8, 0.85, 1.0, 0.9, 0.95, 1.25, 0.85, 0.75, 1.0, 1.0, 1.15, 1.5],
  FOUNDATION: [0.9, 1.0, 1.1, 1.0, 1.0, 1.1, 0.9, 0.8, 1.0, 1.0, 1.0, 1.2],
  HNWI: [0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.2, 2.0],
};

/** Gifts in each year relative to the trend: pandemic appeals in 2020, the food crisis in 2022. */
export const YEAR_SHOCKS: readonly number[] = [1, 1.12, 1.0, 1.15, 0.97, 1.0, 1.0];

/** Cumulative weights of the days of a month: the last days of December weigh more. */
export function dayCumulative(year: number, month: number): Float64Array {
  const days = daysInMonth(year, month);
  const cumulative = new Float64Array(days);
  let total = 0;
  for (let day = 1; day <= days; day++) {
    total += month === 12 && day >= 20 ? (day === 31 ? 3 : 1.8) : 1;
    cumulative[day - 1] = total;
  }
  return cumulative;
}

/** Splits `count` over `weights` in proportion, exactly (largest remainders, ties to the first). */
export function apportion(count: number, weights: Float64Array): number[] {
  let total = 0;
  for (const weight of weights) total += weight;
  if (total <= 0) throw new Error('Nothing to apportion over');
  const shares = Array.from(weights, (weight) => (count * weight) / total);
  const counts = shares.map(Math.floor);
  let left = count - counts.reduce((sum, value) => sum + value, 0);
  const order = shares
    .map((share, index) => ({ index, rest: share - Math.floor(share) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] as number) + 1;
    left--;
  }
  return counts;
}
