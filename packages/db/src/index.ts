export * from './actor';
export * from './client';
export * from './data-version';
export * from './migrate';
export { OBJECTIVES } from './reference/objectives';
export { COUNTRY_MOVES, REGIONS } from './reference/regions';
export { type Relations, relations, tables } from './relations';
export * from './schema';
