import { contributions } from '@panorama/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.close();
});

const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';

function file(...rows: string[]): string {
  return `${[HEADER, ...rows].join('\r\n')}\r\n`;
}

async function post(
  body: string | Uint8Array,
  as: TestUser | null,
  query = '',
  type = 'text/csv',
  kind = 'contributions',
) {
  const response = await fetch(`${api.url}/api/import/${kind}${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(as ? { authorization: `Bearer ${api.tokens[as]}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const nairobiRows = [
  'H-1,2024-01-01,100.00,CORPORATE,CASH,P-H1,Harbour Ltd,CORPORATION,RBN,KEN,INC_GROWTH,',
  'H-2,2024-12-31,0.50,CORPORATE,IN_KIND,P-H1,Harbour Ltd,CORPORATION,RBN,,INC_GROWTH,',
];

describe('POST /api/import/contributions', () => {
  it('imports a regional team’s file, and the same file again changes nothing', async () => {
    const first = await post(file(...nairobiRows), 'nairobi', '?name=harbour.csv');
    expect(first).toMatchObject({ status: 200, body: { status: 'DONE', counts: { inserted: 2, updated: 0 } } });
    const again = await post(file(...nairobiRows), 'nairobi');
    expect(again.body).toMatchObject({ status: 'DONE', counts: { inserted: 0, updated: 0, unchanged: 2 } });
  });

  it('refuses a whole file with a row of another region, saying which line, and writes nothing', async () => {
    const before = await api.database.db.$count(contributions);
    const refused = await post(
      file(
        'H-3,2024-02-29,5.00,CORPORATE,CASH,P-H1,Harbour Ltd,CORPORATION,RBN,KEN,INC_GROWTH,',
        'H-4,2024-03-01,5.00,CORPORATE,CASH,P-H1,Harbour Ltd,CORPORATION,RBB,BGD,INC_GROWTH,',
      ),
      'nairobi',
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      status: 'REFUSED',
      problems: [{ line: 3, column: 'region_code', value: 'RBB', reason: expect.stringMatching(/RBN only/) }],
    });
    expect(await api.database.db.$count(contributions)).toBe(before);
  });

  it('names the line of bytes that are not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\r\n`),
      Buffer.from('H-5,2024-01-01,1.00,CORPORATE,CASH,P-H5,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(',CORPORATION,RBN,KEN,INC_GROWTH,\r\n'),
    ]);
    const refused = await post(latin1, 'admin');
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body.problems)).toMatch(/"line":2.*not UTF-8/);
  });

  it('lets only signed-in admins and regional teams import, as CSV', async () => {
    expect((await post(file(), null)).status).toBe(401);
    for (const role of ['leadership', 'analyst'] as const)
      expect(await post(file(), role)).toMatchObject({
        status: 403,
        body: { error: expect.stringMatching(/may not import/) },
      });
    expect((await post('{}', 'admin', '', 'application/json')).status).toBe(415);
    const unknown = await fetch(`${api.url}/api/import/payroll`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${api.tokens.admin}` },
      body: file(),
    });
    expect(unknown.status).toBe(404);
  });

  it('checks a file without writing on a dry run, answering what the import would do', async () => {
    const before = await api.database.db.$count(contributions);
    const rows = ['H-6,2024-06-01,7.00,CORPORATE,CASH,P-H1,Harbour Ltd,CORPORATION,RBN,KEN,INC_GROWTH,'];
    const checked = await post(file(...nairobiRows, ...rows), 'nairobi', '?dryRun=true');
    expect(checked).toMatchObject({
      status: 200,
      body: { status: 'CHECKED', counts: { inserted: 1, updated: 0, unchanged: 2, rejected: 0 } },
    });
    expect(checked.body.importId).toBeUndefined();
    expect(await api.database.db.$count(contributions)).toBe(before);
    expect(await post(file(...rows), 'nairobi', '?dryRun=yes')).toMatchObject({
      status: 400,
      body: { error: 'dryRun must be true or false; got "yes".' },
    });
  });

  it('is reflected by the metrics API at once', async () => {
    const query = `query { metrics(metrics: [REVENUE_USD], from: "2031-01-01", to: "2031-12-31", filter: { regionCodes: ["RBN"] }) { total { values { metric valueText } } } }`;
    const revenue = async () => {
      const result = await api.graphql<{ metrics: { total: { values: { valueText: string }[] } } }>(
        query,
        {},
        { as: 'nairobi' },
      );
      expect(result.errors).toBeUndefined();
      return result.data?.metrics.total.values[0]?.valueText;
    };
    const before = await revenue();
    const done = await post(
      file(
        'H-7,2031-01-01,1000.10,FOUNDATION,CASH,P-H1,Harbour Ltd,CORPORATION,RBN,KEN,INC_GROWTH,',
        'H-8,2031-12-31,0.05,FOUNDATION,CASH,P-H1,Harbour Ltd,CORPORATION,RBN,,INC_GROWTH,',
      ),
      'nairobi',
    );
    expect(done.body).toMatchObject({ status: 'DONE', counts: { inserted: 2 } });
    expect(before).toBe('0');
    expect(await revenue()).toBe('1000.15');
  });
});

describe('POST /api/import/:kind for the other kinds', () => {
  it("imports a regional team's targets, impact records and partners, each held to its region", async () => {
    const targets = await post(
      'metric_code,scope,year,quarter,value\r\nREVENUE_USD,KEN,2026,2,5000\r\n',
      'nairobi',
      '',
      'text/csv',
      'targets',
    );
    expect(targets.body).toMatchObject({ status: 'DONE', counts: { inserted: 1 } });
    const impact = await post(
      'external_ref,date,metric_code,value,region_code,country_iso3,objective_code\r\nHI-1,2026-01-01,MEALS_PROVIDED,120,RBN,KEN,IMP_EMERGENCY\r\n',
      'nairobi',
      '',
      'text/csv',
      'impact',
    );
    expect(impact.body).toMatchObject({ status: 'DONE', counts: { inserted: 1 } });
    const partners = await post(
      'external_ref,name,partner_type,scope,region_code\r\nHP-1,Bangkok Foods,CORPORATION,LOCAL,RBB\r\n',
      'nairobi',
      '',
      'text/csv',
      'partners',
    );
    expect(partners).toMatchObject({
      status: 422,
      body: { status: 'REFUSED', problems: [{ line: 2, column: 'region_code', value: 'RBB' }] },
    });
  });
});
