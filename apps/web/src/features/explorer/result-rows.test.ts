import { describe, expect, it } from 'vitest';
import { findFirstList, flattenObject, parseResponseText, resultRows } from './result-rows';

describe('findFirstList', () => {
  it('walks depth-first, keys in order, to the first non-empty list of objects', () => {
    const data = {
      overview: {
        asOf: '2024-06-30',
        region: { code: 'RBN', tags: ['a', 'b'] },
        empty: [],
        kpis: [{ metric: 'REVENUE_USD' }],
        later: [{ metric: 'NEVER' }],
      },
    };
    expect(findFirstList(data)).toEqual({ path: 'overview.kpis', items: [{ metric: 'REVENUE_USD' }] });
  });

  it('finds a list inside a list, and allows null items', () => {
    expect(findFirstList({ a: [[{ x: 1 }, null]] })).toEqual({ path: 'a.0', items: [{ x: 1 }, null] });
  });

  it('returns null when there is no list of objects', () => {
    expect(findFirstList({ a: 1, b: { c: ['x'] }, d: [] })).toBeNull();
    expect(findFirstList(null)).toBeNull();
  });
});

describe('flattenObject', () => {
  it('joins nested keys with dots and numbers list items, keeping values as they are', () => {
    expect(
      flattenObject({
        region: { code: 'RBN', name: 'Nairobi' },
        values: [{ value: 1234.5, target: null }],
        tags: ['a'],
        status: 'ON_TRACK',
        active: true,
        nothing: {},
        none: [],
      }),
    ).toEqual({
      'region.code': 'RBN',
      'region.name': 'Nairobi',
      'values.0.value': 1234.5,
      'values.0.target': null,
      'tags.0': 'a',
      status: 'ON_TRACK',
      active: true,
      nothing: null,
      none: null,
    });
  });
});

describe('resultRows', () => {
  it("flattens the first list under data, with every row's columns in order of appearance", () => {
    const response = {
      data: {
        metrics: {
          rows: [
            { region: { code: 'RBB' }, values: [{ value: 10 }] },
            { region: null, values: [{ value: 20 }, { value: 5 }] },
            null,
          ],
          total: { values: [{ value: 35 }] },
        },
      },
    };
    expect(resultRows(response)).toEqual({
      path: 'data.metrics.rows',
      columns: ['region.code', 'values.0.value', 'region', 'values.1.value'],
      rows: [
        { 'region.code': 'RBB', 'values.0.value': 10 },
        { region: null, 'values.0.value': 20, 'values.1.value': 5 },
        {},
      ],
    });
  });

  it('looks only under data, never in errors', () => {
    expect(resultRows({ errors: [{ message: 'Bad input' }], data: null })).toBeNull();
    expect(resultRows({ errors: [{ message: 'Bad input' }] })).toBeNull();
    expect(resultRows('not a response')).toBeNull();
  });
});

describe('parseResponseText', () => {
  it('reads JSON, and gives null for an empty or broken pane', () => {
    expect(parseResponseText('{"data":{"a":1}}')).toEqual({ data: { a: 1 } });
    expect(parseResponseText('')).toBeNull();
    expect(parseResponseText(null)).toBeNull();
    expect(parseResponseText('{"data":')).toBeNull();
  });
});
