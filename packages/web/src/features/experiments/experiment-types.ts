// The experiment API's answers as the web app reads them (docs/api/datasets-experiments.md): core's shapes, as types.
import type { Experiment, Items } from '@kaizen/core';

export type {
  ComparedExperiments,
  CriterionComparison,
  CriterionResult,
  CriterionSummary,
  Experiment,
  ExperimentComparison,
  ExperimentCriterion,
  ExperimentItemRecord,
  ExperimentStatus,
  ExperimentSummary,
  ExperimentWithItems,
  FlipComparison,
  PassRateComparison,
} from '@kaizen/core';

/** GET /api/experiments */
export type ExperimentList = Items<Experiment>;

export function experimentPath(id: string): string {
  return `/api/experiments/${encodeURIComponent(id)}`;
}

/** `extractor@v3` */
export function promptAt(experiment: Pick<Experiment, 'promptName' | 'promptVersion'>): string {
  return `${experiment.promptName}@v${experiment.promptVersion}`;
}

/** `pages v2 · validation` */
export function datasetAt(experiment: Pick<Experiment, 'datasetName' | 'datasetVersion' | 'datasetSplit'>): string {
  return `${experiment.datasetName} v${experiment.datasetVersion} · ${experiment.datasetSplit ?? 'all splits'}`;
}

/** A short name for pickers and headings: the run's name, else prompt@version on model. */
export function experimentTitle(experiment: Experiment): string {
  return experiment.name ?? `${promptAt(experiment)} on ${experiment.model}`;
}
