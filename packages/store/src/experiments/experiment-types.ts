// The experiment model: one prompt version run over one dataset version (and split) with one model and checklist,
// its per-item results, and the summary computed from them when it finishes. The shapes the API returns are core's.
import type { DatasetSplit, ExperimentHeader, ExperimentItemRun, ExperimentStatus } from '@kaizen/core';

export type {
  CriterionSummary,
  Experiment,
  ExperimentCriterion,
  ExperimentItemRecord,
  ExperimentStatus,
  ExperimentSummary,
  ExperimentWithItems,
} from '@kaizen/core';
/** An item's run as given to the store: core's shape, shared with the SDK. */
export type ExperimentItemInput = ExperimentItemRun;

/** What a new experiment is created with (the body of `POST /api/experiments`). */
export type CreateExperimentInput = ExperimentHeader;

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
