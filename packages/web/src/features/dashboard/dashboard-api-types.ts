// The shapes of the aggregated endpoints the dashboard reads (the server's JSON; web imports no server types). The
// trace metrics, score points and prompt list are core's, imported as types.
import type { ScoreSeriesPoint } from '@kaizen/core';
import type { Bucket } from './dashboard-controls';

export type { PromptSummary, TraceMetrics, TraceMetricsPoint, TraceMetricsSeries } from '@kaizen/core';

export interface ScoreTimeseries {
  readonly evaluatorName: string;
  readonly bucket: Bucket;
  readonly points: readonly ScoreSeriesPoint[];
}

export interface EvaluatorSummary {
  readonly name: string;
  readonly latestVersion: number;
}
