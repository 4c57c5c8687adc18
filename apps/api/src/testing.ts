import { createTestDatabase, type TestDatabase } from '@panorama/db/testing';
import { createPanoramaServer, type PanoramaServer } from './server';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  database: TestDatabase;
  server: PanoramaServer;
  /** Posts a GraphQL document to the running server. */
  graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** A real Panorama HTTP server on a random port, over a fresh test database. */
export async function startTestServer(options: { webDist?: string } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const server = await createPanoramaServer({ database, production: true, webDist: options.webDist ?? '/nonexistent' });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    database,
    server,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async close() {
      await server.stop();
      await database.close();
    },
  };
}
