import type { TestServer, TestUser } from '../testing';
import { CACHE_HEADER } from './response-cache';

/**
 * What the tests of the response cache in a server share (`response-cache-*.test.ts`): the queries
 * they ask, and a client that asks them as a test user and reads the cache header of the answer.
 */

export const OVERVIEW = 'query Overview($year: Int!) { overview(year: $year) { asOf kpis { metric value target } } }';
export const PANORAMA = `query Panorama($region: String!) {
  panorama(regionCode: $region, year: 2025) { rank topPartners { partner { name } values { value } } }
}`;

export interface Answer {
  status: number;
  cache: string | null;
  cacheControl: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export function client(api: TestServer, tokens: Partial<Record<string, string>> = {}) {
  return async (
    query: string,
    variables: Record<string, unknown> = {},
    as: TestUser | string | null = 'admin',
  ): Promise<Answer> => {
    const token = as ? (tokens[as] ?? api.tokens[as as TestUser]) : undefined;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      cache: response.headers.get(CACHE_HEADER),
      cacheControl: response.headers.get('cache-control'),
      body: (await response.json()) as Answer['body'],
    };
  };
}
