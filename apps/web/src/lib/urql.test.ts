import { gql } from 'urql';
import { describe, expect, it } from 'vitest';
import { createGraphqlClient } from './urql';

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
