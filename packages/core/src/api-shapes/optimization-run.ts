// An optimization run as the API returns it (docs/api/optimizations.md): what it improves against what, how far it
// got, what it spent, and its result once finished. The store keeps runs in this shape.
import type {
  OptimizationBudget,
  OptimizationResult,
  OptimizationSettings,
  OptimizationSpend,
} from '../optimization/loop/optimization-types.js';

export const OPTIMIZATION_RUN_STATUSES = [
  'running',
  'completed',
  'plateau',
  'budget-exhausted',
  'cancelled',
  'failed',
  'interrupted',
] as const;
/**
 * `running` while the loop goes on; the loop's end states; `failed` (it threw); `interrupted` (the server stopped
 * under it).
 *
 * @example
 * const finished = (['completed', 'plateau', 'budget-exhausted'] as OptimizationRunStatus[]).includes(run.status);
 */
export type OptimizationRunStatus = (typeof OPTIMIZATION_RUN_STATUSES)[number];

/**
 * What a run shows while it goes on.
 *
 * @example
 * const progress: OptimizationProgress = { bestCandidateId: 'c3', bestValidationScore: 0.82, candidates: 7 };
 */
export interface OptimizationProgress {
  readonly bestCandidateId: string | null;
  readonly bestValidationScore: number | null;
  readonly candidates: number;
}

/**
 * The loop's result without its candidates, which are stored (and read) one by one.
 *
 * @example
 * const gain = (result: OptimizationRunResult) => result.validation.after.score - result.validation.before.score;
 */
export type OptimizationRunResult = Omit<OptimizationResult, 'candidates'>;

/**
 * What a run improves, against what, with which models and limits: fixed when the run is created.
 *
 * @example
 * const setup: OptimizationRunSetup = { promptName: 'extractor', startVersion: 3, datasetName: 'pages',
 *   datasetVersion: 2, evaluatorName: 'extractor', evaluatorVersion: 1, model: 'sim:schemaorg', optimizerModel: null,
 *   simulated: true, budget: { maxCandidateEvals: 300 }, settings: { seed: 7 } };
 */
export interface OptimizationRunSetup {
  readonly promptName: string;
  readonly startVersion: number;
  readonly datasetName: string;
  readonly datasetVersion: number;
  readonly evaluatorName: string;
  readonly evaluatorVersion: number;
  /** `provider:model` of the task model. */
  readonly model: string;
  /** `provider:model` of the optimizer model; null: no reflection, deterministic operators only. */
  readonly optimizerModel: string | null;
  /** True when either model is Kaizen's simulated one: the run measures the machinery, not a real model. */
  readonly simulated: boolean;
  /** Only the limits and settings the caller set; the loop's defaults apply to the rest. */
  readonly budget: OptimizationBudget;
  readonly settings: OptimizationSettings;
}

/**
 * One optimization run (`GET /api/optimizations/:id`).
 *
 * @example
 * const run: OptimizationRun = await (await fetch(`/api/optimizations/${id}`)).json();
 * if (run.result !== null) console.log(run.result.validation.before.score, '→', run.result.validation.after.score);
 */
export interface OptimizationRun extends OptimizationRunSetup {
  readonly id: string;
  readonly status: OptimizationRunStatus;
  /** The prompt version of the best candidate, once the run has one other than the start. */
  readonly bestVersion: number | null;
  /** The last round that ended (0 before the first). */
  readonly round: number;
  readonly spend: OptimizationSpend;
  readonly progress: OptimizationProgress;
  /** Null until the run finishes; its candidates are read on their own. */
  readonly result: OptimizationRunResult | null;
  readonly error: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}
