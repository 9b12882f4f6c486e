// Shapes of the experiment and response-cache API (docs/api/datasets-experiments.md); what it receives is core's,
// shared with the store and the web app.
import type { DatasetSplit, ExperimentItemRun, ExperimentStatus } from '@kaizen/core';

export type {
  ComparedExperiments,
  CriterionSummary,
  Experiment,
  ExperimentCriterion,
  ExperimentHeader,
  ExperimentItemRecord,
  ExperimentStatus,
  ExperimentSummary,
  ExperimentWithItems,
} from '@kaizen/core';

/** One item's run: core's shape, shared with the store. */
export type ExperimentItem = ExperimentItemRun;

/**
 * @example
 * const query: ExperimentListQuery = { promptName: 'extractor', promptVersion: 2, split: 'validation', status: 'completed' };
 */
export interface ExperimentListQuery {
  readonly promptName?: string;
  readonly promptVersion?: number;
  readonly datasetName?: string;
  readonly datasetVersion?: number;
  /** `all`: experiments over every item (no split). */
  readonly split?: DatasetSplit | 'all';
  readonly model?: string;
  readonly checklistHash?: string;
  readonly status?: ExperimentStatus;
  readonly limit?: number;
}
