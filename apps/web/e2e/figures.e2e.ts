import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  formatDate,
  formatRowRange,
  formatMetricValue as formatTableValue,
} from '../src/components/data-table/cell-format';
import { formatUsd } from '../src/components/format/number';
import { formatMetricValue, formatMetricValueFull, parseUnit } from '../src/components/kpi-card/metric-format';
import { foreignRequests, launchBrowser, type WatchedPage } from './browser';
import { apiSession, openSignedInPage } from './session';

/**
 * The figures the dashboard shows are the API's: each test asks /graphql the question the page asks
 * (the same query, the same variables), formats the answer with the dashboard's own formatters and
 * compares it with what the browser shows. Every wait is for data, never for time.
 */

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
let browser: Browser;
const opened: WatchedPage[] = [];
/** The API as an ADMIN's script asks it: signed in with `signIn`, its session cookie sent back. */
let api: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  browser = await launchBrowser();
  api = await apiSession(origin, ADMIN);
});

afterAll(async () => {
  await browser?.close();
});

/** A new page, signed in as an ADMIN, at `path`. */
async function openPage(path: string): Promise<Page> {
  const watched = await openSignedInPage(browser, origin, ADMIN);
  opened.push(watched);
  await watched.page.goto(path);
  return watched.page;
}

/** Asks the server's API, as an analyst's script would (signed in: every field but `me` needs it). */
function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return api.graphql<T>(query, variables);
}

/** Waits for the condition to hold, polling the page; fails with the last value seen. */
const POLL = { timeout: 20_000, interval: 100 };

interface CatalogEntry {
  code: string;
  label: string;
  unit: string;
}

async function catalogEntry(code: string): Promise<CatalogEntry> {
  const { metricCatalog } = await graphql<{ metricCatalog: CatalogEntry[] }>('{ metricCatalog { code label unit } }');
  const entry = metricCatalog.find((metric) => metric.code === code);
  if (!entry) throw new Error(`The catalog has no ${code}`);
  return entry;
}

/** `overview(year) { kpis { metric value } }`: the value of one metric. */
async function overviewValue(year: number, metric: string): Promise<number> {
  const data = await graphql<{ overview: { kpis: { metric: string; value: number | null }[] } }>(
    'query Kpis($year: Int!) { overview(year: $year) { kpis { metric value } } }',
    { year },
  );
  const value = data.overview.kpis.find((kpi) => kpi.metric === metric)?.value;
  if (typeof value !== 'number') throw new Error(`overview(year: ${year}) has no ${metric} value`);
  return value;
}

/** A KPI card's figure as shown: its text, its machine-readable value and its full value in the title. */
function readKpiFigure(label: string) {
  for (const card of document.querySelectorAll('article.kpi-card')) {
    if (card.querySelector('h3')?.textContent !== label) continue;
    const data = card.querySelector('.kpi-card__value data');
    if (!data) return null;
    return { text: data.textContent, value: data.getAttribute('value'), title: data.getAttribute('title') };
  }
  return null;
}

describe('the overview shows the API’s figures', () => {
  it('shows on the revenue card the REVENUE_USD value of overview(year: 2025), formatted as the card does', async () => {
    const page = await openPage('/');
    const [{ label, unit: unitName }, revenue] = await Promise.all([
      catalogEntry('REVENUE_USD'),
      overviewValue(2025, 'REVENUE_USD'),
    ]);
    const unit = parseUnit(unitName);
    expect(label).toBe('Revenue');
    expect(unit).toBe('USD');
    await page.getByRole('article', { name: label, exact: true }).waitFor();

    await expect
      .poll(() => page.evaluate(readKpiFigure, label), POLL)
      .toEqual({
        text: formatMetricValue(revenue, unit),
        value: String(revenue),
        title: formatMetricValueFull(revenue, unit),
      });
    expect(formatMetricValue(revenue, unit)).toMatch(/^\$\d+(\.\d)?[KMB]$/);
  });

  it('changes ?year= in the URL and the figure when another year is chosen', async () => {
    const page = await openPage('/');
    const [revenue2025, revenue2023] = await Promise.all([
      overviewValue(2025, 'REVENUE_USD'),
      overviewValue(2023, 'REVENUE_USD'),
    ]);
    // Otherwise the test could not tell the years apart.
    expect(formatMetricValue(revenue2023, 'USD')).not.toBe(formatMetricValue(revenue2025, 'USD'));
    await expect
      .poll(() => page.evaluate(readKpiFigure, 'Revenue'), POLL)
      .toMatchObject({ value: String(revenue2025) });

    await page.getByLabel('Year', { exact: true }).selectOption('2023');
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('year') === '2023');
    await expect
      .poll(() => page.evaluate(readKpiFigure, 'Revenue'), POLL)
      .toEqual({
        text: formatMetricValue(revenue2023, 'USD'),
        value: String(revenue2023),
        title: formatMetricValueFull(revenue2023, 'USD'),
      });
    expect(await page.getByRole('heading', { level: 1, name: 'Overview' }).isVisible()).toBe(true);
    expect(await page.getByText("against the strategy's objectives, 2023").count()).toBe(1);
  });
});

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

/** The contributions table's rows as shown: date, reference, amount and office badge, in order. */
function readContributionRows() {
  const table = [...document.querySelectorAll<HTMLTableElement>('table.data-table')].find(
    (each) => each.caption?.textContent === 'Contributions',
  );
  if (!table || table.getAttribute('aria-busy') === 'true') return null;
  const headers = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/[▲▼↕]/g, ''));
  const column = (name: string) => headers.indexOf(name);
  return [...table.querySelectorAll('tbody tr')].map((row) => {
    const cells = [...row.querySelectorAll('th, td')];
    return {
      date: cells[column('Date')]?.textContent ?? '',
      ref: cells[column('Reference')]?.textContent ?? '',
      amount: cells[column('Amount')]?.textContent ?? '',
      region: cells[column('Office')]?.querySelector('.badge')?.textContent ?? '',
    };
  });
}

/** The text of the pagination's range ("1–50 of 1,058"), or null. */
function readRowRange() {
  return document.querySelector('.data-table-pagination__range')?.textContent ?? null;
}

/** Parses CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) into records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

interface ContributionPage {
  contributions: {
    totalCount: number;
    nodes: { externalRef: string; date: string; amountUsd: number; region: { code: string } }[];
  };
}

describe('the contributions page', () => {
  it('filters by region through the URL, and exports exactly the rows it lists', async () => {
    const page = await openPage('/contributions');
    await expect.poll(() => page.evaluate(readRowRange), POLL).toMatch(/^1–50 of [\d,]+$/);

    await page.getByLabel('Region', { exact: true }).selectOption('RBN');
    await page.waitForURL((url) => url.pathname === '/contributions' && url.searchParams.get('region') === 'RBN');

    // The page's own question, for its first page: 2025, RBN, newest first, 50 rows.
    const { contributions } = await graphql<ContributionPage>(
      `query Page($filter: ContributionFilter, $orderBy: ContributionOrder) {
        contributions(first: 50, filter: $filter, orderBy: $orderBy) {
          totalCount
          nodes { externalRef date amountUsd region { code } }
        }
      }`,
      {
        filter: { dateFrom: '2025-01-01', dateTo: '2025-12-31', regionCodes: ['RBN'] },
        orderBy: { field: 'DATE', direction: 'DESC' },
      },
    );
    const { totalCount, nodes } = contributions;
    const first = nodes[0];
    if (!first) throw new Error('RBN raised nothing in 2025');
    expect(totalCount).toBeGreaterThan(nodes.length);

    await expect
      .poll(async () => (await page.evaluate(readContributionRows))?.map((row) => row.ref), POLL)
      .toEqual(nodes.map((node) => node.externalRef));
    const shown = (await page.evaluate(readContributionRows)) ?? [];
    expect(shown[0]).toEqual({
      date: formatDate(first.date),
      ref: first.externalRef,
      amount: formatUsd(first.amountUsd),
      region: 'RBN',
    });
    expect(shown.every((row) => row.region === 'RBN')).toBe(true);
    expect(await page.evaluate(readRowRange)).toBe(formatRowRange(0, 50, totalCount, 50));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contributions-2025-01-01-to-2025-12-31.csv');
    const raw = await readFile(await download.path(), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(raw.slice(1));
    expect(header).toEqual([
      'Date',
      'Reference',
      'Partner',
      'Amount (USD)',
      'Stream',
      'Kind',
      'Region',
      'Country',
      'Objective',
      'Partnership',
    ]);
    const field = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1];

    // Every row of the list (all its pages), the page's rows first and in its order, as plain values.
    expect(rows).toHaveLength(totalCount);
    expect(rows.slice(0, shown.length).map((row) => field(row, 'Reference'))).toEqual(shown.map((row) => row.ref));
    expect(rows.every((row) => field(row, 'Region') === 'RBN')).toBe(true);
    expect({
      date: field(rows[0], 'Date'),
      ref: field(rows[0], 'Reference'),
      amount: field(rows[0], 'Amount (USD)'),
      region: field(rows[0], 'Region'),
    }).toEqual({ date: first.date, ref: first.externalRef, amount: String(first.amountUsd), region: 'RBN' });
    expect(rows.every((row) => /^-?\d+(\.\d+)?$/.test(field(row, 'Amount (USD)') ?? ''))).toBe(true);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(field(row, 'Date') ?? ''))).toBe(true);
    await page.getByText(`Exported ${totalCount.toLocaleString('en-US')} rows.`).waitFor();
  });
});

describe('privacy', () => {
  it('refuses requests to other origins (the guard works)', async () => {
    const probe = await openSignedInPage(browser, origin, ADMIN);
    try {
      await probe.page.goto('/nowhere');
      await probe.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      const outcome = await probe.page.evaluate(() =>
        fetch('https://example.com/beacon', { mode: 'no-cors' }).then(
          () => 'sent',
          () => 'refused',
        ),
      );
      expect(outcome).toBe('refused');
      expect(probe.blockedRequests).toEqual(['https://example.com/beacon']);
    } finally {
      await probe.context.close();
    }
  });

  it('asked nothing of another origin on any page above, and logged no console error', () => {
    expect(opened.length).toBeGreaterThanOrEqual(4);
    expect(opened.flatMap((each) => each.blockedRequests)).toEqual([]);
    expect(opened.flatMap((each) => foreignRequests(each.requests, origin))).toEqual([]);
    expect(opened.every((each) => each.requests.some((url) => url === `${origin}/graphql`))).toBe(true);
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
  });
});
