import type { Actor } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { computeMetrics } from '@panorama/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from './formats';
import { type ImportOptions, importCsv } from './load';
import { describeProblem } from './problems';
import { csvLine } from './rejected';
import { cutAt, utf8 } from './test-helpers';

const ADMIN: Actor = { userId: 1, email: 'admin@example.org', role: 'ADMIN', regionCode: null };
const NAIROBI: Actor = { userId: 2, email: 'rbn@example.org', role: 'REGIONAL', regionCode: 'RBN' };

const HEADERS: Record<ImportKind, string> = {
  contributions:
    'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref',
  impact: 'external_ref,date,metric_code,value,region_code,country_iso3,objective_code,partnership_ref',
  targets: 'metric_code,scope,year,quarter,value',
  partners: 'external_ref,name,partner_type,scope,region_code,country_iso3,sector',
};

let database: TestDatabase;
/** Each test uses its own refs: `T<n>-…`. */
let prefix = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await query(
    `INSERT INTO partners (external_ref, name, partner_type, scope, region_code) VALUES ('PS-OWNER', 'Owner Co', 'CORPORATION', 'GLOBAL', 'HQ')`,
  );
  await query(
    `INSERT INTO partnerships (external_ref, name, partner_id, region_code, objective_code, modality, status, start_date)
       SELECT 'PS-1', 'Kenya meals', id, 'RBN', 'INC_GROWTH', 'CASH', 'ACTIVE', '2024-01-01' FROM partners WHERE external_ref = 'PS-OWNER'`,
  );
  await database.useAppRole();
});
afterAll(async () => {
  await database?.close();
});

async function query<Row = Record<string, unknown>>(text: string): Promise<Row[]> {
  const result = database.kind === 'postgres' ? await database.pool.query(text) : await database.pglite.query(text);
  return result.rows as Row[];
}

async function count(table: string, where = 'true'): Promise<number> {
  const [result] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
  return result?.n ?? -1;
}

async function tableCounts() {
  const tables = ['contributions', 'impact_records', 'partners', 'targets', 'target_versions', 'audit_log', 'imports'];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(table)])));
}

function run(kind: ImportKind, rows: readonly string[], options: Partial<ImportOptions> = {}) {
  const text = [HEADERS[kind], ...rows].join('\r\n');
  return importCsv(database, {
    kind,
    source: cutAt(utf8(text), 5, 60),
    fileName: `${kind}.csv`,
    actor: ADMIN,
    ...options,
  });
}

describe('importCsv (impact records)', () => {
  const impact = (p: string, n: number, value: string, extra: { region?: string; country?: string } = {}) =>
    `${p}-I${n},2024-12-31,MEALS_PROVIDED,${value},${extra.region ?? 'RBN'},${extra.country ?? 'KEN'},IMP_EMERGENCY,PS-1`;

  it('inserts, changes nothing the second time, updates a changed value with its audit entry', async () => {
    const p = `T${++prefix}`;
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
    const p = `T${++prefix}`;
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
    const p = `T${++prefix}`;
    // 2032 is a leap year: 29 February counts, 1 January and 31 December are inside, 2033-01-01 is not.
    const rows = [
      `${p}-I1,2032-01-01,BENEFICIARIES_REACHED,100,RBB,BGD,IMP_NUTRITION,`,
      `${p}-I2,2032-02-29,BENEFICIARIES_REACHED,20,RBB,BGD,IMP_NUTRITION,`,
      `${p}-I3,2032-12-31,BENEFICIARIES_REACHED,3,RBB,,IMP_NUTRITION,`,
      `${p}-I4,2033-01-01,BENEFICIARIES_REACHED,4000,RBB,BGD,IMP_NUTRITION,`,
    ];
    expect((await run('impact', rows)).counts.inserted).toBe(4);
    const { total } = await computeMetrics(database.db, {
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
    const p = `T${++prefix}`;
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
    const p = `T${++prefix}`;
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
    const p = `T${++prefix}`;
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

describe('files that cannot be imported', () => {
  const contributions = HEADERS.contributions;
  const good = 'B-1,2024-01-01,1.00,CORPORATE,CASH,BP-1,Partner,CORPORATION,RBN,KEN,INC_GROWTH,';
  const latin1 = Buffer.concat([
    Buffer.from(`${contributions}\r\n${good}\r\nB-2,2024-01-01,1.00,CORPORATE,CASH,BP-2,Caf`),
    Buffer.from([0xe9]),
    Buffer.from(',CORPORATION,RBN,KEN,INC_GROWTH,\r\n'),
  ]);
  const cases: [string, Uint8Array, string][] = [
    ['an empty file', utf8(''), 'EMPTY'],
    ['a wrong header', utf8(`external_ref,date,amount\r\n${good}\r\n`), 'HEADER'],
    ['thousands of junk columns', utf8(`${contributions}${',junk'.repeat(5_000)}\r\n${good}\r\n`), 'JUNK'],
    ['Latin-1 bytes', latin1, 'LATIN1'],
    ['a quote left open', utf8(`${contributions}\r\n${good}\r\n"B-2,2024-01-01\r\n`), 'QUOTE'],
    ['a row with too few fields', utf8(`${contributions}\r\n${good}\r\nB-2,2024-01-01\r\n`), 'FIELDS'],
  ];

  it.each(cases)('refuses %s, saying where and why, and writes nothing', async (_name, bytes, _key) => {
    const before = await tableCounts();
    const result = await importCsv(database, {
      kind: 'contributions',
      source: cutAt(bytes, 3, 50),
      fileName: 'bad.csv',
      actor: ADMIN,
    });
    expect(result.status).toBe('REFUSED');
    expect(result.problems.map(describeProblem)).toMatchSnapshot();
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('imports a header-only file as zero rows', async () => {
    const result = await run('contributions', []);
    expect(result).toMatchObject({ status: 'DONE', counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 } });
  });

  it('reads a BOM, CRLF and quoted fields with commas, quotes and line breaks', async () => {
    const p = `T${++prefix}`;
    const text = `\uFEFF${HEADERS.partners}\r\n${p}-P1,"Acme, ""the"" Foods\r\nLtd",CORPORATION,LOCAL,RBN,KEN,"Food, retail"\r\n`;
    const result = await importCsv(database, {
      kind: 'partners',
      source: cutAt(utf8(text), 1, 2, 40),
      fileName: 'bom.csv',
      actor: ADMIN,
    });
    expect(result.counts.inserted).toBe(1);
    expect(await query(`SELECT name, sector FROM partners WHERE external_ref = '${p}-P1'`)).toEqual([
      { name: 'Acme, "the" Foods\r\nLtd', sector: 'Food, retail' },
    ]);
  });
});

describe('checks that take more than one row', () => {
  it('reports a key given twice on every line, and a partner_ref named two ways, with all other problems', async () => {
    const p = `T${++prefix}`;
    const row = (ref: string, name: string, type = 'HNWI', amount = '1') =>
      `${p}-${ref},2024-01-01,${amount},HNWI,CASH,${p}-P1,${name},${type},RBB,,INC_GROWTH,`;
    const before = await tableCounts();
    const result = await run('contributions', [
      row('A', 'Ann'), // 2
      row('B', 'Ann', 'HNWI', '-1'), // 3: a bad amount, still reported with the rest
      row('A', 'Ann'), // 4
      row('C', 'Bob', 'FOUNDATION'), // 5
      row('A', 'Ann'), // 6
    ]);
    expect(result.status).toBe('REFUSED');
    const duplicate = (line: number) =>
      `an external_ref must appear once in the file; it is on line 2 and on line ${line}`;
    expect(result.problems.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 2, column: 'external_ref', reason: duplicate(4) },
      { line: 3, column: 'amount_usd', reason: expect.stringMatching(/^must be 0 or more/) },
      { line: 4, column: 'external_ref', reason: duplicate(4) },
      {
        line: 5,
        column: 'partner_name',
        reason: `partner_ref ${p}-P1 is named "Ann" on line 2: every row of a partner must give the same partner_name`,
      },
      {
        line: 5,
        column: 'partner_type',
        reason: `partner_ref ${p}-P1 has partner_type HNWI on line 2: every row of a partner must give the same partner_type`,
      },
      { line: 6, column: 'external_ref', reason: duplicate(6) },
    ]);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('reports a target given twice, its quarter included', async () => {
    const result = await run('targets', [
      'REVENUE_USD,RBN,2025,1,1', // 2
      'REVENUE_USD,RBN,2025,,1', // 3: the year, another target
      'REVENUE_USD,rbn,2025,1,2', // 4
      'REVENUE_USD,GLOBAL,2025,,3', // 5
      'revenue_usd,global,2025,,3', // 6
    ]);
    expect(result.problems.map(describeProblem)).toEqual([
      'line 2, metric_code "REVENUE_USD": the target of REVENUE_USD for RBN in 2025 Q1 must appear once in the file; it is on line 2 and on line 4',
      'line 4, metric_code "REVENUE_USD": the target of REVENUE_USD for RBN in 2025 Q1 must appear once in the file; it is on line 2 and on line 4',
      'line 5, metric_code "REVENUE_USD": the target of REVENUE_USD for GLOBAL in 2025 must appear once in the file; it is on line 5 and on line 6',
      'line 6, metric_code "REVENUE_USD": the target of REVENUE_USD for GLOBAL in 2025 must appear once in the file; it is on line 5 and on line 6',
    ]);
  });
});

describe('importCsv options', () => {
  it('checks without writing on a dry run, with the counts the import would make', async () => {
    const p = `T${++prefix}`;
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
    const p = `T${++prefix}`;
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
    const p = `T${++prefix}`;
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
