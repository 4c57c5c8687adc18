import { migrate, openDatabase } from '@panorama/db';
import { seedDemoData } from '@panorama/demo';
import { readEnv } from './env';
import { createPanoramaServer } from './server';

/** Starts Panorama: database, migrations, demo data on a new embedded database, HTTP server. */
async function main() {
  const env = readEnv();
  const log = (message: string) => console.log(`[panorama] ${message}`);
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.PANORAMA_DATA_DIR,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    poolMax: env.DATABASE_POOL_MAX,
    onPoolError: (error) => log(`database connection error (the pool will reconnect): ${error.message}`),
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
  }

  const server = await createPanoramaServer({ database, production: env.NODE_ENV === 'production', log });
  const port = await server.listen(env.PORT, env.HOST);
  log(`ready on http://localhost:${port} (GraphQL at http://localhost:${port}/graphql)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing in-flight requests…`);
    const deadline = setTimeout(() => {
      log('grace period over: exiting');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS);
    deadline.unref();
    await server.stop();
    log('HTTP server stopped; closing the database…');
    await database.close();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`[panorama] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
