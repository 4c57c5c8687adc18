import { describe, expect, it } from 'vitest';
import { createGraphqlFetcher } from './graphql-fetcher';

describe('createGraphqlFetcher', () => {
  it('POSTs JSON to /graphql with the same-origin credentials and the editor headers', async () => {
    const calls: [string, RequestInit][] = [];
    const fetcher = createGraphqlFetcher({
      fetch: async (input, init) => {
        calls.push([String(input), init ?? {}]);
        return new Response('{"data":{"regions":[]}}', { headers: { 'content-type': 'application/json' } });
      },
    });
    const result = await fetcher(
      { query: '{ regions { code } }', variables: { year: 2024 }, operationName: null },
      { headers: { authorization: 'Bearer t' } },
    );
    expect(result).toEqual({ data: { regions: [] } });
    const [url, init] = calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t' });
    expect(JSON.parse(String(init?.body))).toEqual({
      query: '{ regions { code } }',
      variables: { year: 2024 },
      operationName: null,
    });
  });

  it('turns an answer that is not JSON into a GraphQL error', async () => {
    const fetcher = createGraphqlFetcher({
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const result = (await fetcher({ query: '{ regions { code } }' })) as { errors: { message: string }[] };
    expect(result.errors[0]?.message).toBe('The server answered 502 Bad Gateway without a GraphQL result.');
  });
});
