import { describe, expect, it } from 'vitest';
import { figure, useHandData, year } from './hand-data.kit';
import { computeKeyFigures } from './key-figures';

const handData = useHandData();
const { run } = handData;

describe('targets, attainment and status', () => {
  it('uses the GLOBAL target for an ungrouped slice and judges the pace', async () => {
    const result = await run({ metrics: ['REVENUE_USD'], ...year(2024), compare: ['TARGET'] });
    expect(figure(result.total, 'REVENUE_USD')).toMatchObject({
      target: '1000.00',
      attainment: 0.75035,
      status: 'AT_RISK',
    });
    const early = await run({ metrics: ['REVENUE_USD'], ...year(2025), compare: ['TARGET'], asOf: '2025-03-01' });
    expect(figure(early.total, 'REVENUE_USD')).toMatchObject({ target: '365.00', status: 'ON_TRACK' });
    const late = await run({ metrics: ['REVENUE_USD'], ...year(2025), compare: ['TARGET'] });
    expect(figure(late.total, 'REVENUE_USD').status).toBe('OFF_TRACK');
  });

  it('prorates a yearly target by days and uses quarter targets where the year has them', async () => {
    const january = await run({
      metrics: ['REVENUE_USD'],
      from: '2024-01-01',
      to: '2024-01-31',
      groupBy: ['REGION'],
      compare: ['TARGET'],
      filter: { regionCodes: ['RBN'] },
    });
    expect(figure(january.rows[0], 'REVENUE_USD')).toMatchObject({ value: '50.00', target: '31.00' });
    const rbb = await run({
      metrics: ['REVENUE_USD'],
      ...year(2024),
      grain: 'MONTH',
      groupBy: ['REGION'],
      compare: ['TARGET'],
      filter: { regionCodes: ['RBB'] },
    });
    const targetsByMonth = rbb.rows.map((row) => figure(row, 'REVENUE_USD').target);
    expect(targetsByMonth.slice(0, 4)).toEqual(['34.07', '31.87', '34.07', '65.93']);
    expect(targetsByMonth.slice(6)).toEqual([null, null, null, null, null, null]);
    const whole = await run({
      metrics: ['REVENUE_USD'],
      ...year(2024),
      groupBy: ['REGION'],
      compare: ['TARGET'],
      filter: { regionCodes: ['RBB'] },
    });
    expect(figure(whole.rows[0], 'REVENUE_USD').target).toBe('300.00');
  });

  it('prorates across the turn of a year, each year’s days by that year’s target', async () => {
    // GLOBAL: 1,000 over the 366 days of 2024, 365 over 2025. December 2024 and January 2025.
    const turn = {
      metrics: ['REVENUE_USD'] as const,
      from: '2024-12-01',
      to: '2025-01-31',
      compare: ['TARGET'] as const,
    };
    const whole = await run(turn);
    // 31 × 1,000 / 366 + 31 × 365 / 365 = 84.699… + 31
    expect(figure(whole.total, 'REVENUE_USD').target).toBe('115.70');
    const months = await run({ ...turn, grain: 'MONTH' });
    expect(months.rows.map((row) => [row.period?.label, figure(row, 'REVENUE_USD').target])).toEqual([
      ['Dec 2024', '84.70'],
      ['Jan 2025', '31.00'],
    ]);
  });

  it('sums the targets of the countries a slice is filtered to, and has none when cut by another dimension', async () => {
    const countries = await run({
      metrics: ['REVENUE_USD'],
      ...year(2024),
      compare: ['TARGET'],
      filter: { countryIsos: ['KEN', 'BGD'] },
    });
    expect(figure(countries.total, 'REVENUE_USD')).toMatchObject({ value: '350.25', target: '600.00' });
    const byStream = await run({
      metrics: ['REVENUE_USD'],
      ...year(2024),
      compare: ['TARGET'],
      groupBy: ['INCOME_STREAM'],
    });
    expect(byStream.rows.every((row) => figure(row, 'REVENUE_USD').target === null)).toBe(true);
  });

  it('shows a region with a target and no revenue as 0, not nothing', async () => {
    const result = await run({ metrics: ['REVENUE_USD'], ...year(2024), groupBy: ['REGION'], compare: ['TARGET'] });
    const rbd = result.rows.find((row) => row.regionCode === 'RBD');
    expect(figure(rbd, 'REVENUE_USD')).toMatchObject({
      value: '0',
      target: '10.00',
      attainment: 0,
      status: 'OFF_TRACK',
    });
    const hq = result.rows.find((row) => row.regionCode === 'HQ');
    expect(figure(hq, 'REVENUE_USD')).toMatchObject({ value: '0.10', target: null, attainment: null, status: null });
  });

  it('lists key figures by region in code order, regions with a target and no data yet among the others', async () => {
    // On 1 January 2024 only RBN has given; RBB (quarter targets: 300 for the year) and RBD have
    // 2024 targets and nothing yet.
    const rows = await computeKeyFigures(handData.db(), { year: 2024, asOf: '2024-01-01', groupBy: ['REGION'] });
    expect(rows.map((row) => row.regionCode)).toEqual(['RBB', 'RBD', 'RBN']);
    expect(figure(rows[2], 'REVENUE_USD').value).toBe('50.00');
    expect(figure(rows[0], 'REVENUE_USD')).toMatchObject({ value: '0', target: '300.00' });
  });

  it('takes a rate’s target as it is, never prorated, and none for several scopes', async () => {
    const quarter = await run({
      metrics: ['PARTNER_RETENTION_RATE'],
      from: '2025-01-01',
      to: '2025-03-31',
      compare: ['TARGET'],
    });
    expect(figure(quarter.total, 'PARTNER_RETENTION_RATE').target).toBe('0.5000');
    const year2025 = await run({ metrics: ['PARTNER_RETENTION_RATE'], ...year(2025), compare: ['TARGET'] });
    expect(figure(year2025.total, 'PARTNER_RETENTION_RATE')).toMatchObject({ attainment: 0.5, status: 'OFF_TRACK' });
    const two = await run({
      metrics: ['PARTNER_RETENTION_RATE'],
      ...year(2025),
      compare: ['TARGET'],
      filter: { regionCodes: ['RBN', 'RBB'] },
    });
    expect(figure(two.total, 'PARTNER_RETENTION_RATE').target).toBeNull();
  });
});
