import { describe, expect, it } from 'vitest';
import type { MetricCode } from './catalog';
import type { MetricsQuery } from './query';
import { useRollupsData } from './rollups.kit';

/**
 * The rollups' answers on the hand-computed data set of `metrics.test.ts`: on period edges worked
 * out by hand, and for questions asked again, each the fact tables' own.
 */

const { ids, rows, expectRollupsInStep, bothWays, total, byGroup } = useRollupsData();

describe('rollups on period edges', () => {
  it('starts in step with the fact tables', async () => {
    expect((await rows('SELECT count(*)::int AS n FROM partner_activity'))[0]?.n).toBeGreaterThan(0);
    await expectRollupsInStep();
  });

  it('sums across 31 December and 1 January, on 29 February and over months cut mid-way', async () => {
    const revenue = (from: string, to: string) => total({ metrics: ['REVENUE_USD'], from, to }, 'REVENUE_USD');
    expect(await revenue('2023-12-31', '2024-01-01')).toBe('250.50');
    expect(await revenue('2024-02-01', '2024-02-29')).toBe('300.25');
    expect(await revenue('2024-02-29', '2024-02-29')).toBe('300.25');
    expect(await revenue('2024-02-15', '2024-03-10')).toBe('300.25');
    expect(await revenue('2024-01-02', '2024-12-30')).toBe('700.25');
    expect(await revenue('2023-01-01', '2025-12-31')).toBe('1126.05');
    const kenya = await byGroup(
      { metrics: ['REVENUE_USD'], from: '2023-12-31', to: '2024-01-01', groupBy: ['COUNTRY'] },
      'REVENUE_USD',
      'countryIso3',
    );
    expect(kenya).toEqual({ KEN: '250.50' });
  });

  it('counts active and new partners on single days: 31 December of a leap year, 29 February', async () => {
    const partners = (metric: MetricCode, from: string, to: string) => total({ metrics: [metric], from, to }, metric);
    expect(await partners('ACTIVE_PARTNERS', '2024-12-31', '2024-12-31')).toBe('1');
    expect(await partners('ACTIVE_PARTNERS', '2024-01-02', '2024-12-30')).toBe('2');
    expect(await partners('NEW_PARTNERS', '2024-02-29', '2024-02-29')).toBe('1');
    expect(await partners('NEW_PARTNERS', '2024-03-01', '2024-12-31')).toBe('0');
    const leapDay = await bothWays({
      metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS'],
      from: '2024-02-29',
      to: '2024-02-29',
      compare: ['PREVIOUS_YEAR'],
    });
    expect(leapDay.total.values.map((value) => [value.value, value.previous])).toEqual([
      ['300.25', '0'],
      ['1', '0'],
    ]);
  });

  it('retains a partner who gives again, not one who gave one year and not the next', async () => {
    const retention = { metrics: ['PARTNER_RETENTION_RATE'] as MetricCode[], from: '2025-01-01', to: '2025-12-31' };
    expect(await total(retention, 'PARTNER_RETENTION_RATE')).toBe('0.250000');
    expect(await byGroup({ ...retention, groupBy: ['REGION'] }, 'PARTNER_RETENTION_RATE', 'regionCode')).toEqual({
      HQ: '0.000000',
      RBB: '0.000000',
      RBN: '0.500000',
    });
    // 1 January to 1 March 2025 against the 59 days before: Gamma gave on 31 December 2024, not since.
    expect(await total({ ...retention, to: '2025-03-01' }, 'PARTNER_RETENTION_RATE')).toBe('0.000000');
    // Delta gave in 2019, lapsed, and came back in 2024: active, not new.
    const partners = await bothWays({
      metrics: ['ACTIVE_PARTNERS', 'NEW_PARTNERS'],
      from: '2019-01-01',
      to: '2025-12-31',
      grain: 'YEAR',
      filter: { partnerIds: [ids().delta] },
    });
    expect(partners.rows.map((row) => row.values.map((value) => value.value))).toEqual([
      ['1', '1'],
      ['0', '0'],
      ['0', '0'],
      ['0', '0'],
      ['0', '0'],
      ['1', '0'],
      ['0', '0'],
    ]);
  });
});

describe('the statements of questions asked again', () => {
  it('answers questions that differ in one thing each, asked in turn and again, each as the fact tables do', async () => {
    const year: MetricsQuery = {
      metrics: ['REVENUE_USD', 'ACTIVE_PARTNERS', 'NEW_PARTNERS', 'PARTNER_RETENTION_RATE'],
      from: '2024-01-01',
      to: '2024-12-31',
    };
    const questions: MetricsQuery[] = [
      year,
      { ...year, filter: { regionCodes: ['RBN'] } },
      { ...year, filter: { regionCodes: ['RBB'] } },
      { ...year, groupBy: ['REGION'] },
      { ...year, groupBy: ['COUNTRY'] },
      { ...year, from: '2023-01-01', to: '2023-12-31' },
      { ...year, compare: ['PREVIOUS_YEAR'] },
      { ...year, grain: 'QUARTER' },
      { ...year, grain: 'MONTH' },
      { ...year, metrics: ['REVENUE_USD'] },
      { ...year, to: '2024-12-30' },
    ];
    const first = [];
    for (const question of questions) first.push(await bothWays(question));
    // Again, the other way round: each question's statement is its own.
    for (const [index, question] of [...questions.entries()].reverse()) {
      expect(await bothWays(question), JSON.stringify(question)).toEqual(first[index]);
    }
    expect(first[1]).not.toEqual(first[2]);
  });
});
