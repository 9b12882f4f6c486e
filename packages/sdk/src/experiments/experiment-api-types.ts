// Shapes of the experiment and response-cache API (docs/api/datasets-experiments.md).
import type { DatasetSplit, ExperimentComparison, ExperimentCriterion, ExperimentItemRun } from '@kaizen/core';

export type { ExperimentCriterion } from '@kaizen/core';
/** One item's run: core's shape, shared with the store. */
export type ExperimentItem = ExperimentItemRun;

/**
 * What an experiment ran: prompt version × dataset version (and split) × model × checklist.
 *
 * @example
 * const header: ExperimentHeader = { promptName: 'extractor', promptVersion: 3, datasetName: 'pages', datasetVersion: 1,
 *   datasetSplit: 'validation', model: 'sim:schemaorg', simulated: true, evaluator: 'extractor', checklistHash, criteria, passThreshold: 0.8 };
 */
export interface ExperimentHeader {
  readonly name?: string | null;
  readonly promptName: string;
  readonly promptVersion: number;
  readonly datasetName: string;
  readonly datasetVersion: number;
  readonly datasetSplit: DatasetSplit | null;
  readonly model: string;
  /** Kaizen's simulated model: the results measure the machinery, not a real model. */
  readonly simulated: boolean;
  readonly evaluator: string;
  readonly checklistHash: string;
  readonly criteria: readonly ExperimentCriterion[];
  readonly passThreshold: number;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * @example
 * experiment.summary?.criteria.find((c) => c.criterionId === 'json')?.passRate; // 0.85
 */
export interface ExperimentSummary {
  readonly items: number;
  readonly errors: number;
  readonly evaluationErrors: number;
  readonly passed: number;
  readonly passRate: number | null;
  readonly meanScore: number | null;
  readonly criteria: readonly {
    readonly criterionId: string;
    readonly passed: number;
    readonly failed: number;
    readonly errored: number;
    readonly skipped: number;
    readonly passRate: number | null;
  }[];
  readonly cachedItems: number;
  readonly modelCalls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
  readonly meanLatencyMs: number | null;
  readonly p95LatencyMs: number | null;
}

/**
 * @example
 * const experiment: Experiment = await api.experiments.get(id, { items: false });
 */
export interface Experiment extends ExperimentHeader {
  readonly id: string;
  readonly name: string | null;
  readonly status: 'running' | 'completed' | 'failed';
  readonly settings: Readonly<Record<string, unknown>>;
  readonly summary: ExperimentSummary | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/**
 * @example
 * const run: ExperimentWithItems = await api.experiments.get(id);
 * run.items.filter((item) => item.result?.passed === false);
 */
export interface ExperimentWithItems extends Experiment {
  readonly items: readonly (ExperimentItem & {
    readonly score: number | null;
    readonly passed: boolean | null;
    readonly label: string | null;
  })[];
}

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
  readonly status?: 'running' | 'completed' | 'failed';
  readonly limit?: number;
}

/**
 * The answer of `GET /api/experiments/compare`.
 *
 * @example
 * const { comparison, warnings } = await api.experiments.compare(baselineId, candidateId);
 * comparison.criteria[0]?.comparison?.pValue;
 */
export interface ComparedExperiments {
  readonly baseline: Experiment;
  readonly candidate: Experiment;
  readonly simulated: boolean;
  readonly warnings: readonly string[];
  readonly comparison: ExperimentComparison;
}
