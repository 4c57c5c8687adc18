import { compareScaled, ratio, relativeChange } from './decimal';
import { daysIn, type Period } from './periods';
import type { TargetStatus } from './query';

/** `(value − previous) / previous`; null when previous is 0 or either is null. */
export function changeOf(value: string | null, previous: string | null): number | null {
  if (value === null || previous === null) return null;
  return relativeChange(value, previous);
}

/** `value / target`; null without a target or when it is 0. */
export function attainmentOf(value: string | null, target: string | null): number | null {
  if (value === null || target === null) return null;
  return ratio(value, target);
}

/**
 * Red/amber/green by the pace rule: expected = target × (days from the period's start to asOf,
 * inclusive) / (days in the period), or the target itself for a rate. ON_TRACK at ≥ 95 % of
 * expected, AT_RISK at ≥ 75 %, else OFF_TRACK. Computed exactly.
 */
export function statusOf(
  value: string | null,
  target: string | null,
  period: Period,
  asOf: string,
  isRate: boolean,
): TargetStatus | null {
  if (target === null || value === null) return null;
  const actual = value;
  let periodDays = 1n;
  let elapsed = 1n;
  if (!isRate) {
    periodDays = BigInt(daysIn(period));
    const clampedAsOf = asOf > period.to ? period.to : asOf;
    elapsed = clampedAsOf < period.from ? 0n : BigInt(daysIn({ from: period.from, to: clampedAsOf }));
  }
  // value ≥ share × target × elapsed / periodDays  ⇔  value × periodDays × 100 ≥ target × share% × elapsed
  const reaches = (percent: bigint) => compareScaled(actual, periodDays * 100n, target, percent * elapsed) >= 0;
  if (reaches(95n)) return 'ON_TRACK';
  if (reaches(75n)) return 'AT_RISK';
  return 'OFF_TRACK';
}
