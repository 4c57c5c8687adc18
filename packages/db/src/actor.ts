import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { bumpDataVersion } from './data-version';
import { auditLog } from './schema/audit';
import type { AuditAction, UserRole } from './schema/enums';

/** Who makes a change: what row-level security and the audit trail know of the user. */
export interface Actor {
  userId: number;
  email: string;
  role: UserRole;
  /** The region of a REGIONAL user; null for every other role. */
  regionCode: string | null;
}

/** A transaction, with the same query API as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in one transaction on behalf of `actor`. The actor's id, role and region are set
 * for the transaction only (`panorama.user_*`), where the row-level security policies read them.
 */
export async function writeAs<T>(db: Database, actor: Actor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT
      set_config('panorama.user_id', ${String(actor.userId)}, true),
      set_config('panorama.user_role', ${actor.role}, true),
      set_config('panorama.user_region', ${actor.regionCode ?? ''}, true)`);
    return work(tx);
  });
  // Committed: an answer computed while the transaction was open is no longer current.
  await bumpDataVersion(db);
  return result;
}

/** One entry of the audit trail: what changed, and its state before and after. */
export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: string | number;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit trail, in the transaction of the change it records. */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    userId: actor.userId,
    userEmail: actor.email,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    regionCode: entry.regionCode,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
