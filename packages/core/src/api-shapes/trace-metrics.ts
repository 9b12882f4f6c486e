// The dashboard's trace metrics as `GET /api/metrics/timeseries` returns them: per bucket, per group.

/**
 * @example
 * const bucket: TraceMetricsBucket = 'hour';
 */
export type TraceMetricsBucket = 'hour' | 'day';

/**
 * @example
 * const groupBy: TraceMetricsGroupBy = 'promptVersion';
 */
export type TraceMetricsGroupBy = 'none' | 'promptVersion' | 'environment' | 'model';

/**
 * One bucket of one series.
 *
 * @example
 * const point: TraceMetricsPoint = { start: '2025-06-01T10:00:00.000Z', traces: 120, errors: 3, inputTokens: 96000,
 *   outputTokens: 11000, costUsd: 0.42, latencyAvgMs: 840, latencyP95Ms: 1900 };
 */
export interface TraceMetricsPoint {
  /** ISO 8601 start of the bucket (UTC), by the traces' start time. */
  readonly start: string;
  readonly traces: number;
  /** Traces with at least one span in error. */
  readonly errors: number;
  /** Sums over the traces; a trace without usage adds 0. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Null when no trace of the bucket has a known cost (no price for its models). */
  readonly costUsd: number | null;
  /** Mean trace duration (first span start to last span end). */
  readonly latencyAvgMs: number;
  /** 95th percentile of the trace durations, interpolated as Postgres' percentile_cont does. */
  readonly latencyP95Ms: number | null;
}

/**
 * The buckets of one group.
 *
 * @example
 * const label = (series: TraceMetricsSeries) => (series.other ? 'other' : (series.group ?? '(none)'));
 */
export interface TraceMetricsSeries {
  /**
   * The group's value: `promptName@version` (the name alone when the trace has no version), an environment or a
   * model. Null for traces without one, for `groupBy: 'none'`, and for the `other` series.
   */
  readonly group: string | null;
  /** True for the one series that sums the groups beyond the 20 busiest. */
  readonly other: boolean;
  /** Buckets with at least one trace, oldest first; a bucket missing from the list had no trace. */
  readonly points: readonly TraceMetricsPoint[];
}

/**
 * The whole answer.
 *
 * @example
 * const metrics: TraceMetrics = await (await fetch('/api/metrics/timeseries?from=…&to=…&bucket=hour')).json();
 * const total = metrics.series.flatMap((series) => series.points).reduce((sum, point) => sum + point.traces, 0);
 */
export interface TraceMetrics {
  readonly bucket: TraceMetricsBucket;
  readonly groupBy: TraceMetricsGroupBy;
  readonly from: string;
  readonly to: string;
  /** Most traces first; `other` last. */
  readonly series: readonly TraceMetricsSeries[];
}
