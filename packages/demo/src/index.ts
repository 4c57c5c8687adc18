export {
  DEFAULT_CONTRIBUTIONS,
  DEFAULT_SEED,
  DemoDataError,
  type SeedOptions,
  type SeedSummary,
  seedDemoData,
} from './seed';
export { DEMO_TABLES, type DemoTable, type TableCounts } from './tables';
