import { sql } from 'drizzle-orm';
import { type Database, selectRows } from './client';

/** The data version as an SQL expression, for a statement that reads it beside something else. */
export const DATA_VERSION = sql`(SELECT last_value::text || ':' || is_called::text FROM panorama_data_version)`;

/**
 * The data version: it moves with every statement that writes the data the analytics read
 * (a statement trigger on each such table), and once more when a write transaction of the
 * server has committed ({@link bumpDataVersion}). An answer computed at one version stays true
 * for as long as the version has not moved.
 */
export async function dataVersion(db: Database): Promise<string> {
  const [row] = await selectRows<{ version: string }>(db, sql`SELECT ${DATA_VERSION} AS version`);
  if (!row) throw new Error('The data version cannot be read: is the database migrated?');
  return row.version;
}

/** Moves the data version: after a write transaction commits, so that no answer read before the commit is kept. */
export async function bumpDataVersion(db: Database): Promise<void> {
  await selectRows(db, sql`SELECT nextval('panorama_data_version')`);
}
