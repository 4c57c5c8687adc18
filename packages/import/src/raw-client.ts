import type { DatabaseHandle, Transaction } from '@panorama/db';

/** What the import needs of a connection: parameterized queries returning rows. */
export interface RawClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * The driver connection under a drizzle transaction: the pooled `pg` client on PostgreSQL (the
 * one `writeAs` opened the transaction on, which COPY must use too), PGlite's transaction on the
 * embedded database. drizzle keeps it as `tx.session.client` (node-postgres and pglite drivers,
 * drizzle-orm 1.0.0-rc.4); this is checked at run time so that a drizzle upgrade fails loudly.
 */
export function rawClientOf(tx: Transaction, kind: DatabaseHandle['kind']): RawClient {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as
    | (RawClient & { release?: unknown; exec?: unknown })
    | undefined;
  const ok =
    client !== undefined &&
    typeof client.query === 'function' &&
    (kind === 'postgres' ? typeof client.release === 'function' : typeof client.exec === 'function');
  if (!ok) throw new Error(`Cannot reach the ${kind} connection under the drizzle transaction (drizzle changed?)`);
  return client;
}
