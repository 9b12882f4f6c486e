// The insights' storage: reports kept with their view, and the scored traces a report is computed from.
import type { ScoreView } from '../evaluation/score-store.js';
import type { CreateInsightInput, Insight, InsightQuery, InsightSummary, ScoredTrace } from './insight-types.js';

export interface InsightStore {
  create(projectId: string, input: CreateInsightInput): Promise<Insight>;
  /** Null when the project has no report of that id. */
  get(projectId: string, id: string): Promise<Insight | null>;
  /** Newest first, without the reports. */
  list(projectId: string, query?: InsightQuery): Promise<readonly InsightSummary[]>;
  /**
   * The view's traces scored by its evaluator (each with its newest version's score), newest trace first, at most
   * `limit`.
   */
  scoredTracesOfView(projectId: string, view: ScoreView, limit: number): Promise<readonly ScoredTrace[]>;
  /** The latest score by `evaluatorName` of each of these traces; unscored traces are absent. */
  scoredTraces(projectId: string, traceIds: readonly string[], evaluatorName: string): Promise<readonly ScoredTrace[]>;
}
