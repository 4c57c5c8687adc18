import { auditLog, users } from '@panorama/db';
import { eq, gt, gte, lt, sql } from 'drizzle-orm';
import { conditions, type ExportList, timestampText } from './export-list';

/** The lists that only some roles read, with the roles of their GraphQL fields. */

export const AUDIT_LOG: ExportList = {
  noun: 'audit log',
  // As `auditLog` (schema/audit-log.ts).
  access: { kind: 'roles', roles: ['ADMIN', 'LEADERSHIP'], who: 'admins and leadership' },
  // `from` and `to`: days in UTC, like `filter.from`/`to`.
  parameters: ['region', 'from', 'to'],
  columns: ['at', 'user_email', 'action', 'entity', 'entity_id', 'region_code', 'before', 'after'],
  batch: (_viewer, filter, after, size) => sql`
    SELECT ${auditLog.id} AS key, ${timestampText(auditLog.at)} AS at, ${auditLog.userEmail} AS user_email,
           ${auditLog.action} AS action, ${auditLog.entity} AS entity, ${auditLog.entityId} AS entity_id,
           ${auditLog.regionCode} AS region_code, ${auditLog.before}::text AS before, ${auditLog.after}::text AS after
    FROM ${auditLog}
    WHERE ${conditions(
      after === null ? undefined : gt(auditLog.id, Number(after)),
      filter.regionCode ? eq(auditLog.regionCode, filter.regionCode) : undefined,
      filter.from ? gte(auditLog.at, sql`(${filter.from}::date)::timestamp AT TIME ZONE 'UTC'`) : undefined,
      filter.to ? lt(auditLog.at, sql`(${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`) : undefined,
    )}
    ORDER BY ${auditLog.id}
    LIMIT ${size}`,
};

export const USERS: ExportList = {
  noun: 'users',
  // As `users` (schema/account.ts).
  access: { kind: 'roles', roles: ['ADMIN'], who: 'admins' },
  parameters: [],
  columns: ['email', 'name', 'role', 'region_code', 'active'],
  batch: (_viewer, _filter, after, size) => sql`
    SELECT ${users.email} AS key, ${users.email} AS email, ${users.name} AS name, ${users.role} AS role,
           ${users.regionCode} AS region_code, ${users.active}::text AS active
    FROM ${users}
    WHERE ${conditions(after === null ? undefined : gt(users.email, String(after)))}
    ORDER BY ${users.email}
    LIMIT ${size}`,
};
