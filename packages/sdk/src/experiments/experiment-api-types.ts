// Shapes of the experiment and response-cache API (docs/api/datasets-experiments.md).
import type { ChecklistResult, ExperimentComparison } from '@kaizen/core';
import type { DatasetSplit } from './dataset-api-types.js';

/**
 * A criterion as an experiment ran it.
 *
 * @example
 * const criterion: ExperimentCriterion = { id: 'json', description: 'JSON only', weight: 2, kind: 'json_valid' };
 */
export interface ExperimentCriterion {
  readonly id: string;
  readonly description: string;
  readonly weight: number;
  readonly kind: string;
}

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
 * One item's run: the output, the checklist's verdict, and what the call cost.
 *
 * @example
 * const item: ExperimentItem = { itemId: 'p1', output: '{…}', error: null, cached: true, result, inputTokens: 812,
 *   outputTokens: 95, costUsd: null, latencyMs: 3.1 };
 */
export interface ExperimentItem {
  readonly itemId: string;
  readonly output: string | null;
  /** Why the model call failed after its retries; such an item has no result. */
  readonly error: string | null;
  /** Answered from the response cache, without a model call. */
  readonly cached: boolean;
  readonly result: ChecklistResult | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  readonly latencyMs: number | null;
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
