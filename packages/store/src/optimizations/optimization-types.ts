// The optimization run model: one prompt version improved against a dataset version and an evaluator version, its
// progress while it runs, its result, and every candidate prompt it tried. Runs and candidates are core's API shapes.
import type {
  OptimizationCandidate,
  OptimizationProgress,
  OptimizationRunResult,
  OptimizationRunSetup,
  OptimizationRunStatus,
  OptimizationSpend,
} from '@kaizen/core';

export {
  OPTIMIZATION_RUN_STATUSES,
  type OptimizationCandidate,
  type OptimizationProgress,
  type OptimizationRun,
  type OptimizationRunStatus,
} from '@kaizen/core';

/** The loop's result without its candidates, which are stored (and read) one row each. */
export type StoredOptimizationResult = OptimizationRunResult;

/** What a new run is created with. */
export type CreateOptimizationRunInput = OptimizationRunSetup;

/** The fields `update` may change; absent fields keep their value. */
export interface OptimizationRunPatch {
  readonly status?: OptimizationRunStatus;
  readonly bestVersion?: number | null;
  readonly round?: number;
  readonly spend?: OptimizationSpend;
  readonly progress?: OptimizationProgress;
  readonly result?: StoredOptimizationResult | null;
  readonly error?: string | null;
  readonly finishedAt?: string | null;
}

export interface OptimizationRunQuery {
  readonly status?: OptimizationRunStatus;
  readonly promptName?: string;
  /** 1..200, default 50; newest first. */
  readonly limit?: number;
}

/** A candidate as written: the store sets its timestamps. */
export type OptimizationCandidateInput = Omit<OptimizationCandidate, 'createdAt' | 'updatedAt'>;

/** Spend of a run that has not spent anything yet. */
export const NO_OPTIMIZATION_SPEND: OptimizationSpend = {
  calls: 0,
  paidCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  candidateEvals: 0,
  optimizerCalls: 0,
};
