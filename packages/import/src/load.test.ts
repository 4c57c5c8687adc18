import type { Actor } from '@panorama/db';
import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { computeMetrics } from '@panorama/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportOptions, importCsv } from './load';
import { describeProblem } from './problems';
import { cutAt, utf8 } from './test-helpers';

const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';

const ADMIN: Actor = { userId: 1, email: 'admin@example.org', role: 'ADMIN', regionCode: null };
const NAIROBI: Actor = { userId: 2, email: 'rbn@example.org', role: 'REGIONAL', regionCode: 'RBN' };

let database: TestDatabase;
/** Each test uses its own external refs: `ref('x', 1)` → `T<prefix>-x-1`. */
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

/** Runs SQL on the test database's own driver (the app role once `useAppRole` ran). */
async function query<Row = Record<string, unknown>>(text: string): Promise<Row[]> {
  const result = database.kind === 'postgres' ? await database.pool.query(text) : await database.pglite.query(text);
  return result.rows as Row[];
}

function file(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n');
}

function run(text: string, options: Partial<ImportOptions> = {}) {
  return importCsv(database, {
    kind: 'contributions',
    source: cutAt(utf8(text), 7, 100),
    fileName: 'test.csv',
    actor: ADMIN,
    ...options,
  });
}

async function count(table: string): Promise<number> {
  const [result] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return result?.n ?? -1;
}

async function tableCounts() {
  return {
    contributions: await count('contributions'),
    partners: await count('partners'),
    audit: await count('audit_log'),
    imports: await count('imports'),
  };
}

function row(
  p: string,
  n: number,
  amount: string,
  extra: Partial<Record<'region' | 'country' | 'partnership' | 'partner', string>> = {},
) {
  const partner = extra.partner ?? `${p}-P1`;
  return `${p}-C${n},2024-06-30,${amount},CORPORATE,CASH,${partner},Partner ${partner},CORPORATION,${extra.region ?? 'RBN'},${extra.country ?? 'KEN'},INC_GROWTH,${extra.partnership ?? ''}`;
}

describe('importCsv (contributions)', () => {
  it('inserts a file, then changes nothing when it is imported again, then updates one changed amount', async () => {
    const p = `T${++prefix}`;
    const text = file(row(p, 1, '100.10'), row(p, 2, '200.20', { partnership: 'PS-1' }), row(p, 3, '300'));
    const before = await tableCounts();
    const first = await run(text);
    expect(first.problems).toEqual([]);
    expect(first.status).toBe('DONE');
    expect(first.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.partnersCreated).toBe(1);
    const afterFirst = await tableCounts();
    // 3 contributions, counted by the IMPORT entry, and 1 partner with its CREATE entry.
    expect(afterFirst).toEqual({
      contributions: before.contributions + 3,
      partners: before.partners + 1,
      audit: before.audit + 2,
      imports: before.imports + 1,
    });

    const second = await run(text);
    expect(second.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(second.partnersCreated).toBe(0);
    // Only the import itself is recorded: one `imports` row and its IMPORT entry, no row entries.
    expect(await tableCounts()).toEqual({
      ...afterFirst,
      audit: afterFirst.audit + 1,
      imports: afterFirst.imports + 1,
    });

    const third = await run(
      file(row(p, 1, '100.10'), row(p, 2, '250.00', { partnership: 'PS-1' }), row(p, 3, '300.00')),
    );
    expect(third.counts).toEqual({ inserted: 0, updated: 1, unchanged: 2, rejected: 0 });
    const stored = await query(
      `SELECT c.amount_usd, c.partnership_id IS NOT NULL AS linked, p.name FROM contributions c JOIN partners p ON p.id = c.partner_id WHERE c.external_ref = '${p}-C2'`,
    );
    expect(stored).toEqual([{ amount_usd: '250.00', linked: true, name: `Partner ${p}-P1` }]);
    const audit = await query(
      `SELECT action, before->>'amountUsd' AS before, after->>'amountUsd' AS after FROM audit_log WHERE entity = 'Contribution' AND after->>'externalRef' = '${p}-C2' ORDER BY id`,
    );
    expect(audit).toEqual([{ action: 'UPDATE', before: '200.20', after: '250.00' }]);
    const recorded = await query<{ after: { counts: unknown } }>(
      `SELECT a.after FROM audit_log a WHERE a.action = 'IMPORT' AND a.entity = 'Import' AND a.entity_id = '${third.importId}'`,
    );
    expect(recorded[0]?.after.counts).toEqual(third.counts);
  });

  it('writes nothing when one row is bad, and returns every problem', async () => {
    const p = `T${++prefix}`;
    const before = await tableCounts();
    const result = await run(
      file(row(p, 1, '10'), row(p, 2, '-5'), row(p, 3, '30', { country: 'EGY' }), row(p, 4, '40')),
    );
    expect(result.status).toBe('REFUSED');
    expect(result.counts).toEqual({ inserted: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(result.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'amount_usd'],
      [4, 'country_iso3'],
    ]);
    expect(result.rejectedCsv).toBeUndefined();
    // Only the refusal is recorded, in `imports`.
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('refuses a file that cannot be read, writing nothing', async () => {
    const before = await tableCounts();
    const result = await run('external_ref,date\nX,2024-01-01\n');
    expect(result.status).toBe('REFUSED');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('with skipInvalid writes the good rows and returns the bad ones as CSV', async () => {
    const p = `T${++prefix}`;
    const before = await tableCounts();
    const result = await run(file(row(p, 1, '10'), row(p, 2, 'ten'), row(p, 3, '30')), { skipInvalid: true });
    expect(result.status).toBe('DONE');
    expect(result.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(result.rejectedCsv).toBe(
      `${HEADER},problem\r\n${row(p, 2, 'ten')},"amount_usd ""ten"": ${result.problems[0]?.reason}"\r\n`,
    );
    expect((await tableCounts()).contributions).toBe(before.contributions + 2);
  });

  it('checks partners against the stored ones: all or nothing, or rejected with skipInvalid', async () => {
    const p = `T${++prefix}`;
    await run(file(row(p, 1, '10')));
    const before = await tableCounts();
    const renamed = `${p}-C2,2024-06-30,20,CORPORATE,CASH,${p}-P1,Another name,FOUNDATION,RBN,KEN,INC_GROWTH,`;
    const refused = await run(file(row(p, 3, '30', { partner: `${p}-P9` }), renamed));
    expect(refused.status).toBe('REFUSED');
    expect(refused.problems.map(describeProblem)).toEqual([
      `line 3, partner_name "Another name": partner_ref ${p}-P1 is stored as "Partner ${p}-P1": every row of a partner must give its stored partner_name`,
      `line 3, partner_type "FOUNDATION": partner_ref ${p}-P1 is stored as a partner of type CORPORATION: every row of a partner must give its stored partner_type`,
    ]);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });

    const skipped = await run(file(row(p, 3, '30', { partner: `${p}-P9` }), renamed), { skipInvalid: true });
    expect(skipped.counts).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(skipped.rejectedCsv?.split('\r\n')[1]).toMatch(new RegExp(`^${p}-C2,.*,"partner_name ""Another name"": `));
  });

  it('rolls everything back when an error is thrown after half the rows, or after the merge', async () => {
    const p = `T${++prefix}`;
    const rows = Array.from({ length: 1_200 }, (_, i) => row(p, i, `${i}.25`, { partner: `${p}-P${i % 7}` }));
    const before = await tableCounts();
    await expect(
      run(file(...rows), {
        hooks: {
          afterRows: (n) => {
            if (n === 600) throw new Error('disk on fire');
          },
        },
      }),
    ).rejects.toThrow(/disk on fire/);
    expect(await tableCounts()).toEqual(before);
    await expect(
      run(file(...rows), {
        hooks: {
          afterMerge: () => {
            throw new Error('after the merge');
          },
        },
      }),
    ).rejects.toThrow(/after the merge/);
    expect(await tableCounts()).toEqual(before);
    // The connection is usable again, and the same file imports fine.
    expect((await run(file(...rows))).counts.inserted).toBe(1_200);
  });

  it('lets a REGIONAL user import rows of its region only', async () => {
    const p = `T${++prefix}`;
    const before = await tableCounts();
    const refused = await run(
      file(row(p, 1, '10'), row(p, 2, '20', { region: 'RBB', country: 'BGD' }), row(p, 3, '30')),
      { actor: NAIROBI },
    );
    expect(refused.status).toBe('REFUSED');
    expect(refused.problems.map(describeProblem)).toEqual([
      'line 3, region_code "RBB": a REGIONAL user of RBN imports rows of RBN only',
    ]);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 1 });

    // A contribution stored for another region cannot be overwritten by a regional import.
    await run(file(row(p, 4, '40', { region: 'RBB', country: 'BGD' })));
    const overwrite = await run(file(row(p, 4, '41')), { actor: NAIROBI });
    expect(overwrite.problems.map(describeProblem)).toEqual([
      `line 2, external_ref "${p}-C4": is a contribution of region RBB: a REGIONAL user of RBN changes contributions of RBN only`,
    ]);

    const done = await run(file(row(p, 1, '10'), row(p, 3, '30')), { actor: NAIROBI });
    expect(done.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
  });

  it('is reflected by computeMetrics at once', async () => {
    const p = `T${++prefix}`;
    const amounts = ['1000.01', '2000.02', '3000.03', '0.04'];
    const year = '2031';
    const rows = amounts.map(
      (amount, i) =>
        `${p}-C${i},${year}-0${i + 1}-15,${amount},FOUNDATION,CASH,${p}-P,Foundation ${p},FOUNDATION,RBB,BGD,INC_GROWTH,`,
    );
    // A contribution of another region the same year, which must not count.
    rows.push(`${p}-X,${year}-05-01,999,FOUNDATION,CASH,${p}-P,Foundation ${p},FOUNDATION,RBN,KEN,INC_GROWTH,`);
    const result = await run(file(...rows));
    expect(result.counts.inserted).toBe(5);
    const { total } = await computeMetrics(database.db, {
      metrics: ['REVENUE_USD'],
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      filter: { regionCodes: ['RBB'] },
    });
    expect(total.values.find((value) => value.metric === 'REVENUE_USD')?.value).toBe('6000.10');
  });
});
