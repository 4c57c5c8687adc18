import type { Actor, UserRole } from '@panorama/db';

/** Who is asking: a signed-in user, through a session cookie or an API token. */
export interface Viewer extends Actor {
  name: string;
  /** How the request proved who it is. */
  via: 'session' | 'token';
}

/** Roles that read the detail (partners, contributions) of every region. */
const READS_ALL_DETAIL: readonly UserRole[] = ['LEADERSHIP', 'ANALYST', 'ADMIN'];

/**
 * The one region whose detail the viewer may read, or null when it may read every region's.
 * Only REGIONAL users are bound to a region.
 */
export function detailRegion(viewer: Viewer): string | null {
  return READS_ALL_DETAIL.includes(viewer.role) ? null : viewer.regionCode;
}

/** Whether the viewer may read partner- and contribution-level detail of `regionCode`. */
export function mayReadDetail(viewer: Viewer | null, regionCode: string | null): boolean {
  if (!viewer) return false;
  const only = detailRegion(viewer);
  return only === null || only === regionCode;
}

/** Whether the viewer may write a region's targets, stories, pipeline and field needs. */
export function mayWriteRegion(viewer: Viewer | null, regionCode: string | null): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'REGIONAL' && regionCode !== null && viewer.regionCode === regionCode;
}
