import { Client, cacheExchange, fetchExchange } from 'urql';

export interface GraphqlClientOptions {
  /** Where the API answers; the dev server proxies `/graphql` to it, production serves both. */
  url?: string;
  /** Replaces the global `fetch` (tests). */
  fetch?: typeof fetch;
}

/**
 * Builds a GraphQL client for the Panorama API.
 *
 * Queries are sent as POST (`preferGetMethod: false`): the API's CSRF guard rejects
 * GET requests without a preflight-forcing header, so urql's default GET would fail.
 */
export function createGraphqlClient({ url = '/graphql', fetch }: GraphqlClientOptions = {}): Client {
  return new Client({
    url,
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    ...(fetch ? { fetch } : {}),
  });
}

/** The one GraphQL client of the dashboard. */
export const graphqlClient = createGraphqlClient();
