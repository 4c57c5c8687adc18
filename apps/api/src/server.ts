import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { DatabaseHandle } from '@panorama/db';
import express from 'express';
import { GraphQLError } from 'graphql';
import { authenticate, InvalidCredentialsError } from './auth/authenticate';
import { type AuthSettings, type Context, createContext } from './context';
import { formatGraphQLError } from './errors';
import { exportRoutes } from './export/routes';
import { importRoutes } from './import/routes';
import { maxAliasesRule } from './query-limits';
import { schema } from './schema';

/** The built dashboard, served by the same process. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServerOptions {
  database: DatabaseHandle;
  production?: boolean;
  /** Folder of the built dashboard; the default is apps/web/dist. */
  webDist?: string;
  /** How long `/readyz` waits for the database before it says not ready. */
  readinessTimeoutMs?: number;
  log?: (message: string) => void;
  /** Sign-in settings; the defaults suit a production server behind HTTPS. */
  auth?: Partial<AuthSettings>;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionTtlHours: 12,
  secureCookie: false,
  maxFailures: 5,
  lockSeconds: 900,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

export interface PanoramaServer {
  httpServer: Server;
  /** Starts listening; resolves with the port actually bound. */
  listen(port: number, host?: string): Promise<number>;
  /** Refuses new connections, lets in-flight requests finish, then stops. Leaves the database open. */
  stop(): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One HTTP server: `/graphql`, the dashboard, `/healthz` and `/readyz`. */
export async function createPanoramaServer(options: ServerOptions): Promise<PanoramaServer> {
  const { database } = options;
  const auth: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, ...options.auth };
  const log = options.log ?? ((message: string) => console.error(`[panorama] ${message}`));
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM: it stops the HTTP server, then closes the database.
    stopOnTerminationSignals: false,
    validationRules: [maxAliasesRule()],
    formatError: (formatted, error) => formatGraphQLError(formatted, error, log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are not used, and the field instrumentation behind them would await every
      // resolver's result a second time: a drizzle query awaited twice runs twice.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginDisableSuggestions()] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  app.get('/readyz', async (_request, response) => {
    try {
      await withTimeout(database.ping(), options.readinessTimeoutMs ?? 2_000, 'the database did not answer in time');
      response.json({ status: 'ready', database: database.kind });
    } catch (error) {
      response.status(503).json({
        status: 'not ready',
        database: database.kind,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const cookieHeader = req.headers.cookie;
        try {
          const viewer = await authenticate(database.db, {
            cookie: cookieHeader,
            authorization: req.headers.authorization,
          });
          return createContext(database.db, viewer, auth, {
            cookieHeader,
            setCookie: (value) => res.append('Set-Cookie', value),
          });
        } catch (error) {
          if (!(error instanceof InvalidCredentialsError)) throw error;
          throw new GraphQLError(error.message, {
            extensions: {
              code: 'UNAUTHENTICATED',
              http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
            },
          });
        }
      },
    }),
  );

  app.use('/api/export', exportRoutes(database, log));
  app.use('/api/import', importRoutes(database, log));

  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // Client-side routes of the dashboard: any other GET that wants a page gets index.html.
    app.get(/^\/(?!graphql|healthz|readyz|api\/).*/, (request, response, next) => {
      if (!request.accepts('html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(join(webDist, 'index.html'));
    });
  } else {
    app.get('/', (_request, response) => {
      response
        .type('text')
        .send('Panorama API is running. The dashboard is not built: run `pnpm start` from the repository root.');
    });
  }

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    stop: () => apollo.stop(),
  };
}
