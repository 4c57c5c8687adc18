import { migrate, openDatabase, users } from '@panorama/db';
import { seedDemoData } from '@panorama/demo';
import { createDemoUsers, type DemoAccount } from './auth/users';
import { responseCacheSettings } from './cache/response-cache';
import { readEnv } from './env';
import { createLogger } from './logging';
import { createPanoramaServer } from './server';

/** Starts Panorama: database, migrations, demo data on a new embedded database, HTTP server. */
async function main() {
  const env = readEnv();
  const logger = createLogger({ level: env.LOG_LEVEL });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting');
    process.exit(1);
  });
  const log = (message: string) => logger.info(message);
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.PANORAMA_DATA_DIR,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    poolMax: env.DATABASE_POOL_MAX,
    connectionTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'database connection error (the pool will reconnect): %s', error.message),
  });
  log(
    database.kind === 'postgres'
      ? 'using PostgreSQL (DATABASE_URL)'
      : `using the embedded database in ${env.PANORAMA_DATA_DIR}`,
  );
  await migrate(database);
  if (database.kind === 'pglite' && database.created && env.PANORAMA_DEMO_DATA === 'auto') {
    log('new embedded database: loading demo data…');
    const summary = await seedDemoData(database, { log });
    log(`demo data loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    printDemoAccounts(await createDemoUsers(database.db));
  } else if ((await database.db.$count(users)) === 0) {
    log('no user exists yet: create the first admin with `pnpm users:create --email … --role ADMIN`');
  }
  // From here on the server works as a role that owns no table, held by row-level security.
  await database.useAppRole();

  const server = await createPanoramaServer({
    database,
    production: env.NODE_ENV === 'production',
    logger,
    readinessTimeoutMs: env.READINESS_TIMEOUT_MS,
    // The HTTP server closes lingering connections a little before the process must exit.
    shutdownGraceMs: Math.max(env.SHUTDOWN_GRACE_MS - 1_000, env.SHUTDOWN_GRACE_MS / 2),
    auth: { sessionTtlHours: env.SESSION_TTL_HOURS, secureCookie: env.COOKIE_SECURE },
    responseCache: responseCacheSettings(env),
  });
  const port = await server.listen(env.PORT, env.HOST);
  logger.info({ port }, `ready on http://localhost:${port} (GraphQL at http://localhost:${port}/graphql)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info({ signal }, `${signal} received: finishing in-flight requests…`);
    const deadline = setTimeout(() => {
      logger.error(`grace period of ${env.SHUTDOWN_GRACE_MS} ms over: exiting`);
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS);
    deadline.unref();
    await server.stop();
    log('HTTP server stopped; closing the database…');
    await database.close();
    logger.info({ elapsedMs: Date.now() - started }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * The demo accounts' credentials, printed once for the person starting Panorama (they are stored
 * only as hashes). They go to standard error, as text: they are not log lines.
 */
function printDemoAccounts(accounts: DemoAccount[]) {
  const lines = accounts.map(
    (account) =>
      `  ${account.role.padEnd(10)} ${account.email.padEnd(26)} ${account.password}${account.regionCode ? `  (region ${account.regionCode})` : ''}`,
  );
  process.stderr.write(
    `${['[panorama] demo accounts (shown once; sign in at the dashboard):', ...lines.map((line) => `[panorama] ${line}`)].join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  // Before the logger exists (a bad configuration) or after: one JSON line either way.
  createLogger().fatal({ err: error }, `could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
