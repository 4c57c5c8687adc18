import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatLongDate, yearBounds, yearElapsedShare } from '../../components/format/date';
import {
  countryFigures,
  hasAnyFigure,
  incomeStreamChartRows,
  objectivesByPillar,
  regionChartRows,
  regionLabel,
  supportingMetrics,
  trendChartRows,
} from './overview-model';
import { testCatalog, testOverview } from './overview-test-data';

describe('supportingMetrics', () => {
  it('lists the impact, innovation and enabler metrics not already in the headline, in catalog order', () => {
    expect(supportingMetrics(testCatalog)).toEqual(['MEALS_PROVIDED', 'EXPERTISE_DAYS', 'WORKPLANS_COMPLETED']);
  });
});

describe('hasAnyFigure', () => {
  it('is false for an empty year: zeros and nulls', () => {
    expect(
      hasAnyFigure([
        { metric: 'REVENUE_USD', value: 0 },
        { metric: 'AVERAGE_GIFT_USD', value: null },
      ]),
    ).toBe(false);
    expect(hasAnyFigure(testOverview.kpis)).toBe(true);
  });
});

describe('regionChartRows', () => {
  it('puts one metric of each region beside its target, labelled by code and city', () => {
    expect(regionChartRows(testOverview.regions, 'BENEFICIARIES_REACHED')).toEqual([
      { region: 'HQ', actual: 11_385, target: 11_500 },
      { region: 'RBN · Nairobi', actual: 143_277, target: 130_000 },
      { region: 'RBJ · Johannesburg', actual: 15_458, target: null },
    ]);
  });

  it('leaves a metric the API did not send empty', () => {
    expect(regionChartRows(testOverview.regions, 'NEW_PARTNERS')[0]).toEqual({
      region: 'HQ',
      actual: null,
      target: null,
    });
    expect(regionLabel(null)).toBe('No region');
  });
});

describe('trendChartRows', () => {
  it('names each month and leaves the months after asOf without a value', () => {
    expect(trendChartRows(testOverview.trend, '2025-06-30')).toEqual([
      { month: 'May', value: 7_060_507.74, previous: 4_615_351.86 },
      { month: 'Jun', value: 6_034_692.61, previous: 4_361_928.17 },
      { month: 'Jul', value: null, previous: 3_232_967.7 },
    ]);
  });
});

describe('incomeStreamChartRows', () => {
  it('names each stream for people', () => {
    expect(incomeStreamChartRows(testOverview.byIncomeStream).map((row) => row.stream)).toEqual([
      'Corporate',
      'Major donors',
    ]);
  });
});

describe('objectivesByPillar', () => {
  it('groups the objectives in the order of the pillars and leaves out pillars without any', () => {
    const groups = objectivesByPillar(testOverview.objectives);
    expect(groups.map((group) => group.code)).toEqual(['INCOME', 'ENABLER']);
    expect(groups[0]?.objectives.map((progress) => progress.objective.code)).toEqual(['INC_GROWTH', 'INC_INDIVIDUAL']);
  });
});

describe('countryFigures', () => {
  it('keeps the API order, and leaves out the row without a country', () => {
    const figures = countryFigures([
      { country: { iso3: 'BRB', name: 'Barbados' }, values: [{ value: 102_741 }] },
      { country: null, values: [{ value: 69_723 }] },
      { country: { iso3: 'KEN', name: 'Kenya' }, values: [{ value: 63_439 }] },
      { country: { iso3: 'ETH', name: 'Ethiopia' }, values: [{ value: null }] },
    ]);
    expect(figures.values).toEqual({ BRB: 102_741, KEN: 63_439, ETH: null });
    expect(figures.names.KEN).toBe('Kenya');
    expect(figures.ranked.map((country) => country.iso3)).toEqual(['BRB', 'KEN']);
  });
});

describe('dates', () => {
  it('reads ISO days as people write them', () => {
    expect(formatLongDate('2025-06-30')).toBe('30 June 2025');
    expect(formatDayMonth('2025-12-31')).toBe('31 December');
  });

  it('gives the share of the year gone by at the end of the day', () => {
    expect(yearElapsedShare('2025-12-31')).toBe(1);
    expect(yearElapsedShare('2025-01-31')).toBeCloseTo(31 / 365, 12);
    expect(yearElapsedShare('2024-02-29')).toBeCloseTo(60 / 366, 12);
  });

  it('bounds a year', () => {
    expect(yearBounds(2024)).toEqual({ first: '2024-01-01', last: '2024-12-31' });
  });
});
