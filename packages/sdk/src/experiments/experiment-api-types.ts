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

/**
 * The body of `POST /api/experiments/runs`: an experiment the server runs (prompt version × dataset version and split
 * × stored evaluator version × model). The answer is the experiment, `running`; poll `api.experiments.get(id)`.
 *
 * @example
 * const input: StartExperimentRunInput = { prompt: { name: 'extractor', label: 'production' },
 *   dataset: { name: 'pages', split: 'validation' }, evaluator: { name: 'extractor' }, model: 'sim:schemaorg' };
 */
export interface StartExperimentRunInput {
  readonly name?: string | null;
  /** A version, or the version a label points at; the latest version with neither. */
  readonly prompt: { readonly name: string; readonly version?: number; readonly label?: string };
  /** Default: the latest version, every split. */
  readonly dataset: { readonly name: string; readonly version?: number; readonly split?: DatasetSplit | null };
  /** An evaluator registered on the server (`kaizen evaluators push`); default its latest version. */
  readonly evaluator: { readonly name: string; readonly version?: number };
  /** `provider:model`; the server needs its API key. */
  readonly model: string;
  /** Items in flight at once, 1 to 64. Default 4. */
  readonly concurrency?: number;
}
