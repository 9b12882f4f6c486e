// The optimization loop's inputs, ports and outputs: what a caller gives, what it plugs in, what it gets back.
import type { DatasetItem } from '../../datasets/dataset.js';
import type { Criterion } from '../../evaluation/checklist.js';
import type { CriterionStatus } from '../../evaluation/results.js';
import type { ModelPortRequest, ModelPortResponse } from '../../ports/model-port.js';
import type { PromptContent } from '../../prompts/prompt.js';
import type { PromptEdit } from '../operators/candidate.js';

/**
 * Limits of one run; every limit left out is unlimited except rounds (default 6) and plateau (default 2).
 * `maxCandidateEvals` counts (candidate, item) evaluations during the search — GEPA's "metric calls" — never the
 * final holdout report. `maxCalls`, `maxTokens` and `maxUsd` count everything paid for, holdout report included,
 * which is reserved up front so the report never pushes a run over its limit.
 * @example
 * const budget: OptimizationBudget = { maxCandidateEvals: 300, maxUsd: 2, maxRounds: 5 };
 */
export interface OptimizationBudget {
  readonly maxCandidateEvals?: number;
  /** Model calls of every kind: task model and optimizer model (and the judge, as the evaluate port counts it). */
  readonly maxCalls?: number;
  /** Input + output tokens of every call. */
  readonly maxTokens?: number;
  readonly maxUsd?: number;
  readonly maxRounds?: number;
  /** Stop after this many rounds in a row without an accepted candidate. */
  readonly plateauRounds?: number;
}

/** The operators the loop may use; all by default (`reflect` only with an optimizer port). */
export const OPTIMIZATION_OPERATORS = ['reflect', 'criterion-to-instruction', 'few-shot', 'ablate', 'merge'] as const;
export type OptimizationOperator = (typeof OPTIMIZATION_OPERATORS)[number];

export interface OptimizationSettings {
  /** Seeds every sampling decision (minibatches, example picks). Default 0. */
  readonly seed?: number;
  /**
   * Train items a proposal aimed at a cause is tried on before it may spend a validation run: three quarters of
   * them (rounded up) failing the cause, the rest others, or others when too few fail. The check is "does it fix
   * something", which a few failing items show; whether it breaks passing items is the validation guard's question
   * (item by item, per criterion). Default 3: all three failing the cause, as GEPA's minibatch of 3.
   */
  readonly minibatchSize?: number;
  /**
   * Train items a shorter prompt (a block ablation) is tried on: the check is "no loss" on items it may break, which
   * needs more of them. Default 6.
   */
  readonly compressionMinibatchSize?: number;
  /**
   * Root causes attacked per round, by lost score; a cause whose proposals are all in the prompt already (or were
   * tried) costs no task call and does not count. Default 5.
   */
  readonly causesPerRound?: number;
  /** Significance level of the acceptance tests. Default 0.05. */
  readonly alpha?: number;
  /**
   * A criterion whose validation pass rate falls by at least this much blocks acceptance even when the fall is not
   * significant on a small split. Default 0.25: lower, and the fresh noise every new prompt brings (a real model's
   * too) blocks real gains on a 30-item split.
   */
  readonly maxCriterionDrop?: number;
  /** A shorter candidate counts as "equal" when its validation score is at most this much lower. Default 0. */
  readonly compressionTolerance?: number;
  readonly operators?: readonly OptimizationOperator[];
  /** Train items the search runs on (RCA, minibatches, examples), a seeded sample of the train split. Default 30. */
  readonly rcaSampleSize?: number;
  /**
   * Looks of the sequential validation test: the split is read in this many chunks and a candidate can be accepted
   * (exact sign test with error spending, `signThresholds`) or dropped after each. Default 6; 1 tests on the whole
   * split at once.
   */
  readonly validationLooks?: number;
}

/**
 * One item's evaluation as the loop needs it.
 * @example
 * const item: EvaluatedItem = { itemId: 'p1', score: 0.5, passed: false, statuses: { json: 'failed', type: 'passed' },
 *   rationales: { json: 'output is not valid JSON' }, output: 'Here is…', error: null };
 */
export interface EvaluatedItem {
  readonly itemId: string;
  /** Null when the model call failed or no criterion was passed or failed: the item is left out of means. */
  readonly score: number | null;
  readonly passed: boolean;
  readonly statuses: Readonly<Record<string, CriterionStatus>>;
  readonly rationales: Readonly<Record<string, string>>;
  readonly output: string | null;
  readonly error: string | null;
}

/** What some calls cost. `calls` counts every answer used, `paidCalls` only those not served from a cache. */
export interface CallCost {
  readonly calls: number;
  readonly paidCalls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
}

export interface EvaluationBatch {
  /** One per requested item, in the requested order. */
  readonly items: readonly EvaluatedItem[];
  readonly cost: CallCost;
}

/** The optimizer model: a ModelPort that also says what the call cost. */
export interface OptimizerPort {
  generate(request: ModelPortRequest): Promise<ModelPortResponse & { readonly cost: CallCost }>;
}

/**
 * Where the loop meets the outside world. `evaluate` runs the task model with a candidate on items and scores the
 * answers with the checklist; implementations should cache answers by request, so that a resumed run repeats no
 * paid call (the loop is deterministic: the same inputs make the same requests in the same order).
 */
export interface OptimizationPorts {
  evaluate(content: PromptContent, items: readonly DatasetItem[]): Promise<EvaluationBatch>;
  readonly optimizer?: OptimizerPort;
  /** Awaited before the loop goes on, so a store can persist each step (the checkpoint) in order. */
  onEvent?(event: OptimizationEvent): void | Promise<void>;
  /** Aborting stops the loop between steps with status `cancelled`. */
  readonly signal?: { readonly aborted: boolean };
}

/**
 * @example
 * const input: OptimizationInput = { start, criteria: checklist.criteria, passThreshold: checklist.passThreshold,
 *   items: { train, validation, holdout }, budget: { maxCandidateEvals: 300 } };
 */
export interface OptimizationInput {
  readonly start: PromptContent;
  readonly criteria: readonly Criterion[];
  readonly items: {
    readonly train: readonly DatasetItem[];
    readonly validation: readonly DatasetItem[];
    readonly holdout: readonly DatasetItem[];
  };
  readonly budget: OptimizationBudget;
  readonly settings?: OptimizationSettings;
}

/** Per-criterion pass rate over the items where the criterion passed or failed. */
export interface CriterionRate {
  readonly passRate: number;
  readonly n: number;
}

/** A candidate's results on one split. */
export interface SplitScore {
  /** Mean item score (items with a null score left out). */
  readonly score: number;
  /** Share of items whose checklist passed. */
  readonly passRate: number;
  readonly n: number;
  readonly criteria: Readonly<Record<string, CriterionRate>>;
}

export interface CriterionRegression {
  readonly criterionId: string;
  readonly before: number;
  readonly after: number;
  /** Items passing before and failing after, and the reverse. */
  readonly broke: number;
  readonly fixed: number;
  /** One-sided exact McNemar p-value for "the pass rate fell". */
  readonly pValue: number;
}

/** Why a candidate was or was not accepted, with the paired evidence. */
export interface AcceptanceDecision {
  readonly accepted: boolean;
  /** `improvement`: better score; `compression`: equal score, fewer prompt tokens. */
  readonly kind: 'improvement' | 'compression' | null;
  readonly reason: string;
  readonly scoreBefore: number;
  readonly scoreAfter: number;
  /** Items scoring higher / lower than under the current best. */
  readonly wins: number;
  readonly losses: number;
  /** One-sided exact sign test on wins vs losses (for an improvement: "better"; for compression: "worse"). */
  readonly pValue: number;
  /** Criteria that blocked acceptance. */
  readonly regressions: readonly CriterionRegression[];
}

export type CandidateStatus = 'start' | 'proposed' | 'rejected-minibatch' | 'rejected' | 'accepted' | 'not-evaluated';

/**
 * Every prompt the run tried: its parent, the edit and operator that made it, the cause it aimed at, its scores
 * and what it cost. Ids are `c0` (the start), `c1`, … in creation order, the same on every rerun.
 */
export interface CandidateRecord {
  readonly id: string;
  readonly parentId: string | null;
  readonly round: number;
  readonly content: PromptContent;
  /** Null for the start prompt. */
  readonly edit: PromptEdit | null;
  readonly promptTokens: number;
  readonly status: CandidateStatus;
  readonly minibatch: { readonly score: number; readonly parentScore: number; readonly n: number } | null;
  readonly validation: SplitScore | null;
  readonly acceptance: AcceptanceDecision | null;
  /** What evaluating this candidate (and proposing it, for a reflection) cost. */
  readonly cost: CallCost;
}

/** What the run has spent so far. */
export interface OptimizationSpend extends CallCost {
  readonly candidateEvals: number;
  /** Calls made for the optimizer model (included in `calls`). */
  readonly optimizerCalls: number;
}

export type OptimizationStatus = 'completed' | 'plateau' | 'budget-exhausted' | 'cancelled';

/** Per criterion, start vs best on one split, with the paired test. */
export interface CriterionChange {
  readonly criterionId: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly n: number;
  readonly broke: number;
  readonly fixed: number;
  /** Two-sided exact McNemar. */
  readonly pValue: number;
  /** The pass rate fell significantly (one-sided p < alpha). */
  readonly regressed: boolean;
}

export interface SplitReport {
  readonly before: SplitScore;
  readonly after: SplitScore;
  readonly criteria: readonly CriterionChange[];
  /** Items that passed under the start prompt and fail under the best one. */
  readonly itemsBroken: number;
  readonly itemsFixed: number;
}

export interface OptimizationResult {
  readonly status: OptimizationStatus;
  readonly rounds: number;
  readonly startId: string;
  readonly bestId: string;
  readonly candidates: readonly CandidateRecord[];
  /** Ids of validated candidates no other validated candidate beats on both score and prompt tokens. */
  readonly paretoFront: readonly string[];
  readonly validation: SplitReport;
  /** Measured once, at the end, never used for selection; null when the dataset has no holdout items. */
  readonly holdout: SplitReport | null;
  readonly spend: OptimizationSpend;
}

/** Typed lifecycle events, for progress displays and checkpoints; emitted in order and awaited. */
export type OptimizationEvent =
  | { readonly type: 'round-start'; readonly round: number; readonly causes: readonly string[] }
  | { readonly type: 'candidate'; readonly candidate: CandidateRecord }
  | { readonly type: 'evaluation-start'; readonly candidateId: string; readonly split: string; readonly items: number }
  | { readonly type: 'evaluation-end'; readonly candidateId: string; readonly split: string; readonly score: number }
  | {
      readonly type: 'optimization-round-end';
      readonly round: number;
      readonly bestId: string;
      readonly bestScore: number;
      readonly accepted: readonly string[];
      readonly spend: OptimizationSpend;
    }
  | { readonly type: 'optimization-end'; readonly result: OptimizationResult };
