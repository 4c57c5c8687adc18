/** The GraphQL request GraphiQL sends: the operation editor's document, variables and operation name. */
export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlFetchOptions {
  /** The request headers editor's contents (an API token, say). */
  headers?: Record<string, unknown>;
}

export interface GraphqlFetcherOptions {
  /** Where the API answers; the dashboard is served beside it. */
  url?: string;
  /** Replaces the global `fetch` (tests). */
  fetch?: typeof fetch;
}

/**
 * A GraphiQL fetcher for the Panorama API: POST JSON to `/graphql` on the same origin, with the
 * session's cookies. An answer that is not GraphQL JSON (a proxy's error page) comes back as a
 * GraphQL error that says what happened, so the response pane never stays blank.
 */
export function createGraphqlFetcher({ url = '/graphql', fetch: fetchImpl }: GraphqlFetcherOptions = {}) {
  return async function fetchGraphql(request: GraphqlRequest, options?: GraphqlFetchOptions): Promise<unknown> {
    const extraHeaders = Object.fromEntries(
      Object.entries(options?.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    const response = await (fetchImpl ?? fetch)(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...extraHeaders,
      },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return {
        errors: [
          {
            message: `The server answered ${response.status} ${response.statusText} without a GraphQL result.`,
            extensions: { status: response.status, body: text.slice(0, 500) },
          },
        ],
      };
    }
  };
}
