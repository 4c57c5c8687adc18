import { describe, expect, it } from 'vitest';
import { FORMATS, type ImportKind } from './formats';
import { rowsToCsv } from './rejected';
import { cutAt, REFERENCE, utf8 } from './test-helpers';
import { collectValidation, validateCsv } from './validate';

const CONTRIBUTIONS_HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';

const validate = <K extends ImportKind>(kind: K, text: string) => collectValidation(kind, cutAt(utf8(text)), REFERENCE);

/** The problems of a file, without their value, for compact expectations. */
async function problemsOf(kind: ImportKind, text: string) {
  const report = await validate(kind, text);
  return report.problems.map(({ line, column, reason }) => ({ line, column, reason }));
}

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

describe('headers', () => {
  it('accepts a header-only file (zero rows) in any order and case', async () => {
    const report = await validate('targets', 'VALUE, Year ,scope,metric_code\r\n');
    expect(report).toEqual({
      header: ['VALUE', ' Year ', 'scope', 'metric_code'],
      rows: [],
      rejected: [],
      problems: [],
    });
  });

  it('lists missing, unknown and duplicated columns, and the expected ones', async () => {
    const problems = await problemsOf('targets', 'metric_code,Scope,scope,amount,value\n1,2,3,4,5\n');
    const expected = 'expected the columns of a targets file: metric_code, scope, year, quarter (optional), value';
    expect(problems).toEqual([
      { line: 1, column: null, reason: `missing column: year; ${expected}` },
      { line: 1, column: null, reason: `unknown column: amount; ${expected}` },
      { line: 1, column: null, reason: `column given more than once: scope; ${expected}` },
    ]);
  });

  it('sums up thousands of junk columns', async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => `junk${i}`);
    const problems = await problemsOf('partners', [...FORMATS.partners.map((c) => c.name), ...junk].join(','));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(/^unknown 5000 columns: junk0, junk1, .*junk19 … and 4980 more; expected/);
  });

  it('refuses an empty file and a non-UTF-8 one with a file-level problem', async () => {
    expect(await problemsOf('impact', '')).toEqual([
      {
        line: 1,
        column: null,
        reason: 'the file is empty: expected a header row naming the columns, then one row per record',
      },
    ]);
  });
});

describe('impact records, targets and partners', () => {
  it('checks impact metrics (recorded ones only) and their values by unit', async () => {
    const header = 'external_ref,date,metric_code,value,region_code,objective_code';
    const report = await validate(
      'impact',
      [
        header,
        'I-1,2024-03-01,food_tonnes,12.34567,RBB,IMP_RESILIENCE', // 5 decimals
        'I-2,2024-03-01,MEALS_PROVIDED,10.5,RBB,IMP_EMERGENCY', // meals are whole
        'I-3,2024-03-01,REVENUE_USD,1,RBB,INC_GROWTH', // computed
        'I-4,2024-03-01,FOOD_TONNES,1.5,RBB,IMP_RESILIENCE',
      ].join('\n'),
    );
    expect(report.rows).toMatchObject([
      { externalRef: 'I-4', metricCode: 'FOOD_TONNES', value: '1.5000', countryIso3: null },
    ]);
    expect(report.problems.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 2, column: 'value', reason: 'has too many decimals: at most 4 digits after the dot' },
      { line: 3, column: 'value', reason: 'must be a whole number' },
      {
        line: 4,
        column: 'metric_code',
        reason: expect.stringMatching(
          /^is computed from other data, not recorded: must be one of BENEFICIARIES_REACHED/,
        ),
      },
    ]);
  });

  it('checks target scope, year, quarter and rates', async () => {
    const report = await validate(
      'targets',
      [
        'metric_code,scope,year,quarter,value',
        'REVENUE_USD,global,2025,,1000000', // 2
        'REVENUE_USD,RBN,2025,1,250000.5', // 3
        'REVENUE_USD,SDN,2025,,10', // 4
        'PARTNER_RETENTION_RATE,GLOBAL,2025,,1.01', // 5
        'REVENUE_USD,RBX,1999,5,1', // 6
      ].join('\n'),
    );
    expect(report.rows).toEqual([
      {
        metricCode: 'REVENUE_USD',
        scopeType: 'GLOBAL',
        scopeCode: 'GLOBAL',
        regionCode: null,
        countryIso3: null,
        year: 2025,
        quarter: null,
        value: '1000000.00',
      },
      {
        metricCode: 'REVENUE_USD',
        scopeType: 'REGION',
        scopeCode: 'RBN',
        regionCode: 'RBN',
        countryIso3: null,
        year: 2025,
        quarter: 1,
        value: '250000.50',
      },
      {
        metricCode: 'REVENUE_USD',
        scopeType: 'COUNTRY',
        scopeCode: 'SDN',
        regionCode: null,
        countryIso3: 'SDN',
        year: 2025,
        quarter: null,
        value: '10.00',
      },
    ]);
    expect(report.problems.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 5, column: 'value', reason: 'is a rate: must be between 0 and 1 (e.g. 0.85 for 85%)' },
      { line: 6, column: 'scope', reason: 'must be GLOBAL, a region code or a country ISO3 code' },
      { line: 6, column: 'year', reason: 'must be a whole number from 2000 to 2100' },
      { line: 6, column: 'quarter', reason: 'must be a whole number from 1 to 4' },
    ]);
  });

  it('checks partners against their current region', async () => {
    const report = await validate(
      'partners',
      [
        'external_ref,name,partner_type,scope,region_code,country_iso3,sector',
        'P-1,Acme,CORPORATION,local,RBN,SDN,Retail',
        'P-2,Beta,FOUNDATION,WORLD,RBC,SDN,',
      ].join('\n'),
    );
    expect(report.rows).toEqual([
      {
        externalRef: 'P-1',
        name: 'Acme',
        partnerType: 'CORPORATION',
        scope: 'LOCAL',
        regionCode: 'RBN',
        countryIso3: 'SDN',
        sector: 'Retail',
      },
    ]);
    expect(report.problems.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 3, column: 'scope', reason: 'must be one of LOCAL, GLOBAL' },
      {
        line: 3,
        column: 'country_iso3',
        reason: 'country SDN belonged to region RBN today, not RBC: use region_code RBN',
      },
    ]);
  });
});

describe('rowsToCsv', () => {
  it('writes the rejected rows with their problems, escaped against formulas', async () => {
    const report = await validate(
      'partners',
      'external_ref,name,partner_type,scope,region_code\n"=HYPERLINK(""x"")","@evil, inc",CORP,LOCAL,RBB\n',
    );
    expect(rowsToCsv(report.header, report.rejected)).toBe(
      'external_ref,name,partner_type,scope,region_code,problem\r\n' +
        `"'=HYPERLINK(""x"")","'@evil, inc",CORP,LOCAL,RBB,` +
        '"partner_type ""CORP"": must be one of CORPORATION, FOUNDATION, HNWI, GIVING_CHANNEL, ASSOCIATION"\r\n',
    );
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
