// The shapes of the aggregated endpoints the dashboard reads (the server's JSON; web imports no server types).
import type { Bucket, GroupBy } from './dashboard-controls';

/** One bucket of `GET /api/metrics/timeseries`. */
export interface MetricsPoint {
  /** ISO 8601 start of the bucket (UTC). */
  readonly start: string;
  readonly traces: number;
  readonly errors: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
  readonly latencyAvgMs: number;
  readonly latencyP95Ms: number | null;
}

export interface MetricsSeries {
  /**
   * The group's value: `promptName@version` (the name alone without a version), an environment or a model; null for
   * traces without one, for `groupBy=none` and for the `other` series.
   */
  readonly group: string | null;
  /** The one series that sums the groups beyond the server's 20 busiest. */
  readonly other: boolean;
  readonly points: readonly MetricsPoint[];
}

export interface MetricsTimeseries {
  readonly bucket: Bucket;
  readonly groupBy: GroupBy;
  readonly from: string;
  readonly to: string;
  /** Most traces first, `other` last; a bucket without traces is absent from its series. */
  readonly series: readonly MetricsSeries[];
}

/** One bucket of `GET /api/scores/timeseries`. */
export interface ScorePoint {
  readonly bucketStart: string;
  readonly count: number;
  readonly meanScore: number | null;
  readonly passRate: number;
}

export interface ScoreTimeseries {
  readonly evaluatorName: string;
  readonly bucket: Bucket;
  readonly points: readonly ScorePoint[];
}

export interface EvaluatorSummary {
  readonly name: string;
  readonly latestVersion: number;
}

export interface PromptSummary {
  readonly name: string;
  readonly latestVersion: number;
  readonly labels: Readonly<Record<string, number>>;
}
