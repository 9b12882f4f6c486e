// Shapes of the optimization API (docs/api/optimizations.md), as the client sends and receives them; what it receives
// is core's, shared with the store and the web app.
import type {
  OptimizationBudget,
  OptimizationCandidateView,
  OptimizationRunStatus,
  OptimizationSettings,
} from '@kaizen/core';

export type {
  OptimizationBudget,
  OptimizationProgress,
  OptimizationRun,
  OptimizationRunStatus,
  OptimizationSettings,
  OptimizationSpend,
  SplitReport,
} from '@kaizen/core';

/**
 * The body of `POST /api/optimizations`: which prompt version to improve (`version`, or the one `label` points at,
 * else the latest), against which dataset version and evaluator, with which models and limits.
 *
 * @example
 * const input: OptimizationStartInput = { prompt: 'extractor', label: 'production', dataset: 'pages',
 *   evaluator: 'extractor', model: 'sim:schemaorg', budget: { maxCandidateEvals: 300, maxUsd: 2 }, settings: { seed: 7 } };
 */
export interface OptimizationStartInput {
  readonly prompt: string;
  readonly version?: number;
  readonly label?: string;
  readonly dataset: string;
  readonly datasetVersion?: number;
  readonly evaluator: string;
  /** Default: the evaluator's latest version. */
  readonly evaluatorVersion?: number;
  /** `provider:model` of the task model; default the start version's model. */
  readonly model?: string;
  /**
   * `provider:model` that proposes edits by reflection; null for the deterministic operators only. Default: the
   * server's (`optimizerModel` in its kaizen.config.ts), else none.
   */
  readonly optimizerModel?: string | null;
  readonly budget?: OptimizationBudget;
  readonly settings?: OptimizationSettings;
}

/**
 * A prompt the run tried (core's OptimizationCandidateView): the edit that made it, whether it was accepted and why,
 * its scores and cost, the registry version holding it, and unified diffs against its parent and against the start.
 *
 * @example
 * const { items } = await api.optimizations.candidates(id);
 * const best = items.find((candidate) => candidate.id === run.progress.bestCandidateId);
 * console.log(best?.diffFromStart);
 */
export type OptimizationCandidate = OptimizationCandidateView;

/**
 * @example
 * const { items } = await api.optimizations.list({ promptName: 'extractor', status: 'running' });
 */
export interface OptimizationListQuery {
  readonly status?: OptimizationRunStatus;
  readonly promptName?: string;
  readonly limit?: number;
}
