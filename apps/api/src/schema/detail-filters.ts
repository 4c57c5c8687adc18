import type { Context } from '../context';
import { type DetailKind, detailReachOf, detailRefusal, noDetailRefusal } from './detail-access';
import { partnerIdsOf } from './filter-conditions';
import { partnerVisibility } from './partner-access';

/** The part of a list's filter that can name regions: by code, by country office, by partner. */
export interface RegionNamingFilter {
  regionCodes?: readonly string[] | null;
  countryIsos?: readonly string[] | null;
  partnerIds?: readonly (string | number)[] | null;
}

const normalized = (codes: readonly string[] | null | undefined) =>
  (codes ?? []).map((code) => code.trim().toUpperCase());

/**
 * Checks that a list's filter asks only for what the viewer may read: for a REGIONAL user, its own
 * region's code, its own region's country offices (as they belong today), the partners it may
 * read. Resolves to true, or throws a FORBIDDEN error that says what is allowed (UNAUTHENTICATED
 * when nobody signed in). A country or partner that does not exist is not refused: it matches
 * nothing. The rows themselves are kept to the viewer's region by `detailRowsCondition`.
 */
export function checkDetailFilter(
  context: Context,
  kind: DetailKind,
  filter: RegionNamingFilter | null | undefined,
): true | Promise<true> {
  const reach = detailReachOf(context.viewer);
  if (reach.kind === 'every') return true;
  if (reach.kind === 'none') throw noDetailRefusal(context.viewer);
  const own = reach.regionCode;
  const otherRegions = normalized(filter?.regionCodes).filter((code) => code !== own);
  if (otherRegions.length)
    throw detailRefusal(
      own,
      kind,
      `filter.regionCodes asks for ${otherRegions.join(', ')}. Leave it out, or ask for ${own}.`,
    );
  const isos = normalized(filter?.countryIsos);
  const partnerIds = partnerIdsOf(filter?.partnerIds?.map(String));
  if (!isos.length && !partnerIds?.length) return true;
  return (async () => {
    const countries = await context.loaders.country.loadMany(isos);
    const elsewhere = countries.flatMap((country) =>
      country && !(country instanceof Error) && country.regionCode !== own
        ? [`${country.iso3} (a country office of ${country.regionCode})`]
        : [],
    );
    if (elsewhere.length)
      throw detailRefusal(
        own,
        kind,
        `filter.countryIsos asks for ${elsewhere.join(', ')}. Ask for country offices of ${own} only.`,
      );
    const visibility = await Promise.all((partnerIds ?? []).map((id) => partnerVisibility(context, id)));
    if (visibility.includes('hidden'))
      throw detailRefusal(
        own,
        kind,
        `filter.partnerIds names a partner that is not one of ${own}’s (managed by ${own}, or giving, partnering or pursued there).`,
      );
    return true as const;
  })();
}

/**
 * The `authScopes` of a list field of detail rows, at the root or under another type: checks its
 * `filter` argument (see `checkDetailFilter`) before the list is read.
 */
export function detailFilterScopes(kind: DetailKind) {
  return (_parent: unknown, args: { filter?: RegionNamingFilter | null }, context: Context) =>
    checkDetailFilter(context, kind, args.filter);
}
