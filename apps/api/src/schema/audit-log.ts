import { type AUDIT_ACTIONS, auditLog } from '@panorama/db';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { and, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import { countedConnection, type NodeNames } from './connection';
import { codeIn, valueIn } from './filter-conditions';

const NAMES: NodeNames = { type: 'AuditEntry', singular: 'audit entry', plural: 'audit entries' };

/** Who may read the audit trail. */
const AUDIT_READERS = ['ADMIN', 'LEADERSHIP'] as const;

/** The entities whose audit entries name an object the API can fetch again (`node(id:)`). */
const NODE_ENTITIES = new Set(['Target', 'Story', 'Opportunity', 'FieldNeed']);

const AuditActionEnum = builder.enumType('AuditAction', {
  description: 'The kind of change an audit entry records.',
  values: {
    CREATE: { value: 'CREATE', description: 'Something was created: `after` holds it.' },
    UPDATE: { value: 'UPDATE', description: 'Something was changed: `before` and `after` hold it.' },
    DELETE: { value: 'DELETE', description: 'Something was deleted: `before` holds what it was.' },
    IMPORT: { value: 'IMPORT', description: 'Rows were loaded from a file.' },
  } satisfies Record<(typeof AUDIT_ACTIONS)[number], { value: string; description: string }>,
});

/** A JSON value as JSON text, or null. */
function jsonText(value: unknown): string | null {
  return value == null ? null : JSON.stringify(value);
}

/** The fields whose values differ between two states (every field of the one that exists, for a creation or deletion). */
function changedFields(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const old = asRecord(before);
  const updated = asRecord(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(updated)])].sort();
  return fields.filter((field) => JSON.stringify(old[field]) !== JSON.stringify(updated[field]));
}

export const AuditEntry = builder.drizzleObject('auditLog', {
  name: NAMES.type,
  description:
    'One change, as the append-only audit trail recorded it in the same transaction: who, when, what, before and after.',
  authScopes: { roles: AUDIT_READERS },
  fields: (t) => ({
    at: t.string({
      description: 'When the change was made, as an ISO 8601 timestamp in UTC.',
      select: { columns: { at: true } },
      resolve: (entry) => entry.at.toISOString(),
    }),
    userEmail: t.exposeString('userEmail', {
      description: 'Who made it: the user’s email, kept even when the account is gone.',
    }),
    action: t.expose('action', { type: AuditActionEnum, description: 'What kind of change it was.' }),
    entity: t.exposeString('entity', {
      description: 'What kind of thing changed, by its GraphQL type name: Target, Story, Opportunity, FieldNeed…',
    }),
    entityId: t.exposeString('entityId', { description: 'The database key of the thing that changed.' }),
    subjectId: t.id({
      nullable: true,
      description:
        'The global ID of the thing that changed, for `node(id:)` (null when the thing is not one the API fetches by ID). Deleted things keep their ID here.',
      select: { columns: { entity: true, entityId: true } },
      resolve: (entry) => (NODE_ENTITIES.has(entry.entity) ? encodeGlobalID(entry.entity, entry.entityId) : null),
    }),
    regionCode: t.exposeString('regionCode', {
      nullable: true,
      description: 'The region whose data changed; null for global data (such as a GLOBAL target).',
    }),
    before: t.string({
      nullable: true,
      description: 'The thing before the change, as JSON text of its database row; null for a creation.',
      select: { columns: { before: true } },
      resolve: (entry) => jsonText(entry.before),
    }),
    after: t.string({
      nullable: true,
      description: 'The thing after the change, as JSON text of its database row; null for a deletion.',
      select: { columns: { after: true } },
      resolve: (entry) => jsonText(entry.after),
    }),
    changedFields: t.stringList({
      description:
        'The fields of the row whose values differ between `before` and `after`, in alphabetical order (every field, for a creation or a deletion).',
      select: { columns: { before: true, after: true } },
      resolve: (entry) => changedFields(entry.before, entry.after),
    }),
  }),
});

const AuditEntryConnection = countedConnection(AuditEntry, NAMES);

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  description: 'Keeps the audit entries that match every condition given.',
  fields: (t) => ({
    userEmails: t.stringList({ required: false, description: 'Made by one of these users (emails).' }),
    userIds: t.idList({ required: false, description: 'Made by one of these users (`User.id`).' }),
    regionCodes: t.stringList({
      required: false,
      description: 'Changing data of one of these regions (codes, such as RBN).',
    }),
    entities: t.stringList({
      required: false,
      description: 'Changing one of these kinds of thing (GraphQL type names: Target, Story, Opportunity, FieldNeed…).',
    }),
    subjectIds: t.idList({
      required: false,
      description: 'Changing one of these things (global IDs, such as a `Target.id`): their history.',
    }),
    actions: t.field({ type: [AuditActionEnum], required: false, description: 'Of one of these kinds.' }),
    from: t.field({ type: 'Date', required: false, description: 'Made on or after this day (UTC).' }),
    to: t.field({ type: 'Date', required: false, description: 'Made on or before this day (UTC).' }),
  }),
});

type AuditLogFilterInput = typeof AuditLogFilter.$inferInput;

/** Decodes global IDs for a filter; one that is not an ID is a mistake the user can fix. */
function decodedIds(field: string, globalIds: readonly (string | number)[]): { typename: string; id: string }[] {
  return globalIds.map((globalId) => {
    try {
      return decodeGlobalID(String(globalId));
    } catch {
      throw new GraphQLError(`${field}: ${JSON.stringify(globalId)} is not an ID; pass an \`id\` the API returned.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });
}

/** The users that `User.id`s name. */
function userIdsOf(globalIds: readonly (string | number)[] | null | undefined): number[] | undefined {
  if (!globalIds?.length) return undefined;
  return decodedIds('userIds', globalIds).map(({ typename, id }) => {
    if (typename !== 'User' || !/^\d{1,9}$/.test(id)) {
      throw new GraphQLError(`userIds: pass the \`id\` of a User; got the ID of a ${typename}.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return Number(id);
  });
}

/** The entries about the things that global IDs name. */
function subjectsCondition(table: typeof auditLog, globalIds: readonly (string | number)[] | null | undefined) {
  if (!globalIds?.length) return undefined;
  return or(
    ...decodedIds('subjectIds', globalIds).map(({ typename, id }) =>
      and(eq(table.entity, typename), eq(table.entityId, id)),
    ),
  );
}

/** The SQL condition of an audit log filter, for `table` as the query names it. */
function auditCondition(filter: AuditLogFilterInput | null | undefined, table: typeof auditLog = auditLog) {
  if (!filter) return undefined;
  const userIds = userIdsOf(filter.userIds);
  const conditions: (SQL | undefined)[] = [
    filter.userEmails?.length
      ? inArray(
          table.userEmail,
          filter.userEmails.map((email) => email.trim().toLowerCase()),
        )
      : undefined,
    userIds ? inArray(table.userId, userIds) : undefined,
    codeIn(table.regionCode, filter.regionCodes),
    filter.entities?.length ? inArray(table.entity, filter.entities) : undefined,
    subjectsCondition(table, filter.subjectIds),
    valueIn(table.action, filter.actions),
    filter.from ? gte(table.at, sql`(${filter.from}::date)::timestamp AT TIME ZONE 'UTC'`) : undefined,
    filter.to ? lt(table.at, sql`(${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`) : undefined,
  ];
  return and(...conditions);
}

builder.queryFields((t) => ({
  auditLog: t.drizzleConnection(
    {
      type: 'auditLog',
      description:
        'The audit trail: every change to targets, stories, the pipeline and field needs, newest first, a page at a time. For ADMIN and LEADERSHIP users.',
      authScopes: { roles: AUDIT_READERS },
      args: {
        filter: t.arg({ type: AuditLogFilter, required: false, description: 'Which entries to keep.' }),
      },
      totalCount: (_root, args, context) => context.db.$count(auditLog, auditCondition(args.filter)),
      resolve: (query, _root, args, context) =>
        context.db.query.auditLog.findMany(
          query({
            where: { RAW: (table) => auditCondition(args.filter, table) ?? sql`true` },
            orderBy: { id: 'desc' },
          }),
        ),
    },
    AuditEntryConnection,
  ),
}));
