import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../testing';
import { downloadExport, linesOf, seedTwoBureaux } from './export-testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: seedTwoBureaux });
});
afterAll(async () => {
  await api?.close();
});

const download = (list: string, query = '', as: TestUser | null = 'admin') =>
  downloadExport(api, `${list}${query}`, as);

describe('GET /api/export/impact', () => {
  it('answers the impact records in their import format, exact values, formulas escaped', async () => {
    expect(linesOf((await download('impact')).text)).toEqual([
      'external_ref,date,metric_code,value,region_code,country_iso3,objective_code,partnership_ref',
      'I-1,2025-03-15,FOOD_TONNES,12.3456,RBN,KEN,IMP_RESILIENCE,PS-FLOUR',
      'I-2,2025-06-01,MEALS_PROVIDED,1000,RBN,,IMP_EMERGENCY,PS-FLOUR',
      "'=I-3,2024-12-31,BENEFICIARIES_REACHED,250,RBB,BGD,IMP_NUTRITION,",
    ]);
  });

  it('keeps a region and a range of days; a regional user its own region only', async () => {
    const refs = async (query: string, as: TestUser = 'admin') =>
      linesOf((await download('impact', query, as)).text)
        .slice(1)
        .map((line) => line.split(',')[0]);
    expect(await refs('?region=RBB')).toEqual(["'=I-3"]);
    expect(await refs('?from=2025-01-01&to=2025-03-15')).toEqual(['I-1']);
    expect(await refs('', 'nairobi')).toEqual(['I-1', 'I-2']);
    expect(await refs('', 'bangkok')).toEqual(["'=I-3"]);
    expect(await refs('', 'analyst')).toEqual(['I-1', 'I-2', "'=I-3"]);
    expect(await download('impact', '?region=RBB', 'nairobi')).toMatchObject({
      status: 403,
      error: 'A REGIONAL user of RBN exports the impact records of RBN only.',
    });
  });
});

describe('GET /api/export/targets', () => {
  it('answers the targets in their import format, to every signed-in user', async () => {
    const all = [
      'metric_code,scope,year,quarter,value',
      'REVENUE_USD,GLOBAL,2025,,1100000.5',
      'REVENUE_USD,RBN,2025,,250000',
      'REVENUE_USD,KEN,2025,,80000',
      'MEALS_PROVIDED,RBB,2024,2,5000',
      'PARTNER_RETENTION_RATE,GLOBAL,2025,,0.85',
    ];
    expect(linesOf((await download('targets')).text)).toEqual(all);
    // Targets are not detail: a regional user reads every bureau's, as GraphQL gives them.
    expect(linesOf((await download('targets', '', 'nairobi')).text)).toEqual(all);
    expect(linesOf((await download('targets', '?region=RBB', 'nairobi')).text)).toEqual([all[0], all[4]]);
  });

  it('keeps a bureau with its country offices, and a year', async () => {
    const lines = async (query: string) => linesOf((await download('targets', query)).text).slice(1);
    expect(await lines('?region=rbn')).toEqual(['REVENUE_USD,RBN,2025,,250000', 'REVENUE_USD,KEN,2025,,80000']);
    expect(await lines('?year=2024')).toEqual(['MEALS_PROVIDED,RBB,2024,2,5000']);
    expect(await lines('?region=RBN&year=2024')).toEqual([]);
  });
});

describe('the other lists', () => {
  it('partnerships: codes and days, a regional user its own', async () => {
    const lines = [
      'external_ref,name,partner_ref,partner_name,region_code,country_iso3,objective_code,modality,status,start_date,end_date',
      'PS-FLOUR,Fortified flour,P-ACME,Acme Foods,RBN,KEN,IMP_NUTRITION,IN_KIND,ACTIVE,2024-01-01,',
      "PS-BANK,'+Bank staff giving,P-ZETA,Zeta Bank,RBB,,INC_GROWTH,CASH,PLANNED,2025-01-01,2025-12-31",
    ];
    expect(linesOf((await download('partnerships')).text)).toEqual(lines);
    expect(linesOf((await download('partnerships', '', 'bangkok')).text)).toEqual([lines[0], lines[2]]);
    expect((await download('partnerships', '?region=RBN', 'bangkok')).status).toBe(403);
  });

  it('opportunities: global IDs, exact amounts and the weighted amount', async () => {
    const ids = await api.graphql<{ opportunities: { nodes: { id: string; name: string }[] } }>(
      '{ opportunities(orderBy: { field: NAME, direction: ASC }) { nodes { id name } } }',
    );
    const id = Object.fromEntries((ids.data?.opportunities.nodes ?? []).map((node) => [node.name, node.id]));
    expect(linesOf((await download('opportunities')).text)).toEqual([
      'id,name,partner_ref,partner_name,prospect_name,region_code,country_iso3,objective_code,stage,amount_usd,probability,weighted_amount_usd,expected_close_date',
      `${id['Flour II']},Flour II,P-ACME,Acme Foods,,RBN,,,PROPOSAL,10000.00,0.25,2500.00,2025-06-30`,
      `${id['@Lost gift']},'@Lost gift,,,'-Prospect,RBB,BGD,INC_GROWTH,LOST,900.10,0.3333,300.00,2025-09-30`,
    ]);
    const closing = await download('opportunities', '?from=2025-07-01');
    expect(
      linesOf(closing.text)
        .slice(1)
        .map((line) => line.split(',')[1]),
    ).toEqual(["'@Lost gift"]);
  });

  it('stories: every one to everyone, another bureau’s partnership left out as GraphQL does', async () => {
    const answer = await api.graphql<{
      stories: { nodes: { id: string; partnership: { externalRef: string } | null }[] };
    }>(
      '{ stories(orderBy: { field: DATE, direction: ASC }) { nodes { id partnership { externalRef } } } }',
      {},
      { as: 'nairobi' },
    );
    const [andes, flour] = answer.data?.stories.nodes ?? [];
    expect(andes?.partnership).toBeNull();
    expect(linesOf((await download('stories', '', 'nairobi')).text)).toEqual([
      'id,date,title,summary,region_code,country_iso3,partnership_ref',
      `${flour?.id},2025-04-01,Flour reaches schools,What happened.,RBN,KEN,PS-FLOUR`,
      `${andes?.id},2023-06-01,'=Andes,"Staff, ""giving""",RBB,,`,
    ]);
    expect(linesOf((await download('stories', '', 'bangkok')).text)[2]).toMatch(/,RBB,,PS-BANK$/);
    expect(linesOf((await download('stories', '?region=RBB&to=2023-12-31', 'nairobi')).text)).toHaveLength(2);
  });

  it('field needs: the same, with their status and objective', async () => {
    const lines = linesOf((await download('field-needs', '', 'nairobi')).text);
    expect(lines[0]).toBe(
      'id,identified_on,title,description,sector,status,region_code,country_iso3,objective_code,partnership_ref',
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(1))).toEqual([
      [
        '2025-02-01',
        'Cold chain',
        'Refrigerated trucks for fortified food.',
        'Logistics',
        'OPEN',
        'RBN',
        'KEN',
        '',
        '',
      ],
      [
        '2025-02-01',
        'Flour',
        'Refrigerated trucks for fortified food.',
        '',
        'MATCHED',
        'RBN',
        '',
        'IMP_NUTRITION',
        'PS-FLOUR',
      ],
      ['2025-02-01', 'Boats', "'=1+1", '', 'MATCHED', 'RBB', '', '', ''],
    ]);
    expect(linesOf((await download('field-needs', '?region=RBB')).text)[1]).toMatch(/,RBB,,,PS-BANK$/);
  });

  it('regions, countries and objectives: the reference data', async () => {
    const regions = linesOf((await download('regions', '', 'bangkok')).text);
    expect(regions[0]).toBe('code,name,city');
    expect(regions.slice(1).map((line) => line.split(',')[0])).toEqual([
      'HQ',
      'RBB',
      'RBC',
      'RBD',
      'RBJ',
      'RBN',
      'RBP',
    ]);
    const kenya = linesOf((await download('countries', '?region=RBN')).text);
    expect(kenya[0]).toBe('iso3,name,region_code');
    expect(kenya).toContain('KEN,Kenya,RBN');
    expect(kenya.slice(1).every((line) => line.endsWith(',RBN'))).toBe(true);
    const objectives = linesOf((await download('objectives')).text);
    expect(objectives[0]).toBe('code,name,pillar,description,sort_order');
    expect(objectives.find((line) => line.startsWith('IMP_NUTRITION,'))).toMatch(/,IMPACT,.*,\d+$/);
  });

  it('audit log: admins and leadership, each change with its JSON, a region and days in UTC', async () => {
    const expected = [
      'at,user_email,action,entity,entity_id,region_code,before,after',
      '2025-03-01T09:30:00.000Z,admin@test.panorama,UPDATE,Target,2,RBN,"{""value"": ""200000""}","{""value"": ""250000""}"',
      '2025-03-02T23:59:59.500Z,bangkok@test.panorama,CREATE,Story,2,RBB,,"{""title"": ""=Andes""}"',
    ];
    expect(linesOf((await download('audit-log', '?from=2025-03-01&to=2025-03-02', 'leadership')).text)).toEqual(
      expected,
    );
    expect(linesOf((await download('audit-log', '?region=RBB&from=2025-03-02')).text)).toEqual([
      expected[0],
      expected[2],
    ]);
    expect(linesOf((await download('audit-log', '?from=2025-03-03&to=2025-12-31')).text)).toEqual([expected[0]]);
    expect(await download('audit-log', '', 'analyst')).toMatchObject({
      status: 403,
      error: 'Your role (ANALYST) may not export the audit log: admins and leadership may.',
    });
    expect(await download('audit-log', '', 'nairobi')).toMatchObject({ status: 403 });
  });

  it('users: admins only, without secrets', async () => {
    expect(linesOf((await download('users')).text)).toEqual([
      'email,name,role,region_code,active',
      'admin@test.panorama,Test admin,ADMIN,,true',
      'analyst@test.panorama,Test analyst,ANALYST,,true',
      'bangkok@test.panorama,Test bangkok,REGIONAL,RBB,true',
      'leadership@test.panorama,Test leadership,LEADERSHIP,,true',
      'nairobi@test.panorama,Test nairobi,REGIONAL,RBN,true',
    ]);
    expect(await download('users', '', 'leadership')).toMatchObject({
      status: 403,
      error: 'Your role (LEADERSHIP) may not export the users: admins may.',
    });
  });
});
