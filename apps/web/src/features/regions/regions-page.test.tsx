import { describe, expect, it } from 'vitest';
import { type CatalogMetric, metricsByPillar } from './metric-select';
import { periodNote } from './regions-page';

describe('periodNote', () => {
  it('says when the figures cover the whole year', () => {
    expect(periodNote(2025, '2025-12-31')).toBe("The whole of 2025, against the year's target and 2024.");
  });

  it('says when they run to a day, with the prorated target', () => {
    expect(periodNote(2025, '2025-06-30')).toBe(
      '1 January to Jun 30, 2025 (year to date), against the target prorated to these days and the same days of 2024.',
    );
  });
});

describe('metricsByPillar', () => {
  const metric = (code: CatalogMetric['code'], pillar: CatalogMetric['pillar']): CatalogMetric => ({
    code,
    label: code,
    pillar,
    description: '',
  });

  it('groups the catalog by pillar, in the strategy’s order, keeping the catalog’s order within', () => {
    const groups = metricsByPillar([
      metric('WORKPLANS_COMPLETED', 'ENABLER'),
      metric('REVENUE_USD', 'INCOME'),
      metric('MEALS_PROVIDED', 'IMPACT'),
      metric('ACTIVE_PARTNERS', 'INCOME'),
    ]);
    expect(groups.map((group) => [group.pillar, group.metrics.map((item) => item.code)])).toEqual([
      ['INCOME', ['REVENUE_USD', 'ACTIVE_PARTNERS']],
      ['IMPACT', ['MEALS_PROVIDED']],
      ['ENABLER', ['WORKPLANS_COMPLETED']],
    ]);
  });
});
