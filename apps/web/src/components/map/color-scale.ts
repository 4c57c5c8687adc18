import { NO_DATA_COLOR, SEQUENTIAL_PALETTE } from '../chart/palette';

/** One class of a choropleth: the values from `from` (or just above the previous class) to `to`. */
export interface ColorClass {
  from: number;
  to: number;
  color: string;
}

export interface ColorScale {
  /** The classes, weakest (smallest values) first; empty without values. */
  classes: readonly ColorClass[];
  /** The colour of a value: its class's, or the no-data grey for a missing value. */
  colorOf: (value: number | null | undefined) => string;
}

/**
 * A sequential colour scale in quantile classes: each colour holds about as many countries.
 * Fundraising figures are skewed (a few countries raise most), so equal-width classes would paint
 * nearly every country the weakest colour. Fewer distinct values than colours give fewer classes,
 * spread over the palette so the largest is always the strongest.
 */
export function sequentialScale(
  values: readonly (number | null | undefined)[],
  palette: readonly string[] = SEQUENTIAL_PALETTE,
  noDataColor: string = NO_DATA_COLOR,
): ColorScale {
  const sorted = values
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
    .sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined || palette.length === 0) return { classes: [], colorOf: () => noDataColor };

  const upperBounds: number[] = [];
  for (let index = 1; index <= palette.length; index += 1) {
    const bound = sorted[Math.ceil((index / palette.length) * sorted.length) - 1] as number;
    if (upperBounds[upperBounds.length - 1] !== bound) upperBounds.push(bound);
  }
  const count = upperBounds.length;
  const classes = upperBounds.map((to, index) => ({
    from: index === 0 ? first : (upperBounds[index - 1] as number),
    to,
    color: palette[Math.round(((index + 1) * palette.length) / count) - 1] as string,
  }));

  const colorOf = (value: number | null | undefined): string => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return noDataColor;
    const found = classes.find((item) => value <= item.to) ?? classes[classes.length - 1];
    return found?.color ?? noDataColor;
  };
  return { classes, colorOf };
}
