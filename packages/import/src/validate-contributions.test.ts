import { describe, expect, it } from 'vitest';
import { REFERENCE, utf8 } from './test-helpers';
import { validateCsv } from './validate';
import { CONTRIBUTIONS_HEADER, problemsOf, validate } from './validate.kit';

/** Validating files of contributions: their rows, their problems, and a large file in bounded memory. */

describe('contributions', () => {
  it('normalizes a valid row: trimmed, upper-cased codes, money as a 2-decimal string', async () => {
    const report = await validate(
      'contributions',
      ` Objective_Code , ${CONTRIBUTIONS_HEADER.split(',')
        .filter((c) => c !== 'objective_code')
        .join(',')}\ninc_growth, C-1 ,2024-02-29,0012.5,corporate,cash,P-1,  Acme ,corporation,rbn,ken,PS-1\n`,
    );
    expect(report.problems).toEqual([]);
    expect(report.rows).toEqual([
      {
        externalRef: 'C-1',
        date: '2024-02-29',
        amountUsd: '12.50',
        incomeStream: 'CORPORATE',
        kind: 'CASH',
        partnerRef: 'P-1',
        partnerName: 'Acme',
        partnerType: 'CORPORATION',
        regionCode: 'RBN',
        countryIso3: 'KEN',
        objectiveCode: 'INC_GROWTH',
        partnershipRef: 'PS-1',
      },
    ]);
  });

  it('reports every problem of every row, with line, column and what is allowed', async () => {
    const rows = [
      'C-1,2025-02-29,-5,GIFTS,CASH,P-1,Acme,CORPORATION,RBN,,INC_GROWTH,', // line 2
      'C-2,2024-13-01,1.234,CORPORATE,LOAN,P-2,Beta,BANK,RBX,XXX,NOPE,PS-9', // line 3
      ',31/12/2024,"1,000",CORPORATE,CASH,,,CORPORATION,HQ,,INC_GROWTH,', // line 4
      'C-4,2024-01-01,10,CORPORATE,CASH,P-4,Gamma,CORPORATION', // line 5
    ];
    expect(await problemsOf('contributions', `${CONTRIBUTIONS_HEADER}\n${rows.join('\n')}\n`)).toEqual([
      { line: 2, column: 'date', reason: 'is not a date: 2025-02 has 28 days' },
      { line: 2, column: 'amount_usd', reason: 'must be 0 or more' },
      { line: 2, column: 'income_stream', reason: 'must be one of INDIVIDUAL_GIVING, CORPORATE, FOUNDATION, HNWI' },
      { line: 3, column: 'date', reason: 'is not a date: the month must be 01 to 12 (YYYY-MM-DD)' },
      { line: 3, column: 'amount_usd', reason: 'has too many decimals: at most 2 digits after the dot' },
      { line: 3, column: 'kind', reason: 'must be one of CASH, IN_KIND' },
      {
        line: 3,
        column: 'partner_type',
        reason: 'must be one of CORPORATION, FOUNDATION, HNWI, GIVING_CHANNEL, ASSOCIATION',
      },
      { line: 3, column: 'region_code', reason: 'unknown region code: must be one of HQ, RBB, RBC, RBN' },
      { line: 3, column: 'country_iso3', reason: 'unknown country ISO3 code' },
      { line: 3, column: 'objective_code', reason: expect.stringMatching(/^unknown objective code: must be one of /) },
      { line: 3, column: 'partnership_ref', reason: 'no partnership has this external ref: import or create it first' },
      { line: 4, column: 'external_ref', reason: 'is required: the cell is empty' },
      { line: 4, column: 'date', reason: 'must be a date written YYYY-MM-DD, e.g. 2024-03-31' },
      {
        line: 4,
        column: 'amount_usd',
        reason:
          'must be a number written with digits and a dot for decimals, without thousands separators or currency (e.g. 1234.56)',
      },
      { line: 4, column: 'partner_ref', reason: 'is required: the cell is empty' },
      { line: 4, column: 'partner_name', reason: 'is required: the cell is empty' },
      {
        line: 5,
        column: null,
        reason: 'has 8 fields but the header has 12: a value with a comma must be in double quotes',
      },
    ]);
  });

  it('accepts 29 February of a leap year only', async () => {
    const row = (ref: string, date: string) => `${ref},${date},1,HNWI,CASH,P-1,Ann,HNWI,RBB,,INC_GROWTH,`;
    const report = await validate(
      'contributions',
      [CONTRIBUTIONS_HEADER, row('A', '2024-02-29'), row('B', '2000-02-29'), row('C', '2100-02-29')].join('\n'),
    );
    expect(report.rows.map((r) => r.date)).toEqual(['2024-02-29', '2000-02-29']);
    expect(report.problems).toMatchObject([{ line: 4, column: 'date', reason: 'is not a date: 2100-02 has 28 days' }]);
  });

  it('checks the country was in the region on the date (Sudan: RBC until 2019, RBN from 2020)', async () => {
    const row = (ref: string, date: string, region: string) =>
      `${ref},${date},1,HNWI,CASH,P-1,Ann,HNWI,${region},SDN,INC_GROWTH,`;
    const report = await validate(
      'contributions',
      [
        CONTRIBUTIONS_HEADER,
        row('A', '2019-12-31', 'RBC'),
        row('B', '2020-01-01', 'RBN'),
        row('C', '2019-12-31', 'RBN'),
        row('D', '2020-01-01', 'RBC'),
        row('E', '2021-05-01', 'HQ'),
      ].join('\n'),
    );
    expect(report.rows.map((r) => r.externalRef)).toEqual(['A', 'B']);
    expect(report.problems.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      {
        line: 4,
        column: 'country_iso3',
        reason: 'country SDN belonged to region RBC on 2019-12-31, not RBN: use region_code RBC',
      },
      {
        line: 5,
        column: 'country_iso3',
        reason: 'country SDN belonged to region RBN on 2020-01-01, not RBC: use region_code RBN',
      },
      {
        line: 6,
        column: 'country_iso3',
        reason: 'country SDN belonged to region RBN on 2021-05-01, not HQ: use region_code RBN',
      },
    ]);
  });
});

describe('large files', () => {
  it('streams 200,000 rows in bounded memory', async () => {
    const rows = 200_000;
    const padding = 'x'.repeat(200);
    async function* generate(): AsyncGenerator<Uint8Array> {
      yield utf8(`${CONTRIBUTIONS_HEADER}\n`);
      const encoder = new TextEncoder();
      for (let start = 0; start < rows; start += 500) {
        let chunk = '';
        for (let i = start; i < start + 500; i++) {
          chunk += `C-${i},2024-06-30,${i}.5,CORPORATE,CASH,P-${i % 1000},Partner ${i % 1000} ${padding},CORPORATION,RBN,KEN,INC_GROWTH,\r\n`;
        }
        yield encoder.encode(chunk);
      }
    }
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let valid = 0;
    let total = '0';
    const validation = validateCsv('contributions', generate(), REFERENCE);
    for await (const record of validation) {
      if (record.row) {
        valid++;
        if (valid === 1) total = record.row.amountUsd;
      }
      if (record.line % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(valid).toBe(rows);
    expect(validation.rejected).toBe(0);
    expect(total).toBe('0.50');
    // The file is about 55 MB of text; only the 200,000 refs (a few MB) are kept.
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  });
});
