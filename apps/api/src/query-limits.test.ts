import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.close();
});

describe('query limits', () => {
  it('refuses too many aliases before running anything', async () => {
    const fields = Array.from({ length: 150 }, (_, index) => `a${index}: regions { code }`).join(' ');
    const result = await api.graphql(`{ ${fields} }`);
    expect(result.errors?.[0]?.message).toBe('This query uses more than 100 aliases; at most 100 are allowed.');
    expect(result.data).toBeUndefined();
  });

  it('refuses a query nested too deep, saying the limit', async () => {
    let selection = 'code';
    for (let level = 0; level < 8; level++) selection = `countries { region { ${selection} } }`;
    const result = await api.graphql(`{ regions { ${selection} } }`);
    expect(result.errors?.[0]?.message).toMatch(/depth is \d+, over the limit of 12: nest fewer levels/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'depth' });
  });

  it('refuses a query that asks for too much', async () => {
    const result = await api.graphql(
      '{ partners(first: 500) { nodes { region { countries { region { countries { iso3 } } } } } } }',
    );
    expect(result.errors?.[0]?.message).toMatch(/complexity is \d+, over the limit of 50000/);
  });

  it('refuses a body over 1 MB', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ regions { code } } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('lets an ordinary query through', async () => {
    const result = await api.graphql('{ regions { code countries { iso3 } } }');
    expect(result.errors).toBeUndefined();
  });
});
