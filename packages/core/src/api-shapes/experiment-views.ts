// Experiments as the API returns them (docs/api/datasets-experiments.md): what was run, the summary computed when it
// finished, its items, and two runs compared. The per-item run shape is in ../datasets/dataset.ts.
import type { DatasetSplit, ExperimentCriterion, ExperimentItemRun } from '../datasets/dataset.js';
import type { ExperimentComparison } from '../statistics/compare-experiments.js';

/**
 * @example
 * const done = (status: ExperimentStatus) => status !== 'running';
 */
export type ExperimentStatus = 'running' | 'completed' | 'failed';

/**
 * What an experiment ran: prompt version × dataset version (and split) × model × checklist (the body that creates one).
 *
 * @example
 * const header: ExperimentHeader = { promptName: 'extractor', promptVersion: 3, datasetName: 'pages', datasetVersion: 1,
 *   datasetSplit: 'validation', model: 'sim:schemaorg', simulated: true, evaluator: 'extractor', checklistHash, criteria,
 *   passThreshold: 0.8 };
 */
export interface ExperimentHeader {
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

/**
 * One criterion's counts over a set of items: an experiment's, or the scored traces of a view
 * (`GET /api/scores/criteria`).
 *
 * @example
 * const summary: CriterionSummary = { criterionId: 'json', passed: 17, failed: 3, errored: 0, skipped: 0, passRate: 0.85 };
 */
export interface CriterionSummary {
  readonly criterionId: string;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  /** passed / (passed + failed); null when neither. */
  readonly passRate: number | null;
}

/**
 * What an experiment's items add up to, computed when it finishes.
 *
 * @example
 * experiment.summary?.criteria.find((criterion) => criterion.criterionId === 'json')?.passRate; // 0.85
 */
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

/**
 * One experiment, without its items (`GET /api/experiments`, `?items=false`).
 *
 * @example
 * const failing = (experiment: Experiment) => experiment.summary !== null && experiment.summary.passRate === 0;
 */
export interface Experiment extends ExperimentHeader {
  readonly id: string;
  readonly name: string | null;
  readonly status: ExperimentStatus;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Null until it finishes. */
  readonly summary: ExperimentSummary | null;
  readonly error: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/**
 * An item's run as stored, with mirrors of its result for tables.
 *
 * @example
 * const failed = items.filter((item: ExperimentItemRecord) => item.passed === false);
 */
export interface ExperimentItemRecord extends ExperimentItemRun {
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly label: string | null;
}

/**
 * `GET /api/experiments/:id`: the experiment and its items, in the order they were added.
 *
 * @example
 * const run: ExperimentWithItems = await (await fetch(`/api/experiments/${id}`)).json();
 * run.items.filter((item) => item.result?.passed === false);
 */
export interface ExperimentWithItems extends Experiment {
  readonly items: readonly ExperimentItemRecord[];
}

/**
 * `GET /api/experiments/compare`: two runs and the paired comparison of their items.
 *
 * @example
 * const { comparison, warnings } = compared;
 * comparison.criteria[0]?.comparison?.pValue;
 */
export interface ComparedExperiments {
  readonly baseline: Experiment;
  readonly candidate: Experiment;
  /** Either run used Kaizen's simulated model. */
  readonly simulated: boolean;
  readonly warnings: readonly string[];
  readonly comparison: ExperimentComparison;
}
