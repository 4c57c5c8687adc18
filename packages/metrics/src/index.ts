export * from './catalog';
export { computeMetrics } from './engine';
export * from './periods';
export * from './query';
export { statusOf } from './status';
export { MAX_LIMIT, MAX_RANGE_DAYS, MetricsInputError, type MetricsInputErrorCode } from './validate';
