/** The sections of a region's manage page, in their order: `?section=` names one. */
export const MANAGE_SECTIONS = ['targets', 'stories', 'pipeline', 'needs'] as const;

export type ManageSection = (typeof MANAGE_SECTIONS)[number];

/** The section a `?section=` value names; the targets for anything else. */
export function parseSection(value: string | null): ManageSection {
  return (MANAGE_SECTIONS as readonly string[]).includes(value ?? '') ? (value as ManageSection) : 'targets';
}

/** The manage page of a region (route `regions/:code/manage`), at a section and target year if given. */
export function manageRegionPath(
  code: string,
  { section, targetYear }: { section?: ManageSection; targetYear?: number } = {},
) {
  const params = new URLSearchParams();
  if (section && section !== 'targets') params.set('section', section);
  if (targetYear) params.set('targetYear', String(targetYear));
  const search = params.toString();
  return `/regions/${encodeURIComponent(code)}/manage${search ? `?${search}` : ''}`;
}
