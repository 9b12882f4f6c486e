// Row shapes of the experiment tables and their conversion to the experiment model.
import type { ChecklistResult } from '@kaizen/core';
import type { DatasetSplit } from '../datasets/dataset-types.js';
import type {
  Experiment,
  ExperimentCriterion,
  ExperimentItemInput,
  ExperimentItemRecord,
  ExperimentStatus,
  ExperimentSummary,
} from './experiment-types.js';

export interface ExperimentRow {
  readonly id: string;
  readonly name: string | null;
  readonly status: ExperimentStatus;
  readonly prompt_name: string;
  readonly prompt_version: number;
  readonly dataset_name: string;
  readonly dataset_version: number;
  readonly dataset_split: DatasetSplit | null;
  readonly model: string;
  readonly simulated: number;
  readonly evaluator: string;
  readonly checklist_hash: string;
  readonly checklist: string;
  readonly settings: string;
  readonly summary: string | null;
  readonly error: string | null;
  readonly created_at: string;
  readonly finished_at: string | null;
}

export interface ExperimentItemRow {
  readonly position: number;
  readonly item_id: string;
  readonly cached: number;
  readonly score: number | null;
  readonly passed: number | null;
  readonly label: string | null;
  readonly input_tokens: number | null;
  readonly output_tokens: number | null;
  readonly cost_usd: number | null;
  readonly latency_ms: number | null;
  readonly error: string | null;
  readonly output: string | null;
  readonly result: string | null;
}

export const EXPERIMENT_COLUMNS =
  'id, name, status, prompt_name, prompt_version, dataset_name, dataset_version, dataset_split, model, simulated, ' +
  'evaluator, checklist_hash, checklist, settings, summary, error, created_at, finished_at';

export const EXPERIMENT_ITEM_COLUMNS =
  'position, item_id, cached, score, passed, label, input_tokens, output_tokens, cost_usd, latency_ms, error, output, result';

const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function toExperiment(row: ExperimentRow): Experiment {
  const checklist = JSON.parse(row.checklist) as { criteria: ExperimentCriterion[]; passThreshold: number };
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    promptName: row.prompt_name,
    promptVersion: Number(row.prompt_version),
    datasetName: row.dataset_name,
    datasetVersion: Number(row.dataset_version),
    datasetSplit: row.dataset_split,
    model: row.model,
    simulated: Number(row.simulated) === 1,
    evaluator: row.evaluator,
    checklistHash: row.checklist_hash,
    criteria: checklist.criteria,
    passThreshold: checklist.passThreshold,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as ExperimentSummary),
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function toExperimentItem(row: ExperimentItemRow): ExperimentItemRecord {
  return {
    itemId: row.item_id,
    output: row.output,
    error: row.error,
    cached: Number(row.cached) === 1,
    result: row.result === null ? null : (JSON.parse(row.result) as ChecklistResult),
    score: numberOrNull(row.score),
    passed: row.passed === null ? null : Number(row.passed) === 1,
    label: row.label,
    inputTokens: numberOrNull(row.input_tokens),
    outputTokens: numberOrNull(row.output_tokens),
    costUsd: numberOrNull(row.cost_usd),
    latencyMs: numberOrNull(row.latency_ms),
  };
}

/** The item's values in EXPERIMENT_ITEM_COLUMNS order. */
export function experimentItemValues(position: number, item: ExperimentItemInput): (string | number | null)[] {
  const result = item.result;
  return [
    position,
    item.itemId,
    item.cached ? 1 : 0,
    result?.score ?? null,
    result === null ? null : result.passed ? 1 : 0,
    result?.label ?? null,
    item.inputTokens,
    item.outputTokens,
    item.costUsd,
    item.latencyMs,
    item.error,
    item.output,
    result === null ? null : JSON.stringify(result),
  ];
}
