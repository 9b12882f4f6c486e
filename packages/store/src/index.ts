// Public surface of @kaizen/store: the interface, the factory that picks a backend, API key helpers, span encoding.
export * from './api-keys.js';
export * from './cache/index.js';
export * from './datasets/index.js';
export * from './evaluation/index.js';
export * from './experiments/index.js';
export * from './insights/index.js';
export * from './open-store.js';
export * from './optimizations/index.js';
export * from './prompts/index.js';
export {
  MAX_METRICS_BUCKETS,
  MAX_METRICS_GROUPS,
  TRACE_METRICS_GROUP_BYS,
  type TraceMetrics,
  type TraceMetricsBucket,
  type TraceMetricsGroupBy,
  type TraceMetricsPoint,
  type TraceMetricsQuery,
  type TraceMetricsSeries,
} from './query/trace-metrics-query.js';
export type { RetentionResult, SpanRetention } from './retention/span-retention.js';
export { type EncodedSpans, type EncodedTrace, encodeSpans, type SpansToInsert } from './rows/encode-spans.js';
export * from './store.js';
