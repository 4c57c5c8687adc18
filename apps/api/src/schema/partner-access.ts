import { contributions, opportunities, partners, partnerships } from '@panorama/db';
import DataLoader from 'dataloader';
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { detailReachOf, detailRefusal, noDetailRefusal } from './detail-access';

/**
 * Which partners a viewer reads. A partner is part of the detail of the region that manages it
 * (`partners.region_code`) and of every region where it has a partnership, a contribution or an
 * opportunity: a regional team reads who gives, partners or is pursued in its region, so that
 * its own contributions, partnerships and top partners always name their partner. Anything else
 * of such a partner stays scoped: its lists show the viewer's region's rows only.
 */

/** A partner, as one viewer sees it: readable, hidden from it, or not there at all. */
export type PartnerVisibility = 'readable' | 'hidden' | 'missing';

/**
 * How the test of a partner's contributions is planned. `list`: the distinct partners of the
 * region's contributions, hashed once per statement — for lists of partners, whatever their
 * length. `few`: one probe of each partner's contributions (index on partner), stopping at the
 * first of the region — for a handful of given partners.
 */
type Plan = 'list' | 'few';

/** Managed by, or with a partnership, contribution or opportunity in, `regionCode`. */
function partnerOfRegion(table: typeof partners, regionCode: string, plan: Plan): SQL {
  const gives =
    plan === 'list'
      ? inArray(
          table.id,
          sql`(select distinct ${contributions.partnerId} from ${contributions} where ${contributions.regionCode} = ${regionCode})`,
        )
      : sql`exists (select 1 from ${contributions} where ${contributions.partnerId} = ${table.id} and ${contributions.regionCode} = ${regionCode})`;
  return or(
    eq(table.regionCode, regionCode),
    inArray(
      table.id,
      sql`(select ${partnerships.partnerId} from ${partnerships} where ${partnerships.regionCode} = ${regionCode})`,
    ),
    inArray(
      table.id,
      sql`(select ${opportunities.partnerId} from ${opportunities} where ${opportunities.regionCode} = ${regionCode})`,
    ),
    gives,
  ) as SQL;
}

/**
 * The SQL condition that keeps the partners a viewer may read, for `table` as the query names it:
 * undefined for a viewer who reads every region's detail. `plan` suits a list (default) or a few
 * given partners.
 */
export function readablePartnersCondition(
  viewer: Viewer | null,
  table: typeof partners = partners,
  plan: Plan = 'list',
): SQL | undefined {
  const reach = detailReachOf(viewer);
  if (reach.kind === 'every') return undefined;
  if (reach.kind === 'none') return sql`false`;
  return partnerOfRegion(table, reach.regionCode, plan);
}

const visibilityLoaders = new WeakMap<Context, DataLoader<number, PartnerVisibility>>();

/** Whether the request's viewer may read partner `id`; batched, one SQL statement per tick. */
export function partnerVisibility(context: Context, id: number): Promise<PartnerVisibility> {
  let loader = visibilityLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const readable = readablePartnersCondition(context.viewer, partners, 'few') ?? sql`true`;
      const rows = await context.db
        .select({ id: partners.id, readable: sql<boolean>`coalesce(${readable}, false)` })
        .from(partners)
        .where(inArray(partners.id, [...ids]));
      const found = new Map(rows.map((row) => [row.id, row.readable ? 'readable' : 'hidden'] as const));
      return ids.map((id) => found.get(id) ?? 'missing');
    });
    visibilityLoaders.set(context, loader);
  }
  return loader.load(id);
}

/**
 * The type-level `authScopes` of Partner: read when the viewer reads every region, or when the
 * partner is one of its region's (see above); refused with FORBIDDEN otherwise, whatever the path.
 */
export function partnerScopes(partner: { id: number; regionCode: string }, context: Context): true | Promise<true> {
  const reach = detailReachOf(context.viewer);
  if (reach.kind === 'every') return true;
  if (reach.kind === 'none') throw noDetailRefusal(context.viewer);
  const own = reach.regionCode;
  if (partner.regionCode === own) return true;
  return partnerVisibility(context, partner.id).then((visibility) => {
    if (visibility === 'readable') return true;
    throw detailRefusal(
      own,
      'partner',
      `this partner is managed by ${partner.regionCode} and neither gives, partners nor is pursued in ${own}.`,
    );
  });
}
