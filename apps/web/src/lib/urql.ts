import { Client, type CombinedError, cacheExchange, fetchExchange, mapExchange } from 'urql';

export interface GraphqlClientOptions {
  /** Where the API answers; the dev server proxies `/graphql` to it, production serves both. */
  url?: string;
  /** Replaces the global `fetch` (tests). */
  fetch?: typeof fetch;
  /**
   * Called when an answer says the request needs a sign-in (`UNAUTHENTICATED`, or HTTP 401): the
   * session has ended (expired, or signed out in another tab). The session provider signs out.
   */
  onUnauthenticated?: () => void;
}

/** True when an error says the request was refused for want of a sign-in. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  if (!error) return false;
  return (
    error.graphQLErrors.some((graphqlError) => graphqlError.extensions?.code === 'UNAUTHENTICATED') ||
    (error.response as Response | undefined)?.status === 401
  );
}

/** True when an error says the signed-in user's role may not do what was asked. */
export function isForbidden(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((graphqlError) => graphqlError.extensions?.code === 'FORBIDDEN');
}

/**
 * Builds a GraphQL client for the Panorama API. Each client has its own cache: the session
 * provider (`lib/session.tsx`) builds a new one at every sign-in and sign-out, so that nothing
 * the previous user read stays.
 *
 * Queries are sent as POST (`preferGetMethod: false`): the API's CSRF guard rejects
 * GET requests without a preflight-forcing header, so urql's default GET would fail.
 */
export function createGraphqlClient({ url = '/graphql', fetch, onUnauthenticated }: GraphqlClientOptions = {}): Client {
  return new Client({
    url,
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated?.();
        },
      }),
      fetchExchange,
    ],
    ...(fetch ? { fetch } : {}),
  });
}
