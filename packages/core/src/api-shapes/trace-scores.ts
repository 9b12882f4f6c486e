// A trace's scores and human labels as the API returns them (`GET /api/traces/:id/scores`, `…/labels`), and one
// bucket of the score time series the dashboard charts.
import type { CriterionResult } from '../evaluation/results.js';

/**
 * Who scored the trace: the online worker, or someone asking for it (`POST /api/traces/:id/scores`).
 *
 * @example
 * const source: ScoreSource = 'manual';
 */
export type ScoreSource = 'online' | 'manual';

/**
 * One evaluation of a trace by one evaluator version.
 *
 * @example
 * const failing = (score: TraceScore) => (score.passed ? [] : score.failedCriteria);
 */
export interface TraceScore {
  readonly traceId: string;
  readonly evaluatorName: string;
  readonly evaluatorVersion: number;
  readonly score: number | null;
  readonly passed: boolean;
  readonly label: string;
  readonly results: readonly CriterionResult[];
  readonly source: ScoreSource;
  /** ISO 8601. */
  readonly evaluatedAt: string;
  /** Ids of the criteria that failed, in checklist order. */
  readonly failedCriteria: readonly string[];
  /** Errored criteria. */
  readonly errors: number;
}

/**
 * A person's verdict on one criterion of one trace; one per (trace, evaluator, criterion).
 *
 * @example
 * const label: HumanLabel = { traceId, evaluatorName: 'extractor', criterionId: 'json', passed: false,
 *   note: 'trailing prose', author: 'ana', updatedAt: '2025-06-01T10:00:00.000Z' };
 */
export interface HumanLabel {
  readonly traceId: string;
  readonly evaluatorName: string;
  readonly criterionId: string;
  readonly passed: boolean;
  readonly note: string | null;
  readonly author: string | null;
  /** ISO 8601. */
  readonly updatedAt: string;
}

/**
 * One bucket of `GET /api/scores/timeseries`.
 *
 * @example
 * const point: ScoreSeriesPoint = { bucketStart: '2025-06-01T10:00:00.000Z', count: 40, meanScore: 0.8, passRate: 0.75 };
 */
export interface ScoreSeriesPoint {
  /** ISO 8601 start of the bucket (UTC), by the traces' start time. */
  readonly bucketStart: string;
  /** Scored traces in the bucket. */
  readonly count: number;
  /** Mean of the non-null scores; null when every score was null. */
  readonly meanScore: number | null;
  /** Share of the traces that passed. */
  readonly passRate: number;
}
