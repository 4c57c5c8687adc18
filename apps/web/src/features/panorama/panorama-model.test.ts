import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { formatLongDate, periodText, yearElapsedShare } from '../../components/format/date';
import {
  comparePeer,
  hasAnyFigure,
  isUnknownRegion,
  type MetricDefinition,
  objectivesByPillar,
  ordinal,
  pipelineChartRows,
  rankText,
  supportingMetrics,
  trendChartRows,
} from './panorama-model';

describe('rankText', () => {
  it('says the rank as an English ordinal, among how many regions', () => {
    expect(rankText(2, 7)).toBe('2nd of 7 regions by revenue');
    expect(rankText(1, 1)).toBe('1st of 1 region by revenue');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
    ]);
  });
});

describe('comparePeer', () => {
  it('compares amounts and counts relatively', () => {
    expect(comparePeer(10_472_378.77, 9_568_594.66, 'USD')).toEqual({ direction: 'higher', text: '9% higher' });
    expect(comparePeer(52, 56.17, 'COUNT')).toEqual({ direction: 'lower', text: '7% lower' });
    expect(comparePeer(100, 100.2, 'COUNT')).toEqual({ direction: 'level', text: 'on a par' });
  });

  it('compares rates in percentage points', () => {
    expect(comparePeer(0.716981, 0.79, 'RATE')).toEqual({ direction: 'lower', text: '7.3 points lower' });
    expect(comparePeer(0.8, 0.79, 'RATE')).toEqual({ direction: 'higher', text: '1 point higher' });
  });

  it('says nothing without both values, or against an average of 0', () => {
    expect(comparePeer(null, 3, 'COUNT')).toBeNull();
    expect(comparePeer(3, null, 'COUNT')).toBeNull();
    expect(comparePeer(3, 0, 'USD')).toBeNull();
  });
});

describe('isUnknownRegion', () => {
  it('recognises the API refusing the region code, and nothing else', () => {
    const unknown = new CombinedError({
      graphQLErrors: [
        { message: 'Unknown region code XYZ.', extensions: { code: 'BAD_USER_INPUT', argument: 'regionCode' } },
      ],
    });
    const otherInput = new CombinedError({
      graphQLErrors: [{ message: 'Bad year.', extensions: { code: 'BAD_USER_INPUT', argument: 'year' } }],
    });
    const network = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(isUnknownRegion(unknown)).toBe(true);
    expect(isUnknownRegion(otherInput)).toBe(false);
    expect(isUnknownRegion(network)).toBe(false);
    expect(isUnknownRegion(undefined)).toBe(false);
  });
});

describe('the panorama rows', () => {
  it('leaves out months after the as-of day, keeping last year', () => {
    const rows = trendChartRows(
      [
        { period: { from: '2025-06-01', label: 'Jun 2025' }, values: [{ value: 5, previous: 4 }] },
        { period: { from: '2025-07-01', label: 'Jul 2025' }, values: [{ value: 0, previous: 3 }] },
      ],
      '2025-06-30',
    );
    expect(rows).toEqual([
      { month: 'Jun', value: 5, previous: 4 },
      { month: 'Jul', value: null, previous: 3 },
    ]);
  });

  it('names the pipeline stages', () => {
    expect(pipelineChartRows([{ stage: 'NEGOTIATION', count: 2, amountUsd: 723_000, weightedUsd: 576_150 }])).toEqual([
      { stage: 'Negotiation', amount: 723_000, weighted: 576_150 },
    ]);
  });

  it('groups objectives by pillar in the strategy order, leaving out empty pillars', () => {
    const objective = (code: string, pillar: string) => ({ objective: { code, pillar } });
    const groups = objectivesByPillar([objective('B', 'IMPACT'), objective('A', 'INCOME'), objective('Z', 'NEW')]);
    expect(groups.map((group) => [group.code, group.objectives.map((item) => item.objective.code)])).toEqual([
      ['INCOME', ['A']],
      ['IMPACT', ['B']],
      ['OTHER', ['Z']],
    ]);
  });

  it('puts the non-income metrics outside the headline in the second row', () => {
    const metric = (code: MetricDefinition['code'], pillar: MetricDefinition['pillar']): MetricDefinition => ({
      code,
      pillar,
      label: code,
      unit: 'COUNT',
      description: '',
    });
    const catalog = [
      metric('REVENUE_USD', 'INCOME'),
      metric('CASH_REVENUE_USD', 'INCOME'),
      metric('BENEFICIARIES_REACHED', 'IMPACT'),
      metric('MEALS_PROVIDED', 'IMPACT'),
    ];
    expect(supportingMetrics(catalog)).toEqual(['MEALS_PROVIDED']);
  });

  it('knows an empty year', () => {
    expect(
      hasAnyFigure([
        { metric: 'REVENUE_USD', value: 0 },
        { metric: 'PARTNER_RETENTION_RATE', value: null },
      ]),
    ).toBe(false);
    expect(hasAnyFigure([{ metric: 'REVENUE_USD', value: 12 }])).toBe(true);
  });
});

describe('the panorama dates', () => {
  it('says the days in words', () => {
    expect(formatLongDate('2025-06-30')).toBe('30 June 2025');
    expect(periodText('2025-12-31')).toBe('1 January to 31 December 2025');
    expect(yearElapsedShare('2025-12-31')).toBe(1);
    expect(yearElapsedShare('2025-01-01')).toBeCloseTo(1 / 365);
  });
});
