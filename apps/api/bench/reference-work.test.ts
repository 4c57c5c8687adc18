import { describe, expect, it } from 'vitest';
import { javascriptReferenceMs } from './reference-work';

describe('reference work', () => {
  it('times the fixed JavaScript work in milliseconds', () => {
    const ms = javascriptReferenceMs();
    expect(Number.isFinite(ms)).toBe(true);
    // Building, writing and reading 50,000 objects and sorting 200,000 numbers takes a while.
    expect(ms).toBeGreaterThan(1);
    expect(ms).toBeLessThan(60_000);
  });
});
