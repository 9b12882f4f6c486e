// The optimization run model: one prompt version improved against a dataset version and an evaluator version, its
// progress while it runs, its result, and every candidate prompt it tried.
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

export const OPTIMIZATION_RUN_STATUSES = [
  'running',
  'completed',
  'plateau',
  'budget-exhausted',
  'cancelled',
  'failed',
  'interrupted',
] as const;
/** The loop's own end states, plus `running`, `failed` (it threw) and `interrupted` (the server stopped under it). */
export type OptimizationRunStatus = (typeof OPTIMIZATION_RUN_STATUSES)[number];

/** What a list shows while a run goes on. */
export interface OptimizationProgress {
  readonly bestCandidateId: string | null;
  readonly bestValidationScore: number | null;
  readonly candidates: number;
}

/** The loop's result without its candidates, which are stored (and read) one row each. */
export type StoredOptimizationResult = Omit<OptimizationResult, 'candidates'>;

export interface CreateOptimizationRunInput {
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
  /** True when either model is Kaizen's simulated one: the run measures the machinery, not a model. */
  readonly simulated: boolean;
  readonly budget: OptimizationBudget;
  readonly settings: OptimizationSettings;
}

export interface OptimizationRun extends CreateOptimizationRunInput {
  readonly id: string;
  readonly status: OptimizationRunStatus;
  /** The prompt version of the best candidate, once the run has one other than the start. */
  readonly bestVersion: number | null;
  /** The last round that ended (0 before the first). */
  readonly round: number;
  readonly spend: OptimizationSpend;
  readonly progress: OptimizationProgress;
  readonly result: StoredOptimizationResult | null;
  readonly error: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

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

/** A candidate as the loop reports it (core's CandidateRecord without its content) plus where its content lives. */
export interface OptimizationCandidateInput {
  /** `c0` (the start), `c1`, … the same on every rerun of the run. */
  readonly id: string;
  readonly parentId: string | null;
  readonly round: number;
  /** The prompt registry version holding the candidate's content; null until it is written there. */
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
}

export interface OptimizationCandidate extends OptimizationCandidateInput {
  readonly createdAt: string;
  readonly updatedAt: string;
}

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
