import { openDatabase } from '../client';
import { migrate } from '../migrate';

/** `pnpm db:migrate`: brings the configured database up to date. */
const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.PANORAMA_DATA_DIR || '.data';
const handle = await openDatabase({ url, dataDir });
try {
  await migrate(handle);
  console.log(`Migrated ${url ? 'the PostgreSQL database' : `the embedded database in ${dataDir}`}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
