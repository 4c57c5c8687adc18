import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQueryShape, maxNesting } from './query-limits';
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
    expect(await response.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/^The request body is over the limit of 1 MB/) }],
    });
  });

  it('refuses a thousand copies of one field, saying the breadth', async () => {
    const result = await api.graphql(`{ regions { ${'code '.repeat(1_000)}} }`);
    expect(result.errors?.[0]?.message).toBe(
      "This query's breadth is 1001, over the limit of 400: select fewer fields or aliases.",
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'breadth' });
  });

  it('refuses too many directives, schema introspections or tokens, and brackets nested too deep', async () => {
    const directives = await api.graphql(`{ regions ${'@skip(if: false) '.repeat(60)}{ code } }`);
    expect(directives.errors?.[0]?.message).toBe('This query uses 60 directives; at most 50 are allowed.');
    const schemas = await api.graphql('{ a: __schema { types { name } } b: __schema { types { name } } }');
    expect(schemas.errors?.[0]?.message).toBe('This query asks for `__schema` 2 times; ask for it once.');
    const long = await api.graphql(`{ regions { code } } ${'query Q { __typename } '.repeat(3_000)}`);
    expect(long.errors?.[0]?.message).toMatch(/^This query is too long: it has more than 10000 tokens/);
    const deep = await api.graphql(`{ regions ${'{ countries '.repeat(200)}${'}'.repeat(200)} }`);
    expect(deep.errors?.[0]?.message).toMatch(/^This query nests 201 levels of brackets; at most 100 are allowed/);
  });

  it('measures fragments as often as they are spread, without following cycles', () => {
    const doubling = Array.from(
      { length: 20 },
      (_, index) => `fragment F${index} on Region { code ${index < 19 ? `...F${index + 1} ...F${index + 1}` : ''} }`,
    ).join(' ');
    expect(checkQueryShape(`{ regions { ...F0 } } ${doubling}`)[0]?.extensions).toMatchObject({
      kind: 'breadth',
      measured: 2 ** 20,
    });
    expect(checkQueryShape('{ regions { ...A } } fragment A on Region { ...B } fragment B on Region { ...A }')).toEqual(
      [],
    );
  });

  it('counts brackets outside strings and comments only', () => {
    expect(maxNesting('{ a(b: "{{{{", c: """ [[[ """) { d } } # ((((')).toBe(2);
  });

  it('answers clear JSON errors for bodies it cannot read', async () => {
    const malformed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/^The request body is not valid JSON/) }],
    });
    const text = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ regions { code } }',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    const batch = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.admin}` },
      body: JSON.stringify([{ query: '{ regions { code } }' }, { query: '{ regions { code } }' }]),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /^Send one operation per request/,
    );
  });

  it('lets the explorer’s introspection query through', async () => {
    const result = await api.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(result.errors).toBeUndefined();
  });

  it('lets an ordinary query through', async () => {
    const result = await api.graphql('{ regions { code countries { iso3 } } }');
    expect(result.errors).toBeUndefined();
  });
});
