// Shapes of the optimization API (docs/api/optimizations.md), as the client sends and receives them.
import type {
  AcceptanceDecision,
  CallCost,
  CandidateStatus,
  OptimizationBudget,
  OptimizationResult,
  OptimizationSettings,
  OptimizationSpend,
  PromptEdit,
  SplitScore,
} from '@kaizen/core';

export type { OptimizationBudget, OptimizationSettings, OptimizationSpend, SplitReport } from '@kaizen/core';

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
 * `running` while the loop goes on; the loop's end states; `failed` (it threw); `interrupted` (the server stopped).
 *
 * @example
 * const finished = (['completed', 'plateau', 'budget-exhausted'] as OptimizationRunStatus[]).includes(run.status);
 */
export type OptimizationRunStatus =
  | 'running'
  | 'completed'
  | 'plateau'
  | 'budget-exhausted'
  | 'cancelled'
  | 'failed'
  | 'interrupted';

/**
 * What a run shows while it goes on.
 *
 * @example
 * const { bestCandidateId, bestValidationScore, candidates } = (await api.optimizations.get(id)).progress;
 */
export interface OptimizationProgress {
  readonly bestCandidateId: string | null;
  readonly bestValidationScore: number | null;
  readonly candidates: number;
}

/**
 * One optimization run: what it improves against what, how far it got, what it spent, and its result once finished.
 *
 * @example
 * const run: OptimizationRun = await api.optimizations.get(id);
 * if (run.result !== null) console.log(run.result.validation.before.score, '→', run.result.validation.after.score);
 */
export interface OptimizationRun {
  readonly id: string;
  readonly status: OptimizationRunStatus;
  readonly promptName: string;
  readonly startVersion: number;
  /** The prompt version of the best candidate, once the run has one other than the start. */
  readonly bestVersion: number | null;
  readonly datasetName: string;
  readonly datasetVersion: number;
  readonly evaluatorName: string;
  readonly evaluatorVersion: number;
  readonly model: string;
  readonly optimizerModel: string | null;
  /** True when either model is Kaizen's simulated one: the run measures the machinery, not a real model. */
  readonly simulated: boolean;
  /** Only the limits and settings the caller set; the loop's defaults apply to the rest. */
  readonly budget: OptimizationBudget;
  readonly settings: OptimizationSettings;
  /** The last round that ended (0 before the first). */
  readonly round: number;
  readonly spend: OptimizationSpend;
  readonly progress: OptimizationProgress;
  /** The loop's result without its candidates (read those with `candidates`); null until the run finishes. */
  readonly result: Omit<OptimizationResult, 'candidates'> | null;
  readonly error: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

/**
 * A prompt the run tried: the edit that made it, whether it was accepted and why, its scores and cost, the registry
 * version holding it, and unified diffs against its parent and against the start.
 *
 * @example
 * const { items } = await api.optimizations.candidates(id);
 * const best = items.find((candidate) => candidate.id === run.progress.bestCandidateId);
 * console.log(best?.diffFromStart);
 */
export interface OptimizationCandidate {
  /** `c0` (the start), `c1`, … the same on every rerun. */
  readonly id: string;
  readonly parentId: string | null;
  readonly round: number;
  readonly promptVersion: number | null;
  readonly status: CandidateStatus;
  readonly edit: PromptEdit | null;
  readonly promptTokens: number;
  readonly minibatch: { readonly score: number; readonly parentScore: number; readonly n: number } | null;
  readonly validation: SplitScore | null;
  readonly acceptance: AcceptanceDecision | null;
  readonly cost: CallCost;
  /** sha256 of the canonical content, as the prompt registry computes it. */
  readonly contentHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Unified diff of the whole prompt (template, examples, tools, schema, model, params) against the parent's. */
  readonly diffFromParent: string | null;
  /** Unified diff of the whole prompt against the start's; null for the start. */
  readonly diffFromStart: string | null;
}

/**
 * @example
 * const { items } = await api.optimizations.list({ promptName: 'extractor', status: 'running' });
 */
export interface OptimizationListQuery {
  readonly status?: OptimizationRunStatus;
  readonly promptName?: string;
  readonly limit?: number;
}
