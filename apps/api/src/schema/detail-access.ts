import { eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { detailRegion, type Viewer } from '../auth/viewer';
import type { Context } from '../context';

/**
 * Who reads which partner- and contribution-level detail ("detail": partners, partnerships,
 * contributions, impact records, opportunities). LEADERSHIP, ANALYST and ADMIN read every
 * region's; a REGIONAL user reads its own region's only, while every aggregate stays readable by
 * everyone signed in. From `context.viewer`, this module and its neighbours build:
 * - the SQL condition every list of detail rows adds to its filter (`detailRowsCondition` here,
 *   `readablePartnersCondition` in `partner-access.ts`);
 * - the check of a list's filter, refused when it asks for another region (`detailFilterScopes`
 *   in `detail-filters.ts`);
 * - the type-level check of one row, wherever it is reached from, `node(id)` included
 *   (`detailRowScopes` here, `partnerScopes` in `partner-access.ts`).
 */

/**
 * Which regions' detail a request reads: every region's, one region's, or none (anonymous, or a
 * REGIONAL user without a region, which the database forbids).
 */
export type DetailReach = { kind: 'every' } | { kind: 'one'; regionCode: string } | { kind: 'none' };

/** The detail a viewer reads. */
export function detailReachOf(viewer: Viewer | null): DetailReach {
  if (!viewer) return { kind: 'none' };
  const only = detailRegion(viewer);
  if (only === null) return viewer.role === 'REGIONAL' ? { kind: 'none' } : { kind: 'every' };
  return { kind: 'one', regionCode: only };
}

/** How error messages name each kind of detail row: one, several. */
export const DETAIL_NOUNS = {
  partner: ['partner', 'partners'],
  partnership: ['partnership', 'partnerships'],
  contribution: ['contribution', 'contributions'],
  impactRecord: ['impact record', 'impact records'],
  opportunity: ['opportunity', 'opportunities'],
} as const;

export type DetailKind = keyof typeof DETAIL_NOUNS;

/**
 * A refusal that says what the viewer may read instead, such as "A REGIONAL user of RBN reads
 * the partners of RBN only: filter.regionCodes asks for RBB." Code FORBIDDEN.
 */
export function detailRefusal(regionCode: string, kind: DetailKind, reason: string): GraphQLError {
  return new GraphQLError(
    `A REGIONAL user of ${regionCode} reads the ${DETAIL_NOUNS[kind][1]} of ${regionCode} only: ${reason}`,
    {
      extensions: { code: 'FORBIDDEN', readableRegion: regionCode },
    },
  );
}

/** The refusal of a viewer who reads no detail: UNAUTHENTICATED when anonymous, else FORBIDDEN. */
export function noDetailRefusal(viewer: Viewer | null): GraphQLError {
  return viewer
    ? new GraphQLError('Your account reads no partner- or contribution-level detail: ask an admin to set its region.', {
        extensions: { code: 'FORBIDDEN' },
      })
    : new GraphQLError('Sign in first: this needs a signed-in user or an API token.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
}

/**
 * The SQL condition that keeps the rows a viewer may read of a detail table, given the table's
 * region column (as the query names it): undefined for a viewer who reads every region, `column
 * = its region` for a REGIONAL user, `false` for nobody.
 */
export function detailRowsCondition(viewer: Viewer | null, regionColumn: SQLWrapper): SQL | undefined {
  const reach = detailReachOf(viewer);
  if (reach.kind === 'every') return undefined;
  if (reach.kind === 'none') return sql`false`;
  return eq(regionColumn, reach.regionCode);
}

/**
 * The type-level `authScopes` of a detail type whose rows carry their region: the row is read when
 * the viewer may read that region's detail, refused with FORBIDDEN otherwise — whether it comes
 * from a list, a link or `node(id)`.
 */
export function detailRowScopes(kind: Exclude<DetailKind, 'partner'>) {
  return (row: { regionCode: string }, context: Context): true => {
    const reach = detailReachOf(context.viewer);
    if (reach.kind === 'every') return true;
    if (reach.kind === 'none') throw noDetailRefusal(context.viewer);
    if (row.regionCode === reach.regionCode) return true;
    throw detailRefusal(reach.regionCode, kind, `this ${DETAIL_NOUNS[kind][0]} is of ${row.regionCode}.`);
  };
}

/** The type-level `authScopes` of the types every signed-in user reads (aggregates, reference data). */
export const SIGNED_IN_TYPE = { authScopes: { signedIn: true }, runScopesOnType: true } as const;
