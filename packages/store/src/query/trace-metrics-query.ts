// The dashboard's trace metrics: what is asked (a range, a bucket width, a grouping, filters) and what comes back.
import { KaizenError, type TraceMetricsBucket, type TraceMetricsGroupBy } from '@kaizen/core';
import { isoToMicros } from '../rows/time.js';

// What comes back is core's API shape, shared with the web app's dashboard.
export type {
  TraceMetrics,
  TraceMetricsBucket,
  TraceMetricsGroupBy,
  TraceMetricsPoint,
  TraceMetricsSeries,
} from '@kaizen/core';

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
