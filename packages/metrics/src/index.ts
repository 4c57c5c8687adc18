export * from './catalog';
export { type BeforeRows, computeMetrics, computeRows } from './engine';
export { answerFromFactTables } from './fact-tables-only';
export {
  averageOfOthers,
  computeKeyFigures,
  figureIn,
  type KeyFigureRequest,
  lastDayWithData,
  rankAndShare,
  worstStatus,
} from './key-figures';
export * from './periods';
export { type PipelineStage, pipelineByStage } from './pipeline';
export * from './query';
export { computeTargets, type PreparedTargets, prepareTargets } from './query-targets';
export { statusOf } from './status';
export { MAX_LIMIT, MAX_RANGE_DAYS, MetricsInputError, type MetricsInputErrorCode } from './validate';
