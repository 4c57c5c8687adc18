import { type Transaction, type UserRole, writeAs } from '@panorama/db';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { mayWriteRegion, type Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { InvalidInputError } from './errors';

/**
 * Who may change region-scoped data, and how a change is written: one transaction as the user
 * (so that row-level security knows who writes), checked again inside it.
 */

/** The roles that may write at all: ADMIN everywhere, REGIONAL in its own region. */
export const WRITER_ROLES: readonly UserRole[] = ['ADMIN', 'REGIONAL'];

/** The scope-auth scopes of a mutation that writes one region's data. */
export type WriteScopes = { writes: string | null } | { roles: readonly UserRole[] };

/**
 * The scopes of a mutation that writes a row of the region `regionOf()` names: null is a
 * GLOBAL row (admins only). When the row or its region is unknown (`undefined`), only the role is
 * checked here, and the mutation reports the unknown row as invalid input. Viewers who may not
 * write anything are refused without a look at the database.
 */
export async function writeScopes(
  context: Context,
  regionOf: () => Promise<string | null | undefined>,
): Promise<WriteScopes> {
  const viewer = context.viewer;
  if (!viewer || !WRITER_ROLES.includes(viewer.role)) return { roles: WRITER_ROLES };
  const regionCode = await regionOf();
  return regionCode === undefined ? { roles: WRITER_ROLES } : { writes: regionCode };
}

/**
 * The refusal of a change, saying who may make it: UNAUTHENTICATED for an anonymous request,
 * FORBIDDEN otherwise. `regionCode` names the data refused (null: global data), when known.
 */
export function writeRefusal(viewer: Viewer | null, regionCode?: string | null): GraphQLError {
  if (!viewer) {
    return new GraphQLError('Sign in first: changes need a signed-in user or an API token.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const what = regionCode === undefined ? 'this' : regionCode === null ? 'global data' : `data of ${regionCode}`;
  const yours = viewer.role === 'REGIONAL' ? ` (yours: ${viewer.regionCode})` : '';
  return new GraphQLError(
    `Your role (${viewer.role}${viewer.regionCode ? ` of ${viewer.regionCode}` : ''}) may not change ${what}: ADMIN users change every region's targets, stories, pipeline and field needs, and the GLOBAL targets; REGIONAL users their own region's${yours}.`,
    { extensions: { code: 'FORBIDDEN' } },
  );
}

/** The refusal of a mutation's scopes, for its `unauthorizedError` option. */
export function scopesRefusal(_root: unknown, _args: unknown, context: Context): GraphQLError {
  return writeRefusal(context.viewer);
}

/** Refuses the change unless the viewer may write `regionCode` (null: a GLOBAL row). */
export function assertMayWrite(viewer: Viewer, regionCode: string | null): void {
  if (!mayWriteRegion(viewer, regionCode)) throw writeRefusal(viewer, regionCode);
}

/** The viewer of a field whose scopes let only signed-in users through. */
export function writer(context: Context): Viewer {
  if (!context.viewer) throw new Error('unreachable: the field requires a signed-in user');
  return context.viewer;
}

/** Whether the database refused a statement for want of a privilege or by a row-security policy. */
function isPrivilegeRefusal(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === '42501') return true;
  }
  return false;
}

/**
 * Runs `work` in one transaction as the viewer, for row-level security and the audit trail.
 * A refusal by the database's policies (a last line of defence: the field's scopes and
 * `assertMayWrite` refuse first) becomes a FORBIDDEN error; anything thrown rolls it all back.
 */
export async function writeChange<T>(context: Context, work: (tx: Transaction, viewer: Viewer) => Promise<T>) {
  const viewer = writer(context);
  try {
    return await writeAs(context.db, viewer, (tx) => work(tx, viewer));
  } catch (error) {
    if (isPrivilegeRefusal(error)) throw writeRefusal(viewer);
    throw error;
  }
}

/** The database id in a global ID of type `typename`, or null when it is not one. */
export function localIdOf(globalId: string, typename: string): number | null {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename !== typename || !/^\d{1,9}$/.test(decoded.id)) return null;
    return Number(decoded.id);
  } catch {
    return null;
  }
}

/** The global ID of a row of `typename`. */
export function globalIdOf(typename: string, id: number): string {
  return encodeGlobalID(typename, id);
}

/** The refusal of an ID that names no row of `typename`. */
export function unknownId(typename: string, field = 'id'): InvalidInputError {
  return new InvalidInputError([
    { field, message: `is not the ID of a ${typename}: pass \`${typename}.id\` as the API returns it` },
  ]);
}

/** Whether every field of `changes` already has that value in `row`: then there is nothing to write. */
export function isUnchanged<Row extends object>(row: Row, changes: Partial<Row>): boolean {
  return (Object.keys(changes) as (keyof Row)[]).every((field) => row[field] === changes[field]);
}
