import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
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
import { authenticate, authenticateAtDataVersion, InvalidCredentialsError } from './auth/authenticate';
import { createResponseCache, type ResponseCacheSettings, responseCachePlugin } from './cache/response-cache';
import { sentAnswerSlot, sentAnswers } from './cache/sent-answers';
import { compressResponses, DASHBOARD_STATIC_OPTIONS, noStore } from './cache/serving';
import { type AuthSettings, type Context, createContext } from './context';
import { formatGraphQLError, isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailableError } from './errors';
import { exportRoutes } from './export/routes';
import { errorBody, httpErrorHandler, MAX_BODY_BYTES, requireJsonBody } from './http-refusals';
import { importRoutes } from './import/routes';
import { LargeAnswerGate, turnOf } from './large-answers';
import { createLogger, currentLogger, keepRequestLogger, type Logger, requestLogging, textLogger } from './logging';
import { QUERY_SHAPE_LIMITS, queryShapeLimits } from './query-limits';
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
  /** How long in-flight requests may run once `stop()` is called; then their connections are closed. */
  shutdownGraceMs?: number;
  /** Where the server logs, one JSON object per line; default: warnings and errors, to standard output. */
  logger?: Logger;
  /** Instead of `logger`: receives each log line's message as plain text (benchmarks silence it). */
  log?: (message: string) => void;
  /** Sign-in settings; the defaults suit a production server behind HTTPS. */
  auth?: Partial<AuthSettings>;
  /** The response cache; default: on, in-process. */
  responseCache?: ResponseCacheSettings;
  /** How many large `metrics` answers are built and sent at once; default: `DEFAULT_LARGE_ANSWERS`. */
  largeAnswers?: LargeAnswerGate;
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
  /**
   * Refuses new connections (and new requests on open ones, with 503), lets in-flight requests
   * finish within the grace period, then stops. Leaves the database open.
   */
  stop(): Promise<void>;
}

/** Answers 503, with `Retry-After`, when a request failed only because the database is unavailable. */
const unavailableStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data == null && errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        }
      },
    };
  },
};

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
  const logger = options.logger ?? (options.log ? textLogger(options.log) : createLogger({ level: 'warn' }));
  // The logger of the request being served: its lines carry the request id.
  const log = () => currentLogger(logger);
  const largeAnswers = options.largeAnswers ?? new LargeAnswerGate();
  const responseCache = createResponseCache(options.responseCache ?? {}, logger);
  const app = express();
  app.disable('x-powered-by');
  // Answers are never kept by browsers (Cache-Control: no-store): an ETag would be hashed for nothing.
  app.set('etag', false);
  const httpServer = createServer(app);
  let stopping = false;

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM: it stops the HTTP server, then closes the database.
    stopOnTerminationSignals: false,
    logger: {
      debug: (message) => log().debug(message),
      info: (message) => log().info(message),
      warn: (message) => log().warn(message),
      error: (message) => log().error(message),
    },
    // queryShapeLimits() refuses abusive documents first; these bound the work if one gets past.
    parseOptions: { maxTokens: QUERY_SHAPE_LIMITS.tokens },
    validationOptions: { maxErrors: 10 },
    formatError: (formatted, error) => formatGraphQLError(formatted, error, log()),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      unavailableStatusPlugin,
      responseCachePlugin(responseCache),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are not used, and the field instrumentation behind them would await every
      // resolver's result a second time: a drizzle query awaited twice runs twice.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginDisableSuggestions()] : []),
    ],
  });
  await apollo.start();

  app.use(requestLogging(logger));

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  // Readiness changes are logged once each, not at every probe.
  let wasReady: boolean | undefined;
  const noteReadiness = (ready: boolean, reason?: string) => {
    if (ready === wasReady) return;
    wasReady = ready;
    if (ready) logger.info('ready: the database answers');
    else logger.warn(`not ready: ${reason}`);
  };
  app.get('/readyz', async (_request, response) => {
    if (stopping) {
      response
        .status(503)
        .json({ status: 'not ready', database: database.kind, reason: 'the server is shutting down' });
      return;
    }
    try {
      await withTimeout(database.ping(), options.readinessTimeoutMs ?? 2_000, 'the database did not answer in time');
      noteReadiness(true);
      response.json({ status: 'ready', database: database.kind });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      noteReadiness(false, reason);
      response.status(503).json({ status: 'not ready', database: database.kind, reason });
    }
  });

  // Once stopping, requests that still arrive on open connections are refused, and the connection closed.
  app.use((_request, response, next) => {
    if (!stopping) return next();
    response.setHeader('Connection', 'close');
    response
      .status(503)
      .json(
        errorBody(
          'The server is shutting down: send the request again (to another copy, or to this one once it is back).',
          'SHUTTING_DOWN',
        ),
      );
  });

  const credentialsOf = (request: express.Request) => ({
    cookie: request.headers.cookie,
    authorization: request.headers.authorization,
  });

  app.use(
    '/graphql',
    noStore,
    requireJsonBody,
    express.json({ limit: MAX_BODY_BYTES }),
    // The body parser's callbacks run outside the request's logging context: enter it again.
    keepRequestLogger,
    // A request answered before, word for word, at this data version: its response as it was sent.
    ...(responseCache
      ? [
          sentAnswers({
            cache: responseCache,
            identify: (request) => authenticateAtDataVersion(database.db, credentialsOf(request)),
          }),
        ]
      : []),
    compressResponses(),
    queryShapeLimits(),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const slot = sentAnswerSlot(res);
        try {
          const viewer = slot ? slot.viewer : await authenticate(database.db, credentialsOf(req));
          return createContext(database.db, viewer, auth, {
            cookieHeader: req.headers.cookie,
            setCookie: (value) => res.append('Set-Cookie', value),
            largeAnswers: turnOf(largeAnswers, res),
            onCached: slot?.onCached,
          });
        } catch (error) {
          if (isDatabaseUnavailable(error)) {
            log().warn(`database unavailable while authenticating: ${error instanceof Error ? error.message : error}`);
            throw unavailableError();
          }
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

  app.use(compressResponses());
  // The routers log plain messages; they go to the request's logger.
  const routeLog = (message: string) => log().error(message);
  app.use('/api/export', exportRoutes(database, largeAnswers, routeLog));
  app.use('/api/import', importRoutes(database, routeLog));

  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, DASHBOARD_STATIC_OPTIONS));
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
  app.use(httpErrorHandler(logger));

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
    stop: async () => {
      stopping = true;
      await apollo.stop();
    },
  };
}
