// The experiment model: one prompt version run over one dataset version (and split) with one model and checklist,
// its per-item results, and the summary computed from them when it finishes.
import type { DatasetSplit, ExperimentCriterion, ExperimentItemRun } from '@kaizen/core';

export type { ExperimentCriterion } from '@kaizen/core';
/** An item's run as given to the store: core's shape, shared with the SDK. */
export type ExperimentItemInput = ExperimentItemRun;

export type ExperimentStatus = 'running' | 'completed' | 'failed';

export interface CreateExperimentInput {
  readonly name?: string | null;
  readonly promptName: string;
  readonly promptVersion: number;
  readonly datasetName: string;
  readonly datasetVersion: number;
  /** Null: every item of the version. */
  readonly datasetSplit: DatasetSplit | null;
  /** `provider:model`. */
  readonly model: string;
  /** True for Kaizen's simulated model: the results measure the machinery, not a real model. */
  readonly simulated: boolean;
  /** The checklist's name (`evaluators` key of kaizen.config.ts). */
  readonly evaluator: string;
  /** sha256 of the checklist definition, so runs with the same checklist can be found and compared. */
  readonly checklistHash: string;
  readonly criteria: readonly ExperimentCriterion[];
  readonly passThreshold: number;
  /** How it was run (params, judge model, cache, concurrency, prompt hash…), as provenance. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface ExperimentItemRecord extends ExperimentItemInput {
  /** Mirrors of the result, for tables. */
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly label: string | null;
}

export interface CriterionSummary {
  readonly criterionId: string;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  /** passed / (passed + failed); null when neither. */
  readonly passRate: number | null;
}

export interface ExperimentSummary {
  readonly items: number;
  /** Items whose model call failed. */
  readonly errors: number;
  /** Items with an errored criterion (a judge timeout, a check that threw). */
  readonly evaluationErrors: number;
  readonly passed: number;
  /** passed / items with a verdict (no call error, no errored criterion); null when none. */
  readonly passRate: number | null;
  readonly meanScore: number | null;
  readonly criteria: readonly CriterionSummary[];
  readonly cachedItems: number;
  /** Items that made a model call (not from the cache). */
  readonly modelCalls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Null when any answered item's cost is unknown (always for simulated models). */
  readonly costUsd: number | null;
  readonly meanLatencyMs: number | null;
  readonly p95LatencyMs: number | null;
}

export interface Experiment extends CreateExperimentInput {
  readonly id: string;
  readonly name: string | null;
  readonly status: ExperimentStatus;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Null until it finishes. */
  readonly summary: ExperimentSummary | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface ExperimentWithItems extends Experiment {
  /** In the order they were added. */
  readonly items: readonly ExperimentItemRecord[];
}

export interface ExperimentQuery {
  readonly promptName?: string;
  readonly promptVersion?: number;
  readonly datasetName?: string;
  readonly datasetVersion?: number;
  /** `all` matches experiments over every item (no split). */
  readonly datasetSplit?: DatasetSplit | 'all';
  readonly model?: string;
  readonly checklistHash?: string;
  readonly status?: ExperimentStatus;
  /** 1..200, default 50; newest first. */
  readonly limit?: number;
}

export interface FinishExperimentInput {
  readonly status: 'completed' | 'failed';
  readonly error?: string | null;
}
