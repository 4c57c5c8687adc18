/**
 * Who may change a region's data, as the API decides it: ADMIN users every region's, REGIONAL
 * users their own region's; LEADERSHIP and ANALYST users read only. The API refuses any other
 * write (FORBIDDEN): the page only spares people forms they could not use.
 */

/** The signed-in user, as `me` gives it; null when nobody is signed in. */
export interface Viewer {
  role: string;
  region: { code: string } | null;
}

/** Whether `viewer` may change the targets, stories, pipeline and field needs of region `regionCode`. */
export function mayWriteRegion(viewer: Viewer | null | undefined, regionCode: string): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'REGIONAL' && viewer.region?.code === regionCode;
}
