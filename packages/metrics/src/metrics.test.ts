import { describe, expect, it } from 'vitest';
import { figure, useHandData, year } from './hand-data.kit';
import type { MetricsQuery, MetricsRow } from './query';

const handData = useHandData();
const { run } = handData;

describe('revenue, counts and averages', () => {
  it('sums a year exactly, gifts on 1 January and 31 December included', async () => {
    const { total } = await run({
      metrics: ['REVENUE_USD', 'CASH_REVENUE_USD', 'IN_KIND_REVENUE_USD', 'CONTRIBUTION_COUNT', 'AVERAGE_GIFT_USD'],
      ...year(2023),
    });
    expect(total.values.map((value) => value.value)).toEqual(['300.70', '100.20', '200.50', '3', '100.23']);
  });

  it('counts 29 February in its day, month and quarter', async () => {
    const day = await run({ metrics: ['REVENUE_USD'], from: '2024-02-29', to: '2024-02-29' });
    expect(figure(day.total, 'REVENUE_USD').value).toBe('300.25');
    const quarters = await run({ metrics: ['REVENUE_USD'], ...year(2024), grain: 'QUARTER' });
    expect(quarters.rows.map((row) => [row.period?.label, figure(row, 'REVENUE_USD').value])).toEqual([
      ['2024-Q1', '350.25'],
      ['2024-Q2', '400.00'],
      ['2024-Q3', '0'],
      ['2024-Q4', '0.10'],
    ]);
    expect(figure(quarters.total, 'REVENUE_USD').value).toBe('750.35');
  });

  it('gives an empty slice zero revenue, zero counts and null averages and rates', async () => {
    const { total, rows } = await run({
      metrics: [
        'REVENUE_USD',
        'CONTRIBUTION_COUNT',
        'AVERAGE_GIFT_USD',
        'ACTIVE_PARTNERS',
        'NEW_PARTNERS',
        'PARTNER_RETENTION_RATE',
      ],
      ...year(2022),
    });
    expect(total.values.map((value) => value.value)).toEqual(['0', '0', null, '0', '0', null]);
    expect(rows).toHaveLength(1);
  });

  it('splits cash and in-kind, and filters by kind', async () => {
    const inKind = await run({
      metrics: ['REVENUE_USD', 'CONTRIBUTION_COUNT'],
      ...year(2023),
      filter: { kind: 'IN_KIND' },
    });
    expect(inKind.total.values.map((value) => value.value)).toEqual(['200.50', '1']);
  });

  it('keeps a gift in the bureau it was raised in when its country moves (Sudan, RBC → RBN)', async () => {
    const all = { from: '2019-01-01', to: '2025-12-31' };
    const byRegion = await run({ metrics: ['REVENUE_USD'], ...all, groupBy: ['REGION'] });
    const revenue = Object.fromEntries(byRegion.rows.map((row) => [row.regionCode, figure(row, 'REVENUE_USD').value]));
    expect(revenue).toEqual({ HQ: '0.30', RBB: '300.25', RBC: '1000.00', RBN: '825.50' });
    const sudan = await run({ metrics: ['REVENUE_USD'], ...all, filter: { countryIsos: ['SDN'] } });
    expect(figure(sudan.total, 'REVENUE_USD').value).toBe('1400.00');
  });

  it('groups by every dimension, and the groups add up to the total', async () => {
    for (const dimension of ['REGION', 'COUNTRY', 'INCOME_STREAM', 'PARTNER_TYPE', 'OBJECTIVE', 'PARTNER'] as const) {
      const result = await run({ metrics: ['REVENUE_USD'], ...year(2024), groupBy: [dimension] });
      const sum = result.rows.reduce(
        (cents, row) => cents + Math.round(Number(figure(row, 'REVENUE_USD').value) * 100),
        0,
      );
      expect(sum, dimension).toBe(75035);
      expect(figure(result.total, 'REVENUE_USD').value).toBe('750.35');
    }
    const byType = await run({ metrics: ['REVENUE_USD'], ...year(2024), groupBy: ['PARTNER_TYPE'] });
    expect(byType.rows.map((row) => [row.partnerType, figure(row, 'REVENUE_USD').value])).toEqual([
      ['CORPORATION', '50.00'],
      ['FOUNDATION', '300.25'],
      ['GIVING_CHANNEL', '0.10'],
      ['HNWI', '400.00'],
    ]);
    const byPartner = await run({
      metrics: ['REVENUE_USD'],
      ...year(2024),
      groupBy: ['PARTNER'],
      filter: { partnerIds: [handData.ids().delta] },
    });
    expect(byPartner.rows.map((row) => [row.partnerId, figure(row, 'REVENUE_USD').value])).toEqual([
      [handData.ids().delta, '400.00'],
    ]);
  });
});

describe('partners: active, new, retained', () => {
  it('counts active and new partners, a lapsed partner returning not being new', async () => {
    const result = await run({
      metrics: ['ACTIVE_PARTNERS', 'NEW_PARTNERS'],
      from: '2023-01-01',
      to: '2025-12-31',
      grain: 'YEAR',
    });
    expect(result.rows.map((row) => [row.period?.label, ...row.values.map((value) => value.value)])).toEqual([
      ['2023', '2', '2'],
      ['2024', '4', '1'],
      ['2025', '1', '0'],
    ]);
    expect(result.total.values.map((value) => value.value)).toEqual(['4', '3']);
  });

  it('judges newness within the slice: Delta is new to RBN in 2024, though not to the organisation', async () => {
    const result = await run({ metrics: ['NEW_PARTNERS'], ...year(2024), groupBy: ['REGION'] });
    const fresh = Object.fromEntries(result.rows.map((row) => [row.regionCode, figure(row, 'NEW_PARTNERS').value]));
    expect(fresh).toEqual({ HQ: '0', RBB: '1', RBN: '1' });
    expect(figure(result.total, 'NEW_PARTNERS').value).toBe('1');
  });

  it('retains the share of last period’s partners still giving, null when none gave', async () => {
    const result = await run({
      metrics: ['PARTNER_RETENTION_RATE'],
      from: '2020-01-01',
      to: '2025-12-31',
      grain: 'YEAR',
    });
    const rate = (row: MetricsRow) => figure(row, 'PARTNER_RETENTION_RATE').value;
    expect(result.rows.map((row) => [row.period?.label, rate(row) === null ? null : Number(rate(row))])).toEqual([
      ['2020', 0],
      ['2021', null],
      ['2022', null],
      ['2023', null],
      ['2024', 1],
      ['2025', 0.25],
    ]);
  });
});

describe('comparisons', () => {
  it('compares with the previous period and the same period a year earlier', async () => {
    const result = await run({ metrics: ['REVENUE_USD'], ...year(2024), compare: ['PREVIOUS_PERIOD'] });
    const revenue = figure(result.total, 'REVENUE_USD');
    expect(revenue.previous).toBe('300.70');
    expect(revenue.change).toBe(1.495344196874);
    const leapDay = await run({
      metrics: ['REVENUE_USD'],
      from: '2024-02-29',
      to: '2024-02-29',
      compare: ['PREVIOUS_YEAR'],
    });
    // 29 Feb 2024 compares with 28 Feb 2023: nothing then, so no change can be computed.
    expect(figure(leapDay.total, 'REVENUE_USD')).toMatchObject({ value: '300.25', previous: '0', change: null });
  });

  it('compares each bucket with its own previous period', async () => {
    const result = await run({
      metrics: ['REVENUE_USD'],
      from: '2024-01-01',
      to: '2024-03-31',
      grain: 'MONTH',
      compare: ['PREVIOUS_PERIOD'],
    });
    expect(result.rows.map((row) => [row.period?.label, figure(row, 'REVENUE_USD').previous])).toEqual([
      ['Jan 2024', '200.50'],
      ['Feb 2024', '50.00'],
      ['Mar 2024', '300.25'],
    ]);
  });
});

describe('order and limit', () => {
  const byAverage = (direction: 'asc' | 'desc', limit?: number) =>
    run({
      metrics: ['AVERAGE_GIFT_USD', 'REVENUE_USD'],
      ...year(2024),
      groupBy: ['REGION'],
      compare: ['PREVIOUS_YEAR', 'TARGET'],
      orderBy: [{ by: { metric: 'AVERAGE_GIFT_USD' }, direction }],
      limit,
    });
  const order = (rows: MetricsRow[]) => rows.map((row) => [row.regionCode, figure(row, 'AVERAGE_GIFT_USD').value]);

  it('orders by a metric either way, a null value last whatever the direction', async () => {
    // RBD has a target and no gift: no average.
    const last = ['RBD', null];
    expect(order((await byAverage('desc')).rows)).toEqual([['RBB', '300.25'], ['RBN', '225.00'], ['HQ', '0.10'], last]);
    expect(order((await byAverage('asc')).rows)).toEqual([['HQ', '0.10'], ['RBN', '225.00'], ['RBB', '300.25'], last]);
  });

  it('cuts the ordered rows to the limit, each kept row whole, the total over every group', async () => {
    const all = await byAverage('desc');
    const cut = await byAverage('desc', 2);
    expect(cut.rows).toEqual(all.rows.slice(0, 2));
    expect(cut.total).toEqual(all.total);
  });

  it('breaks ties by period, then by the group keys', async () => {
    const result = await run({
      metrics: ['NEW_PARTNERS'],
      ...year(2024),
      grain: 'QUARTER',
      groupBy: ['REGION'],
      orderBy: [{ by: { metric: 'NEW_PARTNERS' }, direction: 'desc' }],
    });
    const keys = result.rows.map((row) => [
      Number(figure(row, 'NEW_PARTNERS').value),
      row.period?.from,
      row.regionCode,
    ]);
    const expected = [...keys].sort((a, b) => {
      if (a[0] !== b[0]) return Number(b[0]) - Number(a[0]);
      return String(a[1]).localeCompare(String(b[1])) || String(a[2]).localeCompare(String(b[2]));
    });
    expect(new Set(keys.map((key) => key[0])).size).toBeLessThan(keys.length);
    expect(keys).toEqual(expected);
  });
});

describe('impact and pipeline', () => {
  it('sums impact records of the metric, on period edges', async () => {
    const result = await run({
      metrics: ['BENEFICIARIES_REACHED', 'WORKPLANS_COMPLETED'],
      ...year(2024),
      groupBy: ['REGION'],
    });
    expect(result.rows.map((row) => [row.regionCode, ...row.values.map((value) => Number(value.value))])).toEqual([
      ['HQ', 0, 3],
      ['RBB', 500, 0],
      ['RBN', 1000, 0],
    ]);
    expect(Number(figure(result.total, 'BENEFICIARIES_REACHED').value)).toBe(1500);
  });

  it('weighs open opportunities by probability, leaving out WON and LOST', async () => {
    const result = await run({
      metrics: ['PIPELINE_WEIGHTED_USD'],
      from: '2024-01-01',
      to: '2025-12-31',
      grain: 'YEAR',
    });
    expect(result.rows.map((row) => figure(row, 'PIPELINE_WEIGHTED_USD').value)).toEqual(['533.33', '75.00']);
  });
});

describe('bad requests', () => {
  const fails = (query: Partial<MetricsQuery>, code: string, message: RegExp) =>
    expect(run({ metrics: ['REVENUE_USD'], ...year(2024), ...query })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });

  it('explains what is wrong and what is allowed', async () => {
    await fails({ from: '2025-01-01', to: '2024-01-01' }, 'INVALID_RANGE', /after `to`/);
    await fails({ from: '1990-01-01', to: '2025-01-01' }, 'RANGE_TOO_LONG', /25 years/);
    await fails(
      { metrics: ['BENEFICIARIES_REACHED'], groupBy: ['INCOME_STREAM'] },
      'NOT_GROUPABLE',
      /REGION, COUNTRY, OBJECTIVE/,
    );
    await fails(
      { metrics: ['PIPELINE_WEIGHTED_USD'], filter: { kind: 'CASH' } },
      'NOT_FILTERABLE',
      /cannot be filtered by kind/,
    );
    await fails({ filter: { regionCodes: ['RBX'] } }, 'UNKNOWN_CODE', /Unknown region code RBX.*Known: HQ, RBB/);
    await fails({ metrics: [] }, 'NO_METRICS', /at least one metric/);
  });
});
