import { gql } from 'urql';
import { describe, expect, it } from 'vitest';
import { createGraphqlClient, isForbidden, isUnauthenticated } from './urql';

const PingQuery = gql<{ regions: { code: string }[] }>`
  query UrqlTest_Ping {
    regions {
      code
    }
  }
`;

describe('createGraphqlClient', () => {
  it('sends queries as a JSON POST to /graphql, which the CSRF guard accepts', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const client = createGraphqlClient({
      fetch: async (input, init) => {
        requests.push({ url: String(input), init });
        return new Response(JSON.stringify({ data: { regions: [{ code: 'RBB' }] } }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });

    const result = await client.query(PingQuery, {}).toPromise();

    expect(result.data?.regions).toEqual([{ code: 'RBB' }]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/graphql');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(requests[0]?.init?.body))).toMatchObject({ operationName: 'UrqlTest_Ping' });
  });
});

describe('the end of a session', () => {
  const answering = (body: unknown, status = 200) =>
    createGraphqlClient({
      fetch: async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
      onUnauthenticated: () => calls.push('unauthenticated'),
    });
  let calls: string[] = [];

  it('is reported when an answer says UNAUTHENTICATED, and not for a role that may not', async () => {
    calls = [];
    const error = (code: string) => ({
      data: null,
      errors: [{ message: 'refused', path: ['regions'], extensions: { code } }],
    });
    const forbidden = await answering(error('FORBIDDEN')).query(PingQuery, {}).toPromise();
    expect(isForbidden(forbidden.error)).toBe(true);
    expect(calls).toEqual([]);

    const unauthenticated = await answering(error('UNAUTHENTICATED')).query(PingQuery, {}).toPromise();
    expect(isUnauthenticated(unauthenticated.error)).toBe(true);
    expect(calls).toEqual(['unauthenticated']);
  });

  it('is reported for an HTTP 401', async () => {
    calls = [];
    const result = await answering({ errors: [{ message: 'This API token is unknown' }] }, 401)
      .query(PingQuery, {})
      .toPromise();
    expect(result.error).toBeDefined();
    expect(calls).toEqual(['unauthenticated']);
  });
});
