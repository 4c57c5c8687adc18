import type { ResultOf } from '../../lib/graphql';
import type { RegionsPage_Comparison } from './regions-page';

/** The code of the pseudo-region for global partnerships and headquarters-led fundraising. */
export const HQ_REGION_CODE = 'HQ';

/** One region's figures for one metric, as `metrics(groupBy: [REGION])` answers them. */
export type RegionMetricsRow = ResultOf<typeof RegionsPage_Comparison>['metrics']['rows'][number];

/** The figures of a region for the metric compared. */
type RegionFigures = RegionMetricsRow['values'][number];

/** One row of the regions comparison: a bureau's figures, its rank and its share of the total. */
export interface RegionComparison {
  id: string;
  code: string;
  name: string;
  city: string | null;
  value: number | null;
  target: number | null;
  attainment: number | null;
  previous: number | null;
  change: number | null;
  status: RegionFigures['status'];
  /** 1 for the highest value; ties share a rank (1, 2, 2, 4); null without a value. */
  rank: number | null;
  /** The region's part of the total (0 to 1): only for metrics that add up, with a positive total. */
  share: number | null;
}

/** Ranks values, highest first; equal values share a rank and the next rank skips (1, 2, 2, 4). */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return values.map((value) =>
    value === null || !Number.isFinite(value) ? null : present.filter((other) => other > value).length + 1,
  );
}

/**
 * The comparison rows of every region. Rank orders the regions by the metric's value; share divides
 * by the API's total of the whole slice, and only when the metric adds up across regions (a partner
 * active in two bureaux would be counted twice by a sum of distinct counts; rates do not add).
 */
export function compareRegions(
  rows: readonly RegionMetricsRow[],
  total: number | null | undefined,
  additive: boolean,
): RegionComparison[] {
  const regional = rows.flatMap((row) => {
    const { region } = row;
    const figures = row.values[0];
    return region && figures ? [{ region, figures }] : [];
  });
  const ranks = rankDescending(regional.map(({ figures }) => figures.value));
  const shareOf = (value: number | null) =>
    additive && value !== null && typeof total === 'number' && total > 0 ? value / total : null;
  return regional.map(({ region, figures }, index) => ({
    id: region.id,
    code: region.code,
    name: region.name,
    city: region.city,
    value: figures.value,
    target: figures.target,
    attainment: figures.attainment,
    previous: figures.previous,
    change: figures.change,
    status: figures.status,
    rank: ranks[index] ?? null,
    share: shareOf(figures.value),
  }));
}

/** The last day of a year's figures: `asOf` when chosen, else the last day with data, else 31 December. */
export function periodEnd(year: number, asOf: string | null, lastDayWithData: string | null): string {
  return asOf ?? lastDayWithData ?? `${year}-12-31`;
}

/** The later of two ISO days (either may be missing). */
export function laterDay(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}
