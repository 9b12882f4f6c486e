// Row shapes of the optimization tables and their conversion to the optimization model.
import type { OptimizationBudget, OptimizationSettings, OptimizationSpend } from '@kaizen/core';
import type {
  OptimizationCandidate,
  OptimizationCandidateInput,
  OptimizationProgress,
  OptimizationRun,
  OptimizationRunPatch,
  OptimizationRunStatus,
  StoredOptimizationResult,
} from './optimization-types.js';

export interface OptimizationRunRow {
  readonly id: string;
  readonly status: OptimizationRunStatus;
  readonly prompt_name: string;
  readonly start_version: number;
  readonly best_version: number | null;
  readonly dataset_name: string;
  readonly dataset_version: number;
  readonly evaluator_name: string;
  readonly evaluator_version: number;
  readonly model: string;
  readonly optimizer_model: string | null;
  readonly simulated: number;
  readonly budget: string;
  readonly settings: string;
  readonly round: number;
  readonly spend: string;
  readonly progress: string;
  readonly result: string | null;
  readonly error: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly finished_at: string | null;
}

export interface OptimizationCandidateRow {
  readonly id: string;
  readonly parent_id: string | null;
  readonly round: number;
  readonly prompt_version: number | null;
  readonly status: OptimizationCandidate['status'];
  readonly edit: string | null;
  readonly prompt_tokens: number;
  readonly minibatch: string | null;
  readonly validation: string | null;
  readonly acceptance: string | null;
  readonly cost: string;
  readonly content_hash: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export const RUN_COLUMNS =
  'id, status, prompt_name, start_version, best_version, dataset_name, dataset_version, evaluator_name, ' +
  'evaluator_version, model, optimizer_model, simulated, budget, settings, round, spend, progress, result, error, ' +
  'created_at, updated_at, finished_at';

export const CANDIDATE_COLUMNS =
  'id, parent_id, round, prompt_version, status, edit, prompt_tokens, minibatch, validation, acceptance, cost, ' +
  'content_hash, created_at, updated_at';

/** Patch field → column and how its value is written. */
export const PATCH_COLUMNS = {
  status: { column: 'status', write: (value) => value as string },
  bestVersion: { column: 'best_version', write: (value) => value as number | null },
  round: { column: 'round', write: (value) => value as number },
  spend: { column: 'spend', write: (value) => JSON.stringify(value) },
  progress: { column: 'progress', write: (value) => JSON.stringify(value) },
  result: { column: 'result', write: (value) => (value === null ? null : JSON.stringify(value)) },
  error: { column: 'error', write: (value) => value as string | null },
  finishedAt: { column: 'finished_at', write: (value) => value as string | null },
} as const satisfies Record<
  keyof OptimizationRunPatch,
  { column: string; write: (value: unknown) => string | number | null }
>;

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function toOptimizationRun(row: OptimizationRunRow): OptimizationRun {
  return {
    id: row.id,
    status: row.status,
    promptName: row.prompt_name,
    startVersion: Number(row.start_version),
    bestVersion: numberOrNull(row.best_version),
    datasetName: row.dataset_name,
    datasetVersion: Number(row.dataset_version),
    evaluatorName: row.evaluator_name,
    evaluatorVersion: Number(row.evaluator_version),
    model: row.model,
    optimizerModel: row.optimizer_model,
    simulated: Number(row.simulated) === 1,
    budget: JSON.parse(row.budget) as OptimizationBudget,
    settings: JSON.parse(row.settings) as OptimizationSettings,
    round: Number(row.round),
    spend: JSON.parse(row.spend) as OptimizationSpend,
    progress: JSON.parse(row.progress) as OptimizationProgress,
    result: json<StoredOptimizationResult>(row.result),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export function toOptimizationCandidate(row: OptimizationCandidateRow): OptimizationCandidate {
  return {
    id: row.id,
    parentId: row.parent_id,
    round: Number(row.round),
    promptVersion: numberOrNull(row.prompt_version),
    status: row.status,
    edit: json(row.edit),
    promptTokens: Number(row.prompt_tokens),
    minibatch: json(row.minibatch),
    validation: json(row.validation),
    acceptance: json(row.acceptance),
    cost: JSON.parse(row.cost) as OptimizationCandidate['cost'],
    contentHash: row.content_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The candidate's values in CANDIDATE_COLUMNS order, with `at` as both times (an update keeps the first). */
export function candidateValues(candidate: OptimizationCandidateInput, at: string): (string | number | null)[] {
  const text = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return [
    candidate.id,
    candidate.parentId,
    candidate.round,
    candidate.promptVersion,
    candidate.status,
    text(candidate.edit),
    candidate.promptTokens,
    text(candidate.minibatch),
    text(candidate.validation),
    text(candidate.acceptance),
    JSON.stringify(candidate.cost),
    candidate.contentHash,
    at,
    at,
  ];
}
