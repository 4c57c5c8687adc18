import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadHandData } from '@panorama/metrics/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing';

const QUERIES_FILE = fileURLToPath(new URL('../../../docs/queries.md', import.meta.url));
const queries = [...readFileSync(QUERIES_FILE, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map(
  (match) => match[1] ?? '',
);

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ seed: loadHandData });
});
afterAll(async () => {
  await api?.close();
});

describe('docs/queries.md', () => {
  it('holds at least ten worked examples', () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
  });

  it.each(queries.map((query) => [/query (\w+)/.exec(query)?.[1] ?? 'anonymous', query]))(
    '%s runs without errors and answers something',
    async (_name, query) => {
      const result = await api.graphql(query);
      expect(result.errors).toBeUndefined();
      const answer = Object.values(result.data ?? {})[0];
      expect(answer).toBeTruthy();
      expect(JSON.stringify(answer)).toMatch(/\d/);
    },
  );
});
