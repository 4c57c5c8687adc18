import { Readable } from 'node:stream';
import type { Database } from '@panorama/db';
import { importCsv } from '@panorama/import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertContributions, insertPartner } from '../schema/test-seed';
import { startTestServer, type TestServer, type TestUser } from '../testing';

let api: TestServer;

/** Two partners in two regions; one name that a spreadsheet would run as a formula. */
async function seed(db: Database) {
  const acme = await insertPartner(db, {
    externalRef: 'P-ACME',
    name: 'Acme, "Foods"',
    regionCode: 'RBN',
    countryIso3: 'KEN',
  });
  const formula = await insertPartner(db, {
    externalRef: 'P-EVIL',
    name: '=HYPERLINK("x")',
    regionCode: 'RBB',
    countryIso3: 'BGD',
  });
  await insertContributions(db, acme.id, [
    { externalRef: 'C-1', date: '2024-01-01', amountUsd: '1000.50', regionCode: 'RBN', countryIso3: 'KEN' },
    { externalRef: 'C-2', date: '2024-12-31', amountUsd: '0.01', regionCode: 'RBN', countryIso3: null },
  ]);
  await insertContributions(db, formula.id, [
    { externalRef: 'C-3', date: '2025-06-30', amountUsd: '25', regionCode: 'RBB', countryIso3: 'BGD' },
  ]);
}

beforeAll(async () => {
  api = await startTestServer({ seed });
});
afterAll(async () => {
  await api?.close();
});

async function download(
  query: string,
  as: TestUser | null = 'admin',
  headers: Record<string, string> = {},
  list = 'contributions',
) {
  const response = await fetch(`${api.url}/api/export/${list}${query}`, {
    headers: { ...(as ? { authorization: `Bearer ${api.tokens[as]}` } : {}), ...headers },
  });
  const text = await response.text();
  const type = response.headers.get('content-type');
  return {
    status: response.status,
    type,
    disposition: response.headers.get('content-disposition'),
    text,
    error: type?.startsWith('application/json') ? (JSON.parse(text) as { error: string }).error : undefined,
  };
}

const refsOf = (csv: string) =>
  csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[0]);

describe('GET /api/export/partners', () => {
  it('answers the partners in their import format, a regional user its region’s', async () => {
    const all = await download('', 'admin', {}, 'partners');
    expect(all.text.split('\r\n')[0]).toBe('external_ref,name,partner_type,scope,region_code,country_iso3,sector');
    expect(refsOf(all.text)).toEqual(['P-ACME', 'P-EVIL']);
    expect(refsOf((await download('', 'nairobi', {}, 'partners')).text)).toEqual(['P-ACME']);
    expect((await download('?region=RBB', 'nairobi', {}, 'partners')).status).toBe(403);
  });

  it('names the lists there are when asked for another', async () => {
    expect(await download('', 'admin', {}, 'secrets')).toMatchObject({
      status: 404,
      error:
        'There is no export called "secrets": try metrics, contributions, impact, targets, partners, partnerships, opportunities, stories, field-needs, regions, countries, objectives, audit-log, users.',
    });
  });
});

describe('GET /api/export/contributions', () => {
  it('answers CSV in the import format, values not formatted text', async () => {
    const { status, type, disposition, text } = await download('');
    expect(status).toBe(200);
    expect(type).toBe('text/csv; charset=utf-8');
    expect(disposition).toBe(
      `attachment; filename="panorama-contributions-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref',
    );
    expect(lines[1]).toMatch(/^C-1,2024-01-01,1000\.50,\w+,\w+,P-ACME,"Acme, ""Foods""",\w+,RBN,KEN,\w+,$/);
    expect(lines[2]).toMatch(/^C-2,2024-12-31,0\.01,.*,RBN,,\w+,$/);
  });

  it('escapes a cell that a spreadsheet would run as a formula', async () => {
    const { text } = await download('?region=RBB');
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('keeps the days asked for, 1 January and 31 December included', async () => {
    expect(refsOf((await download('?from=2024-01-01&to=2024-12-31')).text)).toEqual(['C-1', 'C-2']);
    expect(refsOf((await download('?from=2025-01-01')).text)).toEqual(['C-3']);
    expect(refsOf((await download('?from=2030-01-01')).text)).toEqual([]);
  });

  it('holds a regional user to its own region', async () => {
    expect(refsOf((await download('', 'nairobi')).text)).toEqual(['C-1', 'C-2']);
    expect(refsOf((await download('?region=rbn', 'nairobi')).text)).toEqual(['C-1', 'C-2']);
    const refused = await download('?region=RBB', 'nairobi');
    expect(refused).toMatchObject({
      status: 403,
      error: 'A REGIONAL user of RBN exports the contributions of RBN only.',
    });
    expect(refsOf((await download('', 'leadership')).text)).toEqual(['C-1', 'C-2', 'C-3']);
  });

  it('refuses anonymous requests, bad tokens and bad days with a clear message', async () => {
    expect(await download('', null)).toMatchObject({
      status: 401,
      error: 'Sign in first: exports need a signed-in user or an API token.',
    });
    expect(await download('', null, { authorization: 'Bearer pan_t_nope' })).toMatchObject({
      status: 401,
      error: 'This API token is unknown, expired or revoked.',
    });
    for (const day of ['2025-02-29', '2024-13-01', '31/12/2024'])
      expect(await download(`?to=${day}`)).toMatchObject({
        status: 400,
        error: 'to must be a day written YYYY-MM-DD, such as 2025-12-31.',
      });
    expect((await download('?from=2024-02-29')).status).toBe(200);
    expect(await download('?regoin=RBN')).toMatchObject({
      status: 400,
      error: 'The contributions export takes no parameter "regoin": it takes region, from or to.',
    });
    expect(await download('?from=2025-01-01&to=2024-12-31')).toMatchObject({
      status: 400,
      error: 'from (2025-01-01) is after to (2024-12-31): the range is closed, [from, to].',
    });
    expect(await download('?region=RBN&region=RBB')).toMatchObject({ status: 400, error: 'Give region once.' });
  });
});

describe('an export, imported again', () => {
  it('changes nothing', async () => {
    const { text } = await download('?region=RBN');
    const result = await importCsv(api.database, {
      kind: 'contributions',
      source: Readable.from([Buffer.from(text)]),
      fileName: 'contributions_RBN.csv',
      actor: { userId: api.userIds.admin, email: 'admin@test.panorama', role: 'ADMIN', regionCode: null },
    });
    expect(result).toMatchObject({
      status: 'DONE',
      counts: { inserted: 0, updated: 0, unchanged: 2, rejected: 0 },
      partnersCreated: 0,
      problemCount: 0,
    });
  });
});
