import { fileURLToPath } from 'node:url';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type DatabaseHandle, explainConnectionError } from './client';
import { installReferenceData } from './reference/install';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Brings the schema up to date and installs the reference data (bureaux, countries,
 * objectives). Safe to run at every start: a second run changes nothing.
 */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === 'postgres') {
    const url = handle.pool.options.connectionString ?? '';
    try {
      // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type.
      await migratePostgres(handle.db as any, config);
    } catch (error) {
      throw explainConnectionError(error, url);
    }
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type.
    await migratePglite(handle.db as any, config);
  }
  await installReferenceData(handle.db);
}
