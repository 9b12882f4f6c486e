// The shapes of the aggregated endpoints the dashboard reads (the server's JSON; web imports no server types). The
// trace metrics and prompt list are core's, imported as types.
import type { Bucket } from './dashboard-controls';

export type { PromptSummary, TraceMetrics, TraceMetricsPoint, TraceMetricsSeries } from '@kaizen/core';

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
