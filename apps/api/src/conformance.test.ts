import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.close();
});

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit of graphql-http', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const mustFailures = results
      .filter((result) => result.name.startsWith('MUST') && result.status !== 'ok')
      .map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(results.length).toBeGreaterThan(20);
    expect(mustFailures).toEqual([]);
  });
});
