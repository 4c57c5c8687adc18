import { addDays, calendarPeriod, daysIn, type Period, yearOf } from '../periods';

/** The buckets a rollup keeps: calendar years, months or days. */
export type RollupGrain = 'Y' | 'M' | 'D';

/** Consecutive buckets of one grain, named by the first day of the first and of the last. */
export interface BucketRange {
  grain: RollupGrain;
  from: string;
  to: string;
}

/** How a period is read: whole buckets from a rollup, the rest (days at its edges) from the fact table. */
export interface Coverage {
  buckets: BucketRange[];
  facts: Period[];
}

const GRAIN_PERIOD = { Y: 'YEAR', M: 'MONTH' } as const;

function nextBucket(grain: RollupGrain, bucket: string): string {
  return grain === 'D' ? addDays(bucket, 1) : addDays(calendarPeriod(GRAIN_PERIOD[grain], bucket).to, 1);
}

/**
 * Cuts a period into the largest whole buckets a rollup with `grains` has — years, then months,
 * then days — and the days left over, which the fact table answers: with years and months, the
 * partial months at the edges; with years only, the partial years.
 */
export function coverage(period: Period, grains: readonly RollupGrain[]): Coverage {
  const buckets: BucketRange[] = [];
  const facts: Period[] = [];
  const addBuckets = (grain: RollupGrain, from: string, to: string) => {
    const last = buckets.at(-1);
    if (last?.grain === grain && nextBucket(grain, last.to) === from) last.to = to;
    else buckets.push({ grain, from, to });
  };
  let day = period.from;
  while (day <= period.to) {
    const year = calendarPeriod('YEAR', day);
    const month = calendarPeriod('MONTH', day);
    if (grains.includes('Y') && day === year.from && year.to <= period.to) {
      addBuckets('Y', day, day);
      day = addDays(year.to, 1);
      continue;
    }
    if (grains.includes('M') && day === month.from && month.to <= period.to) {
      addBuckets('M', day, day);
      day = addDays(month.to, 1);
      continue;
    }
    const stretch = grains.includes('M') || grains.includes('D') ? month.to : year.to;
    const end = stretch < period.to ? stretch : period.to;
    if (grains.includes('D')) addBuckets('D', day, end);
    else {
      const last = facts.at(-1);
      if (last && addDays(last.to, 1) === day) last.to = end;
      else facts.push({ from: day, to: end });
    }
    day = addDays(end, 1);
  }
  return { buckets, facts };
}

/** Each bucket of a range, by its first day. */
export function bucketStarts(range: BucketRange): string[] {
  const starts: string[] = [];
  for (let bucket = range.from; bucket <= range.to; bucket = nextBucket(range.grain, bucket)) starts.push(bucket);
  return starts;
}

/** Days of a year as a range of its active-day bits (bit 1: 1 January); `bits` 0 for none. */
export interface DayBits {
  firstBit: number;
  bits: number;
}

/**
 * The part of a period in one calendar year, as a partner rollup's yearly row reads it: the
 * months it covers whole (bit 0: January), and the days of the months it cuts at its start and
 * at its end.
 */
export interface YearDays {
  /** 1 January of the year. */
  year: string;
  months: number;
  head: DayBits;
  tail: DayBits;
}

const NO_DAYS: DayBits = { firstBit: 0, bits: 0 };

export function yearDays(period: Period): YearDays[] {
  const result: YearDays[] = [];
  for (let year = yearOf(period.from); year <= yearOf(period.to); year++) {
    const calendar = calendarPeriod('YEAR', `${year}-01-01`);
    const from = period.from > calendar.from ? period.from : calendar.from;
    const to = period.to < calendar.to ? period.to : calendar.to;
    const part: YearDays = { year: calendar.from, months: 0, head: NO_DAYS, tail: NO_DAYS };
    for (let day = from; day <= to; ) {
      const month = calendarPeriod('MONTH', day);
      const end = month.to < to ? month.to : to;
      if (day === month.from && end === month.to) part.months |= 1 << (Number(month.from.slice(5, 7)) - 1);
      else {
        const days = { firstBit: daysIn({ from: calendar.from, to: day }), bits: daysIn({ from: day, to: end }) };
        if (day === from) part.head = days;
        else part.tail = days;
      }
      day = addDays(end, 1);
    }
    result.push(part);
  }
  return result;
}
