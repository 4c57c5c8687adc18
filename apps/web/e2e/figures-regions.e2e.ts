import { describe, expect, inject, it } from 'vitest';
import { formatMetricValue as formatTableValue } from '../src/components/data-table/cell-format';
import { expectPagesKeptPrivate, figuresBrowser, POLL } from './figures';

/**
 * The figures the regions page shows are the API's: the test asks /graphql the question the page
 * asks (the same query, the same variables), formats the answer with the dashboard's own
 * formatters and compares it with what the browser shows. Every wait is for data, never for time.
 */

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { opened, openPage, graphql, catalogEntry } = figuresBrowser(origin, ADMIN);

/** The regions page's comparison table: for each region code, its Actual and Target cells as shown. */
function readRegionTable(caption: string) {
  // The data table, not the chart's hidden one (whose caption starts the same way).
  const table = [...document.querySelectorAll<HTMLTableElement>('table.data-table')].find((each) =>
    each.caption?.textContent?.startsWith(caption),
  );
  if (!table || table.getAttribute('aria-busy') === 'true') return null;
  const headers = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/[▲▼↕]/g, ''));
  const code = headers.indexOf('Code');
  const actual = headers.indexOf('Actual');
  const target = headers.indexOf('Target');
  const figures: Record<string, { actual: string; target: string }> = {};
  for (const row of table.querySelectorAll('tbody tr')) {
    const cells = [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');
    const regionCode = cells[code];
    if (regionCode) figures[regionCode] = { actual: cells[actual] ?? '', target: cells[target] ?? '' };
  }
  return figures;
}

interface RegionMetrics {
  metrics: { rows: { region: { code: string } | null; values: { value: number | null; target: number | null }[] }[] };
}

/** What the regions page asks: the last day with data of the year, then the metric by region up to it. */
async function regionFigures(metric: string, year: number, unit: string) {
  const from = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const lastDay = await graphql<{
    contributions: { nodes: { date: string }[] };
    impactRecords: { nodes: { date: string }[] };
  }>(
    `query LastDay($from: Date!, $to: Date!) {
      contributions(first: 1, filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }) { nodes { date } }
      impactRecords(first: 1, filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }) { nodes { date } }
    }`,
    { from, to: yearEnd },
  );
  const days = [lastDay.contributions.nodes[0]?.date, lastDay.impactRecords.nodes[0]?.date].filter(
    (day): day is string => typeof day === 'string',
  );
  const to = days.sort().at(-1) ?? yearEnd;
  const data = await graphql<RegionMetrics>(
    `query ByRegion($metric: MetricCode!, $from: Date!, $to: Date!) {
      metrics(metrics: [$metric], from: $from, to: $to, groupBy: [REGION], compare: [PREVIOUS_YEAR, TARGET]) {
        rows { region { code } values { value target } }
      }
    }`,
    { metric, from, to },
  );
  const expected: Record<string, { actual: string; target: string }> = {};
  for (const row of data.metrics.rows) {
    const figures = row.values[0];
    if (!row.region || !figures) continue;
    expected[row.region.code] = {
      actual: formatTableValue(figures.value, unit, { compact: true }),
      target: formatTableValue(figures.target, unit, { compact: true }),
    };
  }
  return expected;
}

describe('the regions page shows the API’s figures', () => {
  it('shows, for each region, the revenue metrics(groupBy: [REGION]) gives, then the active partners', async () => {
    const page = await openPage('/regions?year=2024');
    const revenue = await catalogEntry('REVENUE_USD');
    const expectedRevenue = await regionFigures('REVENUE_USD', 2024, revenue.unit);
    expect(Object.keys(expectedRevenue).sort()).toEqual(['HQ', 'RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP']);
    await expect
      .poll(() => page.evaluate(readRegionTable, `${revenue.label} by region, 2024`), POLL)
      .toEqual(expectedRevenue);

    // Another metric, in full figures: the table follows the select and the URL.
    const partners = await catalogEntry('ACTIVE_PARTNERS');
    const expectedPartners = await regionFigures('ACTIVE_PARTNERS', 2024, partners.unit);
    await page.getByLabel('Metric', { exact: true }).selectOption('ACTIVE_PARTNERS');
    await page.waitForURL((url) => url.searchParams.get('metric') === 'ACTIVE_PARTNERS');
    await expect
      .poll(() => page.evaluate(readRegionTable, `${partners.label} by region, 2024`), POLL)
      .toEqual(expectedPartners);
    expect(Object.values(expectedPartners).every(({ actual }) => /^\d[\d,]*$/.test(actual))).toBe(true);
  });
});

describe('privacy', () => {
  it('asked nothing of another origin on any page above, and logged no console error', () => {
    expectPagesKeptPrivate(opened, origin, 1);
  });
});
