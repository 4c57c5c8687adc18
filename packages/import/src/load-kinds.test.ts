import { computeMetrics } from '@panorama/metrics';
import { describe, expect, it } from 'vitest';
import { ADMIN, importDatabase, NAIROBI } from './import-database.kit';
import { describeProblem } from './problems';
import { csvLine } from './rejected';

/** Each test uses its own refs: `T<n>-…` (`nextRefs`). */
const { query, count, tableCounts, run, nextRefs, database } = importDatabase();

describe('importCsv (impact records)', () => {
  const impact = (p: string, n: number, value: string, extra: { region?: string; country?: string } = {}) =>
    `${p}-I${n},2024-12-31,MEALS_PROVIDED,${value},${extra.region ?? 'RBN'},${extra.country ?? 'KEN'},IMP_EMERGENCY,PS-1`;

  it('inserts, changes nothing the second time, updates a changed value with its audit entry', async () => {
    const p = nextRefs();
    const before = await tableCounts();
    const first = await run('impact', [impact(p, 1, '1200'), impact(p, 2, '30')]);
    expect(first.problems).toEqual([]);
    expect(first.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(await tableCounts()).toEqual({
      ...before,
      impact_records: before.impact_records + 2,
      audit_log: before.audit_log + 1,
      imports: before.imports + 1,
    });
    const again = await run('impact', [impact(p, 1, '1200'), impact(p, 2, '30')]);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    const changed = await run('impact', [impact(p, 1, '1200'), impact(p, 2, '31')]);
    expect(changed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    const audit = await query(
      `SELECT action, before->>'value' AS before, after->>'value' AS after FROM audit_log
        WHERE entity = 'ImpactRecord' AND after->>'externalRef' = '${p}-I2' ORDER BY id`,
    );
    expect(audit).toEqual([{ action: 'UPDATE', before: '30.0000', after: '31.0000' }]);
    const linked = await count('impact_records', `external_ref = '${p}-I1' AND partnership_id IS NOT NULL`);
    expect(linked).toBe(1);
  });

  it('refuses a metric that is not recorded, a fractional count and another region, writing nothing', async () => {
    const p = nextRefs();
    const before = await tableCounts();
    const result = await run(
      'impact',
      [
        `${p}-I1,2024-01-01,REVENUE_USD,5,RBN,KEN,IMP_EMERGENCY,`,
        `${p}-I2,2024-01-01,MEALS_PROVIDED,2.5,RBN,KEN,IMP_EMERGENCY,`,
        impact(p, 3, '7', { region: 'RBB', country: 'BGD' }),
      ],
      { actor: NAIROBI },
    );
    expect(result.status).toBe('REFUSED');
    expect(result.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [2, 'metric_code'],
      [3, 'value'],
      [4, 'region_code'],
    ]);
    expect(result.problems[0]?.reason).toMatch(/^is computed from other data, not recorded: must be one of /);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('is reflected by computeMetrics at once, period edges included', async () => {
    const p = nextRefs();
    // 2032 is a leap year: 29 February counts, 1 January and 31 December are inside, 2033-01-01 is not.
    const rows = [
      `${p}-I1,2032-01-01,BENEFICIARIES_REACHED,100,RBB,BGD,IMP_NUTRITION,`,
      `${p}-I2,2032-02-29,BENEFICIARIES_REACHED,20,RBB,BGD,IMP_NUTRITION,`,
      `${p}-I3,2032-12-31,BENEFICIARIES_REACHED,3,RBB,,IMP_NUTRITION,`,
      `${p}-I4,2033-01-01,BENEFICIARIES_REACHED,4000,RBB,BGD,IMP_NUTRITION,`,
    ];
    expect((await run('impact', rows)).counts.inserted).toBe(4);
    const { total } = await computeMetrics(database().db, {
      metrics: ['BENEFICIARIES_REACHED'],
      from: '2032-01-01',
      to: '2032-12-31',
      filter: { regionCodes: ['RBB'] },
    });
    expect(total.values[0]?.value).toBe('123.0000');
  });
});

describe('importCsv (partners)', () => {
  it('inserts, changes nothing the second time, updates a renamed partner', async () => {
    const p = nextRefs();
    const rows = [
      `${p}-P1,Acme Foods,CORPORATION,LOCAL,RBN,KEN,Food`,
      `${p}-P2,"Friends, Inc.",ASSOCIATION,GLOBAL,HQ,,`,
    ];
    expect((await run('partners', rows)).counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect((await run('partners', rows)).counts).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    const renamed = await run('partners', [`${p}-P1,Acme Foods Ltd,CORPORATION,LOCAL,RBN,KEN,Food`, rows[1] ?? '']);
    expect(renamed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect(
      await query(`SELECT name, sector, country_iso3 FROM partners WHERE external_ref LIKE '${p}-%' ORDER BY 1`),
    ).toEqual([
      { name: 'Acme Foods Ltd', sector: 'Food', country_iso3: 'KEN' },
      { name: 'Friends, Inc.', sector: null, country_iso3: null },
    ]);
  });

  it('lets a REGIONAL user change partners of its region only', async () => {
    const p = nextRefs();
    await run('partners', [`${p}-P1,Dhaka Co,CORPORATION,LOCAL,RBB,BGD,`]);
    const before = await tableCounts();
    const result = await run(
      'partners',
      [`${p}-P1,Dhaka Co,CORPORATION,LOCAL,RBN,KEN,`, `${p}-P2,Own Co,CORPORATION,LOCAL,RBN,,`],
      {
        actor: NAIROBI,
      },
    );
    expect(result.problems.map(describeProblem)).toEqual([
      `line 2, external_ref "${p}-P1": is a partner of region RBB: a REGIONAL user of RBN changes partners of RBN only`,
    ]);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it("drops the export's formula guard, so that a guarded export re-imports unchanged", async () => {
    const p = nextRefs();
    const guarded = csvLine([`${p}-P1`, '=HYPERLINK("x")', 'CORPORATION', 'LOCAL', 'RBN', '', '@home']);
    expect(guarded).toBe(`${p}-P1,"'=HYPERLINK(""x"")",CORPORATION,LOCAL,RBN,,'@home\r\n`);
    const first = await run('partners', [guarded.trimEnd()]);
    expect(first.counts.inserted).toBe(1);
    expect(await query(`SELECT name, sector FROM partners WHERE external_ref = '${p}-P1'`)).toEqual([
      { name: '=HYPERLINK("x")', sector: '@home' },
    ]);
    expect((await run('partners', [guarded.trimEnd()])).counts.unchanged).toBe(1);
  });
});

describe('importCsv (targets)', () => {
  // Each test uses its own year, so that targets do not collide.
  let year = 2040;

  it('creates version 1, keeps a changed value as version 2, changes nothing for the same value', async () => {
    const y = ++year;
    const rows = [
      `REVENUE_USD,GLOBAL,${y},,1000000`,
      `REVENUE_USD,RBN,${y},1,250000.50`,
      `MEALS_PROVIDED,KEN,${y},,900`,
    ];
    const before = await tableCounts();
    const first = await run('targets', rows);
    expect(first.problems).toEqual([]);
    expect(first.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await tableCounts()).toEqual({
      ...before,
      targets: before.targets + 3,
      target_versions: before.target_versions + 3,
      audit_log: before.audit_log + 4,
      imports: before.imports + 1,
    });
    expect((await run('targets', rows)).counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    const changed = await run('targets', [`REVENUE_USD,RBN,${y},1,260000`]);
    expect(changed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(
      await query(
        `SELECT v.version, v.value::text, v.previous_value::text, v.set_by, v.set_at = t.set_at AS same_time
           FROM target_versions v JOIN targets t ON t.id = v.target_id
          WHERE t.scope_code = 'RBN' AND t.year = ${y} ORDER BY v.version`,
      ),
    ).toEqual([
      { version: 1, value: '250000.5000', previous_value: null, set_by: ADMIN.email, same_time: false },
      { version: 2, value: '260000.0000', previous_value: '250000.5000', set_by: ADMIN.email, same_time: true },
    ]);
    const audit = await query(
      `SELECT a.action, a.region_code, a.before->>'value' AS before, a.after->>'version' AS version FROM audit_log a
         JOIN targets t ON a.entity = 'Target' AND a.entity_id = t.id::text WHERE t.year = ${y} AND t.scope_code = 'RBN' ORDER BY a.id`,
    );
    expect(audit).toEqual([
      { action: 'CREATE', region_code: 'RBN', before: null, version: '1' },
      { action: 'UPDATE', region_code: 'RBN', before: '250000.5000', version: '2' },
    ]);
  });

  it("holds a REGIONAL user to its region's targets and its countries' in that year", async () => {
    const y = ++year;
    const before = await tableCounts();
    // Sudan belonged to RBC until 2019 and to RBN from 2020.
    const result = await run(
      'targets',
      [
        `REVENUE_USD,GLOBAL,${y},,1`,
        `REVENUE_USD,RBB,${y},,2`,
        'REVENUE_USD,SDN,2019,,3',
        'REVENUE_USD,SDN,2020,,4',
        `REVENUE_USD,RBN,${y},,5`,
      ],
      { actor: NAIROBI },
    );
    expect(result.problems.map(describeProblem)).toEqual([
      'line 2, scope "GLOBAL": GLOBAL targets are set by ADMIN users only',
      `line 3, scope "RBB": is a target of region RBB in ${y}: a REGIONAL user of RBN sets the targets of RBN and its country offices only`,
      'line 4, scope "SDN": is a target of region RBC in 2019: a REGIONAL user of RBN sets the targets of RBN and its country offices only',
    ]);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });

    const skipped = await run(
      'targets',
      [`REVENUE_USD,GLOBAL,${y},,1`, 'REVENUE_USD,SDN,2020,,4', `REVENUE_USD,RBN,${y},,5`],
      { actor: NAIROBI, skipInvalid: true },
    );
    expect(skipped.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(skipped.rejectedCsv).toBe(
      `metric_code,scope,year,quarter,value,problem\r\nREVENUE_USD,GLOBAL,${y},,1,"scope ""GLOBAL"": GLOBAL targets are set by ADMIN users only"\r\n`,
    );
  });
});
