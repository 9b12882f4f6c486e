// Scores of traces by evaluators: one row per (trace, evaluator version), its per-criterion results, and aggregates.
// The shapes the API returns are core's.
import type { CriterionSummary, ScoreSeriesPoint, TraceScore } from '@kaizen/core';

export type { ScoreSeriesPoint, ScoreSource, TraceScore } from '@kaizen/core';

/** One trace's evaluation result, as written; the store derives the failed criteria and the error count. */
export type TraceScoreInput = Omit<TraceScore, 'failedCriteria' | 'errors'>;

/** What dataset building and experiments need of a trace's latest score. */
export interface LatestTraceScore {
  readonly evaluatorName: string;
  readonly evaluatorVersion: number;
  readonly score: number | null;
  readonly passed: boolean;
  readonly label: string;
  readonly failedCriteria: string[];
}

/** Which scores an aggregate covers: one evaluator, over traces of a view (the trace list's filters). */
export interface ScoreView {
  readonly evaluatorName: string;
  /** Only this version; otherwise each trace counts with its newest version's score. */
  readonly evaluatorVersion?: number;
  /** Any span of the trace carries this prompt (and version, on the same span). */
  readonly promptName?: string;
  readonly promptVersion?: string;
  readonly environment?: string;
  /** Any span of the trace used this model. */
  readonly model?: string;
  /** ISO 8601: traces starting at or after. */
  readonly from?: string;
  /** ISO 8601: traces starting before. */
  readonly to?: string;
}

export type ScoreBucket = 'hour' | 'day';

/** passed / (passed + failed); null when neither. Errors and skips are out, as in the score. */
export type CriterionPassRate = CriterionSummary;

/** Traces of a view still waiting for an evaluator's score (the online worker's catch-up after a restart). */
export interface UnscoredQuery {
  readonly evaluatorName: string;
  readonly environment: string | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
  /** ISO 8601: traces starting at or after. */
  readonly since: string;
  readonly limit: number;
}

export interface ScoreStore {
  /** Idempotent: scoring a trace again with the same evaluator version replaces the earlier score. */
  write(projectId: string, score: TraceScoreInput): Promise<TraceScore>;
  /** `write` for many scores in one transaction: all are written or none (a worker's batch of traces). */
  writeMany(projectId: string, scores: readonly TraceScoreInput[]): Promise<readonly TraceScore[]>;
  /** Every score of the trace, newest evaluation first. */
  listForTrace(projectId: string, traceId: string): Promise<readonly TraceScore[]>;
  /**
   * Per trace, its most recent score (of `evaluatorName` when given; ties → the higher version). Traces without a
   * score are absent from the map.
   */
  latestForTraces(
    projectId: string,
    traceIds: readonly string[],
    evaluatorName?: string,
  ): Promise<Map<string, LatestTraceScore>>;
  /** Buckets with at least one score, oldest first; aggregated in SQL. */
  timeSeries(projectId: string, view: ScoreView, bucket: ScoreBucket): Promise<readonly ScoreSeriesPoint[]>;
  /** Per criterion, its outcome counts over the view; ordered by criterion id. */
  criterionPassRates(projectId: string, view: ScoreView): Promise<readonly CriterionPassRate[]>;
  /** Trace ids, newest first. */
  unscoredTraces(projectId: string, query: UnscoredQuery): Promise<readonly string[]>;
}
