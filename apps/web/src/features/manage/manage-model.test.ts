import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translate';
import { mayWriteRegion } from './access';
import { decimalText, decimalValue, normalizeDecimal } from './decimal-input';
import { feedbackOf } from './form-controls';
import { formatDateTime } from './format-time';
import { manageRegionPath, parseSection } from './manage-paths';
import { readOutcome, sortProblems } from './mutation-outcome';
import { periodLabel, scopeLabel, sortTargets, strategyYears, targetYear } from './targets-model';

const t = translatorFor('en');

describe('mayWriteRegion', () => {
  it('lets administrators write every region, and regional teams their own', () => {
    expect(mayWriteRegion({ role: 'ADMIN', region: null }, 'RBN')).toBe(true);
    expect(mayWriteRegion({ role: 'REGIONAL', region: { code: 'RBN' } }, 'RBN')).toBe(true);
    expect(mayWriteRegion({ role: 'REGIONAL', region: { code: 'RBB' } }, 'RBN')).toBe(false);
    expect(mayWriteRegion({ role: 'LEADERSHIP', region: null }, 'RBN')).toBe(false);
    expect(mayWriteRegion({ role: 'ANALYST', region: null }, 'RBN')).toBe(false);
    expect(mayWriteRegion(null, 'RBN')).toBe(false);
  });
});

describe('normalizeDecimal', () => {
  it('takes out what cannot be mistaken: spaces and the language’s group separator', () => {
    expect(normalizeDecimal('1,250,000.50', 'en-US')).toBe('1250000.50');
    expect(normalizeDecimal(' 1250000 ', 'en-US')).toBe('1250000');
    expect(normalizeDecimal('1\u202f250\u202f000,5', 'fr-FR')).toBe('1250000.5');
    expect(normalizeDecimal('1 250 000,5', 'fr-FR')).toBe('1250000.5');
    expect(normalizeDecimal('0,85', 'es-ES')).toBe('0.85');
  });

  it('keeps a point as a decimal point, and leaves anything else for the API to judge', () => {
    expect(normalizeDecimal('1.5', 'es-ES')).toBe('1.5');
    expect(normalizeDecimal('0.85', 'fr-FR')).toBe('0.85');
    expect(normalizeDecimal('1.250.000,5', 'es-ES')).toBe('1.250.000,5');
    expect(normalizeDecimal('abc', 'en-US')).toBe('abc');
  });
});

describe('decimalValue and decimalText', () => {
  it('reads plain decimal text only', () => {
    expect(decimalValue('1250000.50')).toBe(1250000.5);
    expect(decimalValue('-1')).toBeNull();
    expect(decimalValue('1e6')).toBeNull();
    expect(decimalValue('')).toBeNull();
  });

  it('writes API values as text to edit, never in exponent notation', () => {
    expect(decimalText(8480000)).toBe('8480000');
    expect(decimalText(0.68)).toBe('0.68');
    expect(decimalText(0.00001)).toBe('0.00001');
    expect(decimalText(1e-7)).toBe('0');
    expect(decimalText(1e21)).toBe('1000000000000000000000');
  });
});

describe('readOutcome', () => {
  it('reads the union result of a mutation', () => {
    expect(readOutcome(undefined, { __typename: 'MutationSetTargetSuccess', data: { id: '1' } })).toEqual({
      kind: 'success',
      data: { id: '1' },
    });
    expect(
      readOutcome(undefined, {
        __typename: 'InvalidInputError',
        message: 'value: bad',
        problems: [{ field: 'value', message: 'bad' }],
      }),
    ).toEqual({ kind: 'invalid', message: 'value: bad', problems: [{ field: 'value', message: 'bad' }] });
    const conflict = {
      __typename: 'VersionConflictError',
      message: 'newer',
      expectedVersion: 1,
      currentVersion: 2,
      yourValue: '5',
      currentValue: '6',
      currentSetBy: 'ana',
    };
    expect(readOutcome(undefined, conflict)).toMatchObject({ kind: 'conflict', conflict: { currentVersion: 2 } });
  });

  it('reads refusals and failures from the GraphQL errors', () => {
    const forbidden = new CombinedError({
      graphQLErrors: [{ message: 'Your role may not', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(readOutcome(forbidden, null)).toEqual({ kind: 'refused', code: 'FORBIDDEN', message: 'Your role may not' });
    const signedOut = new CombinedError({
      graphQLErrors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(readOutcome(signedOut, undefined)).toMatchObject({ kind: 'refused', code: 'UNAUTHENTICATED' });
    const network = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(readOutcome(network, undefined)).toEqual({ kind: 'failed', message: '[Network] Failed to fetch' });
  });
});

describe('sortProblems and feedbackOf', () => {
  it('puts problems beside the fields a form shows, and the rest in its summary', () => {
    const problems = [
      { field: 'value', message: 'is not a number' },
      { field: 'value', message: 'must be zero or more' },
      { field: 'expectedVersion', message: 'must be 1 or more' },
    ];
    expect(sortProblems(problems, ['value'])).toEqual({
      byField: { value: ['is not a number', 'must be zero or more'] },
      others: [{ field: 'expectedVersion', message: 'must be 1 or more' }],
    });
    const feedback = feedbackOf({ kind: 'invalid', message: '', problems }, ['value'], t);
    expect(feedback.alert).toEqual({
      title: 'Nothing was saved: correct what is marked, then save again.',
      items: ['expectedVersion must be 1 or more'],
    });
  });
});

describe('the targets table', () => {
  const catalog = [
    { code: 'REVENUE_USD', label: 'Revenue', unit: 'USD' },
    { code: 'ACTIVE_PARTNERS', label: 'Active partners', unit: 'COUNT' },
  ];
  const base = { year: 2025, value: 1, version: 1, setBy: 'demo', setAt: '2025-01-01T00:00:00Z' };

  it('shows the region’s own targets first, then each office’s by name; metrics in catalog order', () => {
    const rows = [
      {
        ...base,
        id: '1',
        metricCode: 'REVENUE_USD',
        scopeType: 'COUNTRY',
        scopeCode: 'UGA',
        quarter: null,
        country: { iso3: 'UGA', name: 'Uganda' },
      },
      {
        ...base,
        id: '2',
        metricCode: 'ACTIVE_PARTNERS',
        scopeType: 'REGION',
        scopeCode: 'RBN',
        quarter: null,
        country: null,
      },
      { ...base, id: '3', metricCode: 'REVENUE_USD', scopeType: 'REGION', scopeCode: 'RBN', quarter: 2, country: null },
      {
        ...base,
        id: '4',
        metricCode: 'REVENUE_USD',
        scopeType: 'REGION',
        scopeCode: 'RBN',
        quarter: null,
        country: null,
      },
      {
        ...base,
        id: '5',
        metricCode: 'REVENUE_USD',
        scopeType: 'COUNTRY',
        scopeCode: 'KEN',
        quarter: null,
        country: { iso3: 'KEN', name: 'Kenya' },
      },
    ];
    expect(sortTargets(rows, catalog).map((row) => row.id)).toEqual(['4', '3', '2', '5', '1']);
  });

  it('names scopes and periods', () => {
    expect(scopeLabel({ scopeType: 'REGION', scopeCode: 'RBN' }, t)).toBe('RBN (whole region)');
    expect(scopeLabel({ scopeType: 'COUNTRY', scopeCode: 'KEN', country: { name: 'Kenya' } }, t)).toBe('Kenya');
    expect(scopeLabel({ scopeType: 'GLOBAL', scopeCode: 'GLOBAL' }, t)).toBe('Global');
    expect(periodLabel(2025, null, t)).toBe('2025');
    expect(periodLabel(2025, 3, t)).toBe('Q3 2025');
  });

  it('opens on a year of the strategy', () => {
    const period = { firstYear: 2019, lastYear: 2030 };
    expect(targetYear('2027', 2025, period)).toBe(2027);
    expect(targetYear(null, 2025, period)).toBe(2025);
    expect(targetYear('2040', 2025, period)).toBe(2030);
    expect(targetYear('soon', 2012, period)).toBe(2019);
    expect(strategyYears({ firstYear: 2024, lastYear: 2026 })).toEqual([2026, 2025, 2024]);
  });
});

describe('addresses and times', () => {
  it('builds the manage page’s address', () => {
    expect(manageRegionPath('RBN')).toBe('/regions/RBN/manage');
    expect(manageRegionPath('RBN', { section: 'stories' })).toBe('/regions/RBN/manage?section=stories');
    expect(manageRegionPath('RBN', { section: 'targets', targetYear: 2026 })).toBe(
      '/regions/RBN/manage?targetYear=2026',
    );
    expect(parseSection('pipeline')).toBe('pipeline');
    expect(parseSection('nonsense')).toBe('targets');
    expect(parseSection(null)).toBe('targets');
  });

  it('writes when something was saved, in UTC', () => {
    expect(formatDateTime('2025-03-07T14:05:00Z')).toBe('7 Mar 2025, 14:05 UTC');
    expect(formatDateTime('not a time')).toBe('—');
    expect(formatDateTime(null)).toBe('—');
  });
});
