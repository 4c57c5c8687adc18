/**
 * The colours of every chart and map, in one place. Each is a CSS custom property of styles/theme.css,
 * with a light and a dark value, so a chart follows the theme without drawing again (SVG fills and
 * strokes take `var(…)`). Both sets are calm, muted, told apart by people with the common
 * colour-vision deficiencies, and strong enough on their background (3:1) for bars and lines.
 */

/** Series colours, in the order series take them when they name none. */
export const CHART_PALETTE = [
  'var(--chart-1)', // blue
  'var(--chart-2)', // ochre
  'var(--chart-3)', // teal
  'var(--chart-4)', // plum
  'var(--chart-5)', // indigo
  'var(--chart-6)', // slate
] as const;

/** Colours with a meaning, so that "target" and "last year" look the same on every page. */
export const CHART_ROLE_COLORS = {
  /** This period's value. */
  actual: CHART_PALETTE[0],
  /** The same period a year earlier. */
  previous: 'var(--chart-previous)',
  /** The target. */
  target: 'var(--chart-target)',
  /** A second measure beside the first (impact beside revenue). */
  secondary: CHART_PALETTE[2],
} as const;

/**
 * Sequential colours for a choropleth, weakest to strongest (one blue hue: darker for more on the
 * light theme, brighter for more on the dark one). Five classes: more are hard to tell apart on a map.
 */
export const SEQUENTIAL_PALETTE = [
  'var(--map-1)',
  'var(--map-2)',
  'var(--map-3)',
  'var(--map-4)',
  'var(--map-5)',
] as const;

/** The fill of countries without data on a map. */
export const NO_DATA_COLOR = 'var(--map-no-data)';

/** The grid lines and axes of charts, and the band behind the hovered category. */
export const CHART_GRID_COLOR = 'var(--chart-grid)';
export const CHART_AXIS_TEXT_COLOR = 'var(--chart-axis-text)';
export const CHART_CURSOR_COLOR = 'var(--chart-cursor)';

/** The colour of the series at `index` when it names none; the palette repeats past its end. */
export function chartColor(index: number): string {
  const size = CHART_PALETTE.length;
  return CHART_PALETTE[((index % size) + size) % size] as string;
}
