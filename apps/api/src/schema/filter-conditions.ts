import { decodeGlobalID } from '@pothos/plugin-relay';
import { and, gte, inArray, lte, type SQL, type SQLWrapper } from 'drizzle-orm';
import { GraphQLError } from 'graphql';

/**
 * The SQL conditions that list filters are made of. Each returns undefined when its part of the
 * filter is not given (null or an empty list), so that `and(...)` leaves it out.
 */

/** `column IN codes`, for codes stored in upper case (bureaux, ISO3, objectives, metrics). */
export function codeIn(column: SQLWrapper, codes: readonly string[] | null | undefined): SQL | undefined {
  if (!codes?.length) return undefined;
  return inArray(
    column,
    codes.map((code) => code.trim().toUpperCase()),
  );
}

/** `column IN values`, for enum values. */
export function valueIn<T>(column: SQLWrapper, values: readonly T[] | null | undefined): SQL | undefined {
  if (!values?.length) return undefined;
  return inArray(column, values);
}

/** The closed date range `[from, to]`; either end may be open. */
export function dateBetween(
  column: SQLWrapper,
  from: string | null | undefined,
  to: string | null | undefined,
): SQL | undefined {
  return and(from ? gte(column, from) : undefined, to ? lte(column, to) : undefined);
}

/**
 * The database IDs of the partners that global IDs name. An ID of anything else, or no ID at
 * all, is a mistake the user can fix: the error says which ID and what to pass instead.
 */
export function partnerIdsOf(globalIds: readonly string[] | null | undefined): number[] | undefined {
  if (!globalIds?.length) return undefined;
  return globalIds.map((globalId) => {
    let decoded: { typename: string; id: string } | undefined;
    try {
      decoded = decodeGlobalID(globalId);
    } catch {
      decoded = undefined;
    }
    if (decoded?.typename === 'Partner' && /^\d{1,9}$/.test(decoded.id)) return Number(decoded.id);
    const named = decoded ? ` (it names a ${decoded.typename})` : '';
    throw new GraphQLError(
      `partnerIds: ${JSON.stringify(globalId)} is not the ID of a partner${named}. ` +
        'Pass the `id` of a Partner, as returned by `partners { nodes { id } }`.',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  });
}
