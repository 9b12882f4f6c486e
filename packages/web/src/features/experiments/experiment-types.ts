// The experiment API's answers as the web app reads them (docs/api/datasets-experiments.md); result and comparison
// shapes come from core.
import type { DatasetSplit, ExperimentComparison, ExperimentCriterion, ExperimentItemRun } from '@kaizen/core';

export type {
  CriterionComparison,
  CriterionResult,
  ExperimentComparison,
  ExperimentCriterion,
  FlipComparison,
  PassRateComparison,
} from '@kaizen/core';

export type ExperimentStatus = 'running' | 'completed' | 'failed';

export interface CriterionSummary {
  readonly criterionId: string;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  readonly passRate: number | null;
}

export interface ExperimentSummary {
  readonly items: number;
  readonly errors: number;
  readonly evaluationErrors: number;
  readonly passed: number;
  readonly passRate: number | null;
  readonly meanScore: number | null;
  readonly criteria: readonly CriterionSummary[];
  readonly cachedItems: number;
  readonly modelCalls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
  readonly meanLatencyMs: number | null;
  readonly p95LatencyMs: number | null;
}

export interface Experiment {
  readonly id: string;
  readonly name: string | null;
  readonly promptName: string;
  readonly promptVersion: number;
  readonly datasetName: string;
  readonly datasetVersion: number;
  readonly datasetSplit: DatasetSplit | null;
  readonly model: string;
  readonly simulated: boolean;
  readonly evaluator: string;
  readonly checklistHash: string;
  readonly criteria: readonly ExperimentCriterion[];
  readonly passThreshold: number;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly status: ExperimentStatus;
  readonly summary: ExperimentSummary | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface ExperimentItem extends ExperimentItemRun {
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly label: string | null;
}

/** GET /api/experiments/:id */
export interface ExperimentWithItems extends Experiment {
  readonly items: readonly ExperimentItem[];
}

/** GET /api/experiments */
export interface ExperimentList {
  readonly items: readonly Experiment[];
}

/** GET /api/experiments/compare */
export interface ComparisonAnswer {
  readonly baseline: Experiment;
  readonly candidate: Experiment;
  readonly simulated: boolean;
  readonly warnings: readonly string[];
  readonly comparison: ExperimentComparison;
}

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
