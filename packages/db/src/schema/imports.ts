import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { oneOf } from './columns';

/** What an import did: `DONE` (rows written) or `REFUSED` (all or nothing, and something was wrong: nothing written). */
export const IMPORT_STATUSES = ['DONE', 'REFUSED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One CSV import: who loaded which file of which kind, and how many rows it inserted, updated,
 * left unchanged and rejected. Append-only for the server's role (it may insert and read).
 */
export const imports = pgTable(
  'imports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key, like the audit trail: the record outlives the accounts it names. */
    userId: integer('user_id'),
    userEmail: text('user_email').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
  },
  (t) => [
    check('imports_status', oneOf('status', IMPORT_STATUSES)),
    index('imports_at_idx').on(t.at),
    index('imports_user_idx').on(t.userId, t.at),
  ],
);
