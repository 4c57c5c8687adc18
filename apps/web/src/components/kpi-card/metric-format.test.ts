import { describe, expect, it } from 'vitest';
import {
  describeChange,
  formatCompactNumber,
  formatMetricValue,
  formatMetricValueFull,
  formatMetricValueParts,
  parseStatus,
  parseUnit,
  unitWord,
} from './metric-format';

describe('formatMetricValue', () => {
  it('shows money compact', () => {
    expect(formatMetricValue(67_883_946.74, 'USD')).toBe('$67.9M');
    expect(formatMetricValue(1_234_567, 'USD')).toBe('$1.2M');
    expect(formatMetricValue(950, 'USD')).toBe('$950');
  });

  it('shows rates as percentages', () => {
    expect(formatMetricValue(0.861244, 'RATE')).toBe('86.1%');
    expect(formatMetricValue(1, 'RATE')).toBe('100%');
  });

  it('shows counts in full below 100,000 and compact above', () => {
    expect(formatMetricValue(224, 'COUNT')).toBe('224');
    expect(formatMetricValue(10_974, 'COUNT')).toBe('10,974');
    expect(formatMetricValue(1_250_000, 'COUNT')).toBe('1.3M');
  });

  it('says the unit of people, meals, tonnes and days', () => {
    expect(formatMetricValue(599_879, 'PEOPLE')).toBe('599.9K people');
    expect(formatMetricValue(25_072, 'PEOPLE')).toBe('25,072 people');
    expect(formatMetricValue(5_593_388, 'MEALS')).toBe('5.6M meals');
    expect(formatMetricValue(11_626.3, 'TONNES')).toBe('11,626 tonnes');
    expect(formatMetricValue(4_776.7, 'DAYS')).toBe('4,777 days');
  });

  it('uses the singular for one', () => {
    expect(formatMetricValue(1, 'PEOPLE')).toBe('1 person');
    expect(formatMetricValue(1, 'DAYS')).toBe('1 day');
    expect(unitWord('COUNT', 1)).toBeNull();
  });

  it('shows a dash for a missing value, whatever the unit', () => {
    for (const unit of ['USD', 'COUNT', 'RATE', 'PEOPLE'] as const) {
      expect(formatMetricValue(null, unit)).toBe('—');
      expect(formatMetricValue(Number.NaN, unit)).toBe('—');
    }
  });

  it('splits the figure from the unit word, for cards that set the word smaller', () => {
    expect(formatMetricValueParts(5_593_388, 'MEALS')).toEqual({ figure: '5.6M', unitWord: 'meals' });
    expect(formatMetricValueParts(6_845_800, 'USD')).toEqual({ figure: '$6.8M', unitWord: null });
    expect(formatMetricValueParts(null, 'MEALS')).toEqual({ figure: '—', unitWord: null });
  });
});

describe('formatMetricValueFull', () => {
  it('gives the whole value, for titles', () => {
    expect(formatMetricValueFull(67_883_946.74, 'USD')).toBe('$67,883,946.74');
    expect(formatMetricValueFull(0.861244, 'RATE')).toBe('86.12%');
    expect(formatMetricValueFull(11_626.3, 'TONNES')).toBe('11,626.3 tonnes');
    expect(formatMetricValueFull(599_879, 'PEOPLE')).toBe('599,879 people');
    expect(formatMetricValueFull(null, 'USD')).toBe('—');
  });
});

describe('formatCompactNumber', () => {
  it('shortens numbers for chart axes', () => {
    expect(formatCompactNumber(150_000)).toBe('150K');
    expect(formatCompactNumber(950)).toBe('950');
    expect(formatCompactNumber(undefined)).toBe('—');
  });
});

describe('describeChange', () => {
  it('says a rise and a fall in words, with an arrow', () => {
    expect(describeChange(0.320174271581)).toEqual({
      direction: 'up',
      symbol: '▲',
      amount: '32%',
      sentence: 'up 32% on last year',
    });
    expect(describeChange(-0.074074074074)).toEqual({
      direction: 'down',
      symbol: '▼',
      amount: '7.4%',
      sentence: 'down 7.4% on last year',
    });
  });

  it('calls a change too small to show no change', () => {
    expect(describeChange(0)?.sentence).toBe('no change on last year');
    expect(describeChange(0.00001)?.direction).toBe('flat');
  });

  it('names what it compares with', () => {
    expect(describeChange(0.12, '2024')?.sentence).toBe('up 12% on 2024');
  });

  it('has nothing to say without a change', () => {
    expect(describeChange(null)).toBeNull();
    expect(describeChange(undefined)).toBeNull();
  });
});

describe('parseStatus and parseUnit', () => {
  it('accept the API values and fall back for others', () => {
    expect(parseStatus('AT_RISK')).toBe('AT_RISK');
    expect(parseStatus('SOMETHING_NEW')).toBeNull();
    expect(parseStatus(null)).toBeNull();
    expect(parseUnit('TONNES')).toBe('TONNES');
    expect(parseUnit('LITRES')).toBe('COUNT');
  });
});
