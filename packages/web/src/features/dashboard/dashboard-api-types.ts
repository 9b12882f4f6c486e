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
  readonly latencyAvgMs: number | null;
  readonly latencyP95Ms: number | null;
}

export interface MetricsSeries {
  /** The group's value; null for traces without one (and the one series of `groupBy=none`). */
  readonly group: string | null;
  readonly points: readonly MetricsPoint[];
}

export interface MetricsTimeseries {
  readonly bucket: Bucket;
  readonly groupBy: GroupBy;
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
