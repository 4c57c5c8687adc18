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

/** What a GraphQL list field answers for a user: how many rows, or the error's code. */
const GRAPHQL_LISTS: Record<string, string> = {
  contributions: 'contributions { totalCount }',
  impact: 'impactRecords { totalCount }',
  targets: 'targets { totalCount }',
  partners: 'partners { totalCount }',
  partnerships: 'partnerships { totalCount }',
  opportunities: 'opportunities { totalCount }',
  stories: 'stories { totalCount }',
  'field-needs': 'fieldNeeds { totalCount }',
  regions: 'regions { code }',
  countries: 'countries { iso3 }',
  objectives: 'objectives { code }',
  'audit-log': 'auditLog { totalCount }',
  users: 'users { email }',
};

async function graphqlAnswer(field: string, as: TestUser): Promise<number | string> {
  const result = await api.graphql<Record<string, { totalCount: number } | unknown[]>>(`{ ${field} }`, {}, { as });
  if (result.errors?.length) return String(result.errors[0]?.extensions?.code);
  const value = Object.values(result.data ?? {})[0];
  return Array.isArray(value) ? value.length : (value as { totalCount: number }).totalCount;
}

describe('every export, against its GraphQL list', () => {
  it('gives each user the rows GraphQL gives, and refuses whom GraphQL refuses', async () => {
    const users: TestUser[] = ['admin', 'leadership', 'analyst', 'nairobi', 'bangkok'];
    for (const [list, field] of Object.entries(GRAPHQL_LISTS))
      for (const user of users) {
        const answer = await graphqlAnswer(field, user);
        const exported = await download(list, '', user);
        const seen = exported.status === 200 ? linesOf(exported.text).length - 1 : `${exported.status}`;
        expect({ list, user, rows: seen }).toEqual({
          list,
          user,
          rows: typeof answer === 'number' ? answer : answer === 'FORBIDDEN' ? '403' : answer,
        });
      }
  });

  it('refuses anonymous requests', async () => {
    for (const list of Object.keys(GRAPHQL_LISTS))
      expect(await download(list, '', null)).toMatchObject({
        status: 401,
        error: 'Sign in first: exports need a signed-in user or an API token.',
      });
  });

  it('names each download panorama-<list>-<day>.csv, as UTF-8 CSV', async () => {
    const day = new Date().toISOString().slice(0, 10);
    expect(await download('field-needs')).toMatchObject({
      status: 200,
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="panorama-field-needs-${day}.csv"`,
    });
  });

  it('says which parameters a list takes', async () => {
    expect(await download('regions', '?region=RBN')).toMatchObject({
      status: 400,
      error: 'The regions export takes no parameter "region": it takes none.',
    });
    expect(await download('targets', '?from=2025-01-01')).toMatchObject({
      status: 400,
      error: 'The targets export takes no parameter "from": it takes region or year.',
    });
    expect(await download('targets', '?year=25')).toMatchObject({
      status: 400,
      error: 'year must be a year written with four digits, such as 2025.',
    });
  });
});
