// The dashboard's trace metrics: what is asked (a range, a bucket width, a grouping, filters) and what comes back.
import { KaizenError } from '@kaizen/core';
import { isoToMicros } from '../rows/time.js';

export type TraceMetricsBucket = 'hour' | 'day';
export type TraceMetricsGroupBy = 'none' | 'promptVersion' | 'environment' | 'model';

export const TRACE_METRICS_GROUP_BYS: readonly TraceMetricsGroupBy[] = [
  'none',
  'promptVersion',
  'environment',
  'model',
];

/** More points than any chart can show; also what keeps one request's work bounded. */
export const MAX_METRICS_BUCKETS = 2000;
/** Series beyond these (the groups with the fewest traces) are summed into one `other` series. */
export const MAX_METRICS_GROUPS = 20;

export interface TraceMetricsQuery {
  /** ISO 8601; traces starting at or after. */
  readonly from: string;
  /** ISO 8601; traces starting before. */
  readonly to: string;
  readonly bucket: TraceMetricsBucket;
  readonly groupBy: TraceMetricsGroupBy;
  /** The trace's environment. */
  readonly environment?: string;
  /** The trace's prompt (its summary's: the first span naming one, root first). */
  readonly promptName?: string;
  /** Any span of the trace used this model. */
  readonly model?: string;
}

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

export interface TraceMetricsSeries {
  /**
   * The group's value: `promptName@version` (the name alone when the trace has no version), an environment or a
   * model. Null for traces without one, for `groupBy: 'none'`, and for the `other` series.
   */
  readonly group: string | null;
  /** True for the one series that sums the groups beyond MAX_METRICS_GROUPS. */
  readonly other: boolean;
  /** Buckets with at least one trace, oldest first; a bucket missing from the list had no trace. */
  readonly points: readonly TraceMetricsPoint[];
}

export interface TraceMetrics {
  readonly bucket: TraceMetricsBucket;
  readonly groupBy: TraceMetricsGroupBy;
  readonly from: string;
  readonly to: string;
  /** Most traces first; `other` last. */
  readonly series: readonly TraceMetricsSeries[];
}

/** Bucket widths in µs. Written into the SQL as literals (a fixed set): bound numbers are REAL in SQLite. */
export const METRICS_BUCKET_MICROS: Readonly<Record<TraceMetricsBucket, number>> = {
  hour: 3_600_000_000,
  day: 86_400_000_000,
};

/** A checked query: times in µs, the bucket count within bounds. */
export interface TraceMetricsFilter {
  readonly fromMicros: number;
  readonly toMicros: number;
  readonly bucket: TraceMetricsBucket;
  readonly groupBy: TraceMetricsGroupBy;
  readonly environment: string | null;
  readonly promptName: string | null;
  readonly model: string | null;
}

/**
 * @example
 * parseTraceMetricsQuery({ from: '2025-06-01T00:00:00Z', to: '2025-06-08T00:00:00Z', bucket: 'hour', groupBy: 'none' });
 */
export function parseTraceMetricsQuery(query: TraceMetricsQuery): TraceMetricsFilter {
  if (query.bucket !== 'hour' && query.bucket !== 'day') {
    throw new KaizenError('invalid_input', `bucket must be "hour" or "day", got "${String(query.bucket)}"`);
  }
  if (!TRACE_METRICS_GROUP_BYS.includes(query.groupBy)) {
    throw new KaizenError(
      'invalid_input',
      `groupBy must be one of ${TRACE_METRICS_GROUP_BYS.join(', ')}, got "${String(query.groupBy)}"`,
    );
  }
  const fromMicros = isoToMicros(query.from, 'from');
  const toMicros = isoToMicros(query.to, 'to');
  if (fromMicros >= toMicros) throw new KaizenError('invalid_input', 'from: must be before "to"');
  const width = METRICS_BUCKET_MICROS[query.bucket];
  const buckets = Math.floor((toMicros - 1) / width) - Math.floor(fromMicros / width) + 1;
  if (buckets > MAX_METRICS_BUCKETS) {
    throw new KaizenError(
      'invalid_input',
      `from–to covers ${buckets} ${query.bucket} buckets; at most ${MAX_METRICS_BUCKETS}: shorten the range or use a wider bucket`,
    );
  }
  return {
    fromMicros,
    toMicros,
    bucket: query.bucket,
    groupBy: query.groupBy,
    environment: query.environment ?? null,
    promptName: query.promptName ?? null,
    model: query.model ?? null,
  };
}
