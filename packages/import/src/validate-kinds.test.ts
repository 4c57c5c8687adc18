import { describe, expect, it } from 'vitest';
import { rowsToCsv } from './rejected';
import { validate } from './validate.kit';

/** Validating files of impact records, targets and partners, and writing the rows they reject. */

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
