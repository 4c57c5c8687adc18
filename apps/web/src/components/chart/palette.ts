/**
 * The colours of every chart and map, in one place: calm, muted, told apart by people with the
 * common colour-vision deficiencies, and dark enough on white (3:1) for bars and lines.
 */

/** Series colours, in the order series take them when they name none. */
export const CHART_PALETTE = [
  '#2f6db0', // blue
  '#d08c3c', // ochre
  '#3f8f7f', // teal
  '#9c5a7e', // plum
  '#6b6fb5', // indigo
  '#7a8794', // slate
] as const;

/** Colours with a meaning, so that "target" and "last year" look the same on every page. */
export const CHART_ROLE_COLORS = {
  /** This period's value. */
  actual: CHART_PALETTE[0],
  /** The same period a year earlier. */
  previous: '#9aa9b8',
  /** The target. */
  target: '#c9a24b',
  /** A second measure beside the first (impact beside revenue). */
  secondary: CHART_PALETTE[2],
} as const;

/**
 * Sequential colours for a choropleth, light to dark (a single blue hue, so more reads as darker).
 * Five classes: more are hard to tell apart on a map.
 */
export const SEQUENTIAL_PALETTE = ['#dbe7f3', '#a9c6e3', '#6f9fcf', '#3a74b3', '#154e8c'] as const;

/** The fill of countries without data on a map. */
export const NO_DATA_COLOR = '#e9ecef';

/** The grid lines and axes of charts. */
export const CHART_GRID_COLOR = '#e3e7ec';
export const CHART_AXIS_TEXT_COLOR = '#515b66';

/** The colour of the series at `index` when it names none; the palette repeats past its end. */
export function chartColor(index: number): string {
  const size = CHART_PALETTE.length;
  return CHART_PALETTE[((index % size) + size) % size] as string;
}
