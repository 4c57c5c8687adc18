import { selectRows } from '@panorama/db';
import { seedDemoData } from '@panorama/demo';
import { calendarPeriod, periodLabel, yearEarlier } from '@panorama/metrics';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { QUERIES, type QueryName, RAW_SQL } from './bench-queries';

/**
 * The raw SQL beside each benchmarked query answers the same question: on the demo data, its
 * figures are the API's, so that `pnpm bench`'s "raw SQL ÷ cold" compares like with like.
 */

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: (_db, database) => seedDemoData(database, { contributions: 8_000 }) });
});
afterAll(async () => {
  await api?.close();
});

type RawRow = Record<string, string | number | null>;

/** The benchmark's own GraphQL document, asked as an analyst (as `pnpm bench` asks it). */
async function answer<T>(name: QueryName): Promise<T> {
  const result = await api.graphql<T>(QUERIES[name], undefined, { as: 'analyst' });
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error(`${name}: no data`);
  return result.data;
}

/** The raw SQL's rows as JSON: numbers as numbers, days as `2025-03-01`. */
async function raw(name: QueryName): Promise<RawRow[]> {
  const rows = await api.database.asOwner((db) =>
    selectRows<{ row: string }>(
      db,
      sql.raw(`SELECT row_to_json(answer)::text AS row FROM (${RAW_SQL[name]}) AS answer`),
    ),
  );
  return rows.map(({ row }) => JSON.parse(row) as RawRow);
}

/** Cents, to compare sums of money without a float's last digits (null and missing: 0). */
const cents = (value: string | number | null | undefined) => Math.round(Number(value ?? 0) * 100);

/** The API's label of the month or quarter a raw day starts: `Mar 2025`, `2025-Q1`. */
const monthLabel = (day: unknown) => periodLabel(calendarPeriod('MONTH', String(day)));
const quarterLabel = (day: unknown) => periodLabel(calendarPeriod('QUARTER', String(day)));

/** One raw row where every given column has the given value (undefined when there is none). */
function rowWhere(rows: readonly RawRow[], match: RawRow): RawRow | undefined {
  const found = rows.filter((row) => Object.entries(match).every(([column, value]) => row[column] === value));
  expect(found.length, JSON.stringify(match)).toBeLessThanOrEqual(1);
  return found[0];
}

interface Figure {
  metric?: string;
  value: number | null;
  previous?: number | null;
  target?: number | null;
}
const figure = (values: readonly Figure[], metric: string) => {
  const found = values.find((value) => value.metric === metric);
  if (!found) throw new Error(`no ${metric}`);
  return found;
};

describe('the raw SQL of pnpm bench', () => {
  it('gives the overview’s revenue, gifts and partners: in all, by region, by income stream, by month', async () => {
    const { overview } = await answer<{
      overview: {
        asOf: string;
        kpis: Figure[];
        regions: { region: { code: string }; values: Figure[] }[];
        byIncomeStream: { incomeStream: string; values: Figure[] }[];
        trend: { period: { label: string }; values: Figure[] }[];
      };
    }>('overview');
    const rows = await raw('overview');
    // The raw SQL reads whole years: the demo data runs to 31 December.
    expect(overview.asOf).toBe('2025-12-31');
    const total = (year: number) => rowWhere(rows, { part: 'total', year });
    expect(cents(figure(overview.kpis, 'REVENUE_USD').value)).toBe(cents(total(2025)?.revenue));
    expect(cents(figure(overview.kpis, 'REVENUE_USD').previous)).toBe(cents(total(2024)?.revenue));
    expect(figure(overview.kpis, 'CONTRIBUTION_COUNT').value).toBe(total(2025)?.gifts);
    expect(figure(overview.kpis, 'ACTIVE_PARTNERS').value).toBe(total(2025)?.partners);
    expect(figure(overview.kpis, 'ACTIVE_PARTNERS').previous).toBe(total(2024)?.partners);

    const regions = rows.filter((row) => row.part === 'region' && row.year === 2025);
    expect(regions.length).toBeGreaterThan(1);
    for (const row of regions) {
      const region = overview.regions.find((entry) => entry.region.code === row.region_code);
      expect(region, String(row.region_code)).toBeDefined();
      expect(cents(figure(region?.values ?? [], 'REVENUE_USD').value)).toBe(cents(row.revenue));
      expect(figure(region?.values ?? [], 'ACTIVE_PARTNERS').value).toBe(row.partners);
    }

    expect(overview.byIncomeStream.length).toBeGreaterThan(1);
    for (const { incomeStream, values } of overview.byIncomeStream) {
      const [revenue] = values;
      expect(cents(revenue?.value)).toBe(cents(rowWhere(rows, { income_stream: incomeStream, year: 2025 })?.revenue));
      expect(cents(revenue?.previous)).toBe(
        cents(rowWhere(rows, { income_stream: incomeStream, year: 2024 })?.revenue),
      );
    }

    const months = rows
      .filter((row) => row.part === 'month' && row.year === 2025)
      .sort((a, b) => String(a.month).localeCompare(String(b.month)));
    expect(overview.trend.map((row) => row.period.label)).toEqual(months.map((row) => monthLabel(row.month)));
    for (const row of months) {
      const [revenue] = overview.trend.find((entry) => entry.period.label === monthLabel(row.month))?.values ?? [];
      expect(cents(revenue?.value)).toBe(cents(row.revenue));
      const before = rowWhere(rows, { part: 'month', month: yearEarlier(String(row.month)) });
      expect(cents(revenue?.previous)).toBe(cents(before?.revenue));
    }
  });

  it('gives the panorama’s rank, share, peers, key figures, countries, top partners and trend', async () => {
    const { panorama } = await answer<{
      panorama: {
        rank: number;
        share: number;
        kpis: Figure[];
        peers: Figure[];
        byCountry: { country: { iso3: string } | null; values: Figure[] }[];
        topPartners: { partner: { name: string }; values: Figure[] }[];
        trend: { values: Figure[] }[];
      };
    }>('panorama');
    const rows = await raw('panorama');
    const regions = rows.filter((row) => row.part === 'region' && row.year === 2025);
    const mine = regions.find((row) => row.region_code === 'RBN');
    if (!mine) throw new Error('RBN has no gifts in 2025');
    const others = regions.filter((row) => row !== mine);
    expect(panorama.rank).toBe(1 + others.filter((row) => Number(row.revenue) > Number(mine.revenue)).length);
    const all = regions.reduce((sum, row) => sum + cents(row.revenue), 0);
    expect(panorama.share).toBeCloseTo(cents(mine.revenue) / all, 9);
    expect(cents(figure(panorama.kpis, 'REVENUE_USD').value)).toBe(cents(mine.revenue));
    expect(figure(panorama.kpis, 'CONTRIBUTION_COUNT').value).toBe(mine.gifts);
    expect(figure(panorama.kpis, 'ACTIVE_PARTNERS').value).toBe(mine.partners);
    const average = (column: string) => others.reduce((sum, row) => sum + Number(row[column]), 0) / others.length;
    expect(Math.abs((figure(panorama.peers, 'REVENUE_USD').value ?? 0) - average('revenue'))).toBeLessThan(0.006);
    expect(Math.abs((figure(panorama.peers, 'ACTIVE_PARTNERS').value ?? 0) - average('partners'))).toBeLessThan(0.006);

    const countries = rows.filter((row) => row.part === 'country' && row.year === 2025);
    expect(countries.length).toBeGreaterThan(1);
    for (const row of countries) {
      const country = panorama.byCountry.find((entry) => (entry.country?.iso3 ?? null) === row.country_iso3);
      expect(country, String(row.country_iso3)).toBeDefined();
      const [revenue, partners] = country?.values ?? [];
      expect(cents(revenue?.value)).toBe(cents(row.revenue));
      expect(partners?.value).toBe(row.partners);
    }

    const partners = rows
      .filter((row) => row.part === 'partner' && row.year === 2025)
      .sort((a, b) => cents(b.revenue) - cents(a.revenue));
    expect(panorama.topPartners).toHaveLength(10);
    expect(panorama.topPartners.map(({ values }) => [cents(values[0]?.value), values[1]?.value])).toEqual(
      partners.slice(0, 10).map((row) => [cents(row.revenue), row.gifts]),
    );

    expect(panorama.trend).toHaveLength(12);
    panorama.trend.forEach(({ values: [revenue] }, index) => {
      const month = `-${String(index + 1).padStart(2, '0')}-01`;
      expect(cents(revenue?.value)).toBe(cents(rowWhere(rows, { part: 'month', month: `2025${month}` })?.revenue));
      expect(cents(revenue?.previous)).toBe(cents(rowWhere(rows, { part: 'month', month: `2024${month}` })?.revenue));
    });
  });

  it('gives the metrics by region × income stream × quarter, with the previous year', async () => {
    const { metrics } = await answer<{
      metrics: {
        rows: { region: { code: string }; incomeStream: string; period: { label: string }; values: Figure[] }[];
        total: { values: Figure[] };
      };
    }>('metrics: region × stream × quarter');
    const rows = (await raw('metrics: region × stream × quarter')).map(
      (row): RawRow => ({
        ...row,
        label: quarterLabel(row.quarter),
      }),
    );
    const thisYear = rows.filter((row) => String(row.quarter).startsWith('2025'));
    expect(metrics.rows.length).toBeGreaterThanOrEqual(thisYear.length);
    for (const { region, incomeStream, period, values } of metrics.rows) {
      const key = { region_code: region.code, income_stream: incomeStream };
      const now = rowWhere(rows, { ...key, label: period.label });
      const before = rowWhere(rows, { ...key, label: period.label.replace('2025', '2024') });
      const [revenue, gifts, partners] = values;
      expect(cents(revenue?.value)).toBe(cents(now?.revenue));
      expect(cents(revenue?.previous)).toBe(cents(before?.revenue));
      expect(gifts?.value).toBe(now?.gifts ?? 0);
      expect(partners?.value).toBe(now?.partners ?? 0);
    }
    for (const row of thisYear) {
      expect(
        metrics.rows.some(
          (entry) =>
            entry.region.code === row.region_code &&
            entry.incomeStream === row.income_stream &&
            entry.period.label === row.label,
        ),
      ).toBe(true);
    }
    const [revenue] = metrics.total.values;
    expect(cents(revenue?.value)).toBe(thisYear.reduce((sum, row) => sum + cents(row.revenue), 0));
  });

  it('gives the top 20 partners by revenue, with their gifts and the previous year', async () => {
    const { metrics } = await answer<{ metrics: { rows: { values: Figure[] }[] } }>('metrics: top 20 partners');
    const rows = await raw('metrics: top 20 partners');
    expect(rows).toHaveLength(20);
    expect(
      metrics.rows.map(({ values }) => [cents(values[0]?.value), values[1]?.value, cents(values[0]?.previous)]),
    ).toEqual(rows.map((row) => [cents(row.revenue), row.gifts, cents(row.previous)]));
  });

  it('gives the region’s revenue, partners and revenue target by country × month', async () => {
    const { metrics } = await answer<{
      metrics: { rows: { country: { iso3: string } | null; period: { label: string }; values: Figure[] }[] };
    }>('metrics: RBN country × month vs target');
    const rows = await raw('metrics: RBN country × month vs target');
    expect(rows.length).toBeGreaterThan(12);
    expect(rows.some((row) => row.target !== null)).toBe(true);
    for (const row of rows) {
      const found = metrics.rows.find(
        (entry) => (entry.country?.iso3 ?? null) === row.country_iso3 && entry.period.label === monthLabel(row.month),
      );
      expect(found, `${row.country_iso3} ${row.month}`).toBeDefined();
      const revenue = figure(found?.values ?? [], 'REVENUE_USD');
      expect(cents(revenue.value)).toBe(cents(row.revenue));
      expect(cents(revenue.target)).toBe(cents(row.target));
      expect(figure(found?.values ?? [], 'ACTIVE_PARTNERS').value).toBe(row.partners);
    }
    // The API also shows the months of a country with a target and no gift, with zeros.
    for (const entry of metrics.rows) {
      const match = rows.some(
        (row) => row.country_iso3 === (entry.country?.iso3 ?? null) && monthLabel(row.month) === entry.period.label,
      );
      if (!match) expect(figure(entry.values, 'REVENUE_USD').value).toBe(0);
    }
  });
});
