/**
 * An audit entry made readable: the API gives the row before and after the change as JSON text,
 * and the fields that differ; the audit page shows each changed field with its old and new value.
 */

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'IMPORT';

export interface AuditEntryFields {
  action: AuditAction;
  before: string | null;
  after: string | null;
  changedFields: readonly string[];
}

/** One changed field: its value before and after (undefined where the row did not exist). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The kinds of thing the audit trail records changes of (GraphQL type names), for its filter. */
export const AUDIT_ENTITIES = ['Target', 'Story', 'Opportunity', 'FieldNeed', 'User', 'ApiToken'] as const;

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'IMPORT'] as const satisfies readonly AuditAction[];

/** A row as JSON text, as an object; anything else (null, a list, bad JSON) is an empty one. */
function parseRow(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The changed fields of an entry, in the API's order, each with its value before and after. */
export function fieldChanges(entry: AuditEntryFields): FieldChange[] {
  const before = parseRow(entry.before);
  const after = parseRow(entry.after);
  return entry.changedFields.map((field) => ({
    field,
    before: entry.before === null ? undefined : before[field],
    after: entry.after === null ? undefined : after[field],
  }));
}

/** Fields every row has, which say little about the change: shown after the others. */
const BOOKKEEPING = /^(id|createdAt|updatedAt)$/;

/**
 * The changes in the order people read them: an update's as the API lists them; a creation's or a
 * deletion's values first, then its empty fields, then its keys and timestamps.
 */
export function readableChanges(entry: AuditEntryFields): FieldChange[] {
  const changes = fieldChanges(entry);
  if (entry.action === 'UPDATE') return changes;
  const rank = (change: FieldChange) => {
    if (BOOKKEEPING.test(change.field)) return 2;
    return valueText(entry.action === 'DELETE' ? change.before : change.after) === null ? 1 : 0;
  };
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => rank(a.change) - rank(b.change) || a.index - b.index)
    .map(({ change }) => change);
}

/** The longest value shown in a cell; the whole value is in its title, and in the CSV. */
export const MAX_VALUE_LENGTH = 80;

/** A value of a row as text: strings as they are, numbers and booleans written, the rest as JSON; null is null. */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Text cut to `max` characters, with an ellipsis when it was longer. */
export function shortened(text: string, max = MAX_VALUE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A one-line summary of the changes, for CSV and search: "value: 100 → 120; version: 1 → 2". */
export function changesSummary(entry: AuditEntryFields): string {
  return fieldChanges(entry)
    .map(({ field, before, after }) => {
      if (entry.action === 'UPDATE') return `${field}: ${valueText(before) ?? '∅'} → ${valueText(after) ?? '∅'}`;
      return `${field}: ${valueText(entry.action === 'DELETE' ? before : after) ?? '∅'}`;
    })
    .join('; ');
}
