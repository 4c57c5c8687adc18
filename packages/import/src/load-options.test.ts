import { describe, expect, it } from 'vitest';

import { importDatabase } from './import-database.kit';

/** Each test uses its own refs: `T<n>-…` (`nextRefs`). */
const { count, tableCounts, run, nextRefs } = importDatabase();

describe('importCsv options', () => {
  it('checks without writing on a dry run, with the counts the import would make', async () => {
    const p = nextRefs();
    const row = (n: number, value: string) => `${p}-I${n},2024-03-01,FOOD_TONNES,${value},RBN,KEN,IMP_RESILIENCE,`;
    await run('impact', [row(1, '1.5')]);
    const before = await tableCounts();
    const checked = await run('impact', [row(1, '1.5'), row(2, '2'), row(3, '3')], { dryRun: true });
    expect(checked).toEqual({
      status: 'CHECKED',
      counts: { inserted: 2, updated: 0, unchanged: 1, rejected: 0 },
      partnersCreated: 0,
      problems: [],
      problemCount: 0,
    });
    const refused = await run('impact', [row(1, '-1')], { dryRun: true });
    expect(refused.status).toBe('REFUSED');
    expect(refused.importId).toBeUndefined();
    expect(await tableCounts()).toEqual(before);
  });

  it('rejects every line of a duplicated key with skipInvalid', async () => {
    const p = nextRefs();
    const row = (n: number, value: string) => `${p}-I${n},2024-03-01,FOOD_TONNES,${value},RBN,KEN,IMP_RESILIENCE,`;
    const result = await run('impact', [row(1, '1'), row(2, '2'), row(1, '3')], { skipInvalid: true });
    expect(result.counts).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(result.problems.map((problem) => problem.line)).toEqual([2, 4]);
    expect(result.problems[0]?.reason).toBe(
      'an external_ref must appear once in the file; it is on line 2 and on line 4',
    );
    expect(result.rejectedCsv?.split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'external_ref',
      `${p}-I1`,
      `${p}-I1`,
      '',
    ]);
    expect(await count('impact_records', `external_ref LIKE '${p}-%'`)).toBe(1);
  });

  it('runs two imports of the same file at once in turn: one inserts, the other finds every row unchanged', async () => {
    const p = nextRefs();
    const rows = Array.from(
      { length: 300 },
      (_, i) => `${p}-I${i},2024-05-0${(i % 9) + 1},PEOPLE_TRAINED,${i},RBN,KEN,IMP_RESILIENCE,`,
    );
    const results = await Promise.all([run('impact', rows), run('impact', rows)]);
    expect(results.map((result) => result.counts).sort((a, b) => b.inserted - a.inserted)).toEqual([
      { inserted: 300, updated: 0, unchanged: 0, rejected: 0 },
      { inserted: 0, updated: 0, unchanged: 300, rejected: 0 },
    ]);
    expect(await count('impact_records', `external_ref LIKE '${p}-%'`)).toBe(300);
  });

  it('rolls a targets import back when it fails after the merge', async () => {
    const before = await tableCounts();
    await expect(
      run('targets', ['REVENUE_USD,GLOBAL,2050,,1', 'REVENUE_USD,GLOBAL,2050,1,1'], {
        hooks: {
          afterMerge: () => {
            throw new Error('power cut');
          },
        },
      }),
    ).rejects.toThrow(/power cut/);
    expect(await tableCounts()).toEqual(before);
  });
});
