import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { oneOf } from './columns';
import { AUDIT_ACTIONS } from './enums';

/**
 * Every change, append-only: who, when, what, before and after. Written in the transaction of
 * the change it records; the server's database role may insert and read it, never update or
 * delete it, and a trigger refuses updates and deletes from anyone.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key: the trail outlives the accounts it names. */
    userId: integer('user_id'),
    userEmail: text('user_email').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    regionCode: text('region_code'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    check('audit_log_action', oneOf('action', AUDIT_ACTIONS)),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_region_idx').on(t.regionCode, t.at),
  ],
);
