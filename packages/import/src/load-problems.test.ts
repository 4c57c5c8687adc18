import { describe, expect, it } from 'vitest';
import { ADMIN, HEADERS, importDatabase } from './import-database.kit';
import { importCsv } from './load';
import { describeProblem } from './problems';
import { cutAt, utf8 } from './test-helpers';

/** Each test uses its own refs: `T<n>-…` (`nextRefs`). */
const { query, tableCounts, run, nextRefs, database } = importDatabase();

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
    const result = await importCsv(database(), {
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
    const p = nextRefs();
    const text = `\uFEFF${HEADERS.partners}\r\n${p}-P1,"Acme, ""the"" Foods\r\nLtd",CORPORATION,LOCAL,RBN,KEN,"Food, retail"\r\n`;
    const result = await importCsv(database(), {
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
    const p = nextRefs();
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
