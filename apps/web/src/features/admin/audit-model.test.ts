import { describe, expect, it } from 'vitest';
import { changesSummary, fieldChanges, readableChanges, shortened, valueText } from './audit-model';

describe('fieldChanges', () => {
  it('gives each changed field of an update its value before and after', () => {
    const entry = {
      action: 'UPDATE' as const,
      before: JSON.stringify({ id: 7, value: '100.00', version: 1, note: null }),
      after: JSON.stringify({ id: 7, value: '120.00', version: 2, note: 'revised' }),
      changedFields: ['note', 'value', 'version'],
    };
    expect(fieldChanges(entry)).toEqual([
      { field: 'note', before: null, after: 'revised' },
      { field: 'value', before: '100.00', after: '120.00' },
      { field: 'version', before: 1, after: 2 },
    ]);
    expect(changesSummary(entry)).toBe('note: ∅ → revised; value: 100.00 → 120.00; version: 1 → 2');
  });

  it('gives a creation its values, and a deletion what it was', () => {
    expect(
      changesSummary({
        action: 'CREATE',
        before: null,
        after: '{"name":"CI","expiresAt":null}',
        changedFields: ['expiresAt', 'name'],
      }),
    ).toBe('expiresAt: ∅; name: CI');
    expect(
      fieldChanges({ action: 'DELETE', before: '{"title":"Wells"}', after: null, changedFields: ['title'] }),
    ).toEqual([{ field: 'title', before: 'Wells', after: undefined }]);
  });

  it('survives rows that are not JSON objects', () => {
    expect(fieldChanges({ action: 'UPDATE', before: 'not json', after: '[1]', changedFields: ['x'] })).toEqual([
      { field: 'x', before: undefined, after: undefined },
    ]);
  });
});

describe('readableChanges', () => {
  it('shows a creation’s values first, then its empty fields, then its keys and timestamps', () => {
    const entry = {
      action: 'CREATE' as const,
      before: null,
      after: JSON.stringify({
        createdAt: '2026-01-01T00:00:00Z',
        expiresAt: null,
        id: 3,
        name: 'CI',
        prefix: 'pan_t_ab',
      }),
      changedFields: ['createdAt', 'expiresAt', 'id', 'name', 'prefix'],
    };
    expect(readableChanges(entry).map((change) => change.field)).toEqual([
      'name',
      'prefix',
      'expiresAt',
      'createdAt',
      'id',
    ]);
  });

  it('keeps an update’s order', () => {
    const entry = {
      action: 'UPDATE' as const,
      before: '{"id":1,"b":1}',
      after: '{"id":2,"b":2}',
      changedFields: ['b', 'id'],
    };
    expect(readableChanges(entry).map((change) => change.field)).toEqual(['b', 'id']);
  });
});

describe('valueText', () => {
  it('writes values for people: text as it is, numbers and booleans, objects as JSON; empty is null', () => {
    expect(valueText('Kenya')).toBe('Kenya');
    expect(valueText(12.5)).toBe('12.5');
    expect(valueText(false)).toBe('false');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText(null)).toBeNull();
    expect(valueText('')).toBeNull();
  });

  it('cuts long values with an ellipsis', () => {
    expect(shortened('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortened('short', 10)).toBe('short');
  });
});
