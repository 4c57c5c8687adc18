/**
 * The forms that change a region's data: its targets (with their history), stories from the
 * field, pipeline and field needs. Routes: `regions/:code/manage` and `targets/:id`.
 */

export { ManageRegionLink } from './manage-link';
export { ManageRegionPage } from './manage-page';
export { MANAGE_SECTIONS, type ManageSection, manageRegionPath } from './manage-paths';
export { TargetHistoryPage } from './target-history-page';
export { targetPath } from './targets-section';
