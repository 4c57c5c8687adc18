import type { Context } from '../context';
import { detailReachOf, detailRefusal, noDetailRefusal } from './detail-access';
import { partnerVisibility } from './partner-access';

/** What of a `metrics` request decides whether it reads partner-level detail. */
export interface PartnerLevelRequest {
  groupBy: readonly string[];
  regionCodes: readonly string[] | null | undefined;
  /** The partners of `filter.partnerIds`, already decoded. */
  partnerIds: readonly number[] | null;
}

/**
 * Checks a `metrics` request that groups or filters by PARTNER: that is partner-level detail, so
 * a REGIONAL user may do it within its own region only — `filter.regionCodes` must name that
 * region alone, and `filter.partnerIds` only partners it reads. Every other request is aggregate
 * and passes. Resolves to true, or throws FORBIDDEN with what to ask instead.
 */
export async function checkPartnerLevelMetrics(context: Context, request: PartnerLevelRequest): Promise<true> {
  const byPartner = request.groupBy.includes('PARTNER') || Boolean(request.partnerIds?.length);
  const reach = detailReachOf(context.viewer);
  if (!byPartner || reach.kind === 'every') return true;
  if (reach.kind === 'none') throw noDetailRefusal(context.viewer);
  const own = reach.regionCode;
  const regionCodes = (request.regionCodes ?? []).map((code) => code.trim().toUpperCase());
  const others = regionCodes.filter((code) => code !== own);
  if (!regionCodes.length || others.length)
    throw detailRefusal(
      own,
      'partner',
      `grouping or filtering metrics by partner needs filter: { regionCodes: ["${own}"] }${
        others.length ? `, and filter.regionCodes asks for ${others.join(', ')}` : ''
      }.`,
    );
  const visibility = await Promise.all((request.partnerIds ?? []).map((id) => partnerVisibility(context, id)));
  if (visibility.includes('hidden'))
    throw detailRefusal(
      own,
      'partner',
      `filter.partnerIds names a partner that is not one of ${own}’s (managed by ${own}, or giving, partnering or pursued there).`,
    );
  return true;
}
