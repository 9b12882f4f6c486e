// The optimization API's shapes as this app reads them (docs/api/optimizations.md), built from core's types.
import type {
  AcceptanceDecision,
  CallCost,
  CandidateStatus,
  LabelEvent,
  OptimizationBudget,
  OptimizationResult,
  OptimizationSettings,
  OptimizationSpend,
  PromptEdit,
  SplitScore,
} from '@kaizen/core';

export type { CriterionChange, OptimizationBudget, OptimizationSpend, SplitReport } from '@kaizen/core';
export type { LabelEvent };

export type OptimizationRunStatus =
  | 'running'
  | 'completed'
  | 'plateau'
  | 'budget-exhausted'
  | 'cancelled'
  | 'failed'
  | 'interrupted';

export interface OptimizationProgress {
  readonly bestCandidateId: string | null;
  readonly bestValidationScore: number | null;
  readonly candidates: number;
}

export interface OptimizationRun {
  readonly id: string;
  readonly status: OptimizationRunStatus;
  readonly promptName: string;
  readonly startVersion: number;
  readonly bestVersion: number | null;
  readonly datasetName: string;
  readonly datasetVersion: number;
  readonly evaluatorName: string;
  readonly evaluatorVersion: number;
  readonly model: string;
  readonly optimizerModel: string | null;
  readonly simulated: boolean;
  readonly budget: OptimizationBudget;
  readonly settings: OptimizationSettings;
  readonly round: number;
  readonly spend: OptimizationSpend;
  readonly progress: OptimizationProgress;
  readonly result: Omit<OptimizationResult, 'candidates'> | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

export interface OptimizationCandidate {
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
  readonly contentHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly diffFromParent: string | null;
  readonly diffFromStart: string | null;
}

/** `GET /api/prompts/:name`, the part the label button reads. */
export interface PromptLabels {
  readonly name: string;
  readonly labels: Readonly<Record<string, number>>;
}
