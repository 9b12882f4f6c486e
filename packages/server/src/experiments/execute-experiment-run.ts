// Runs a stored experiment run spec to completion, resumable and idempotent: the items the experiment holds already
// are skipped, answers come from the response cache or a model call cached at once, results are appended in small
// chunks, and the experiment is finished `completed` (or `failed` with the error). An aborted signal stops between
// items and leaves it `running`, for the next execution to complete.
import { type Experiment, KaizenError } from '@kaizen/core';
import { planDatasetItem } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';
import { findPromptVersion } from '../prompts/find-prompt-version.js';
import { type AnswerDeps, createAnswerContext } from './answer-once.js';
import {
  type DatasetRunCounters,
  type DatasetRunInput,
  type DatasetRunOutcome,
  type DatasetRunResult,
  executeDatasetRun,
  runDatasetPages,
} from './dataset-run.js';
import { createExperimentItemWriter } from './experiment-item-writer.js';
import { type ExperimentRunSpec, readExperimentRunSpec } from './experiment-run-spec.js';
import { type ExperimentItemContext, runExperimentItem } from './run-experiment-item.js';

export interface ExperimentRunDeps extends AnswerDeps {
  readonly store: Store;
  /** Compiles the evaluator version as online evaluation and optimizations do (custom checks and judge bound). */
  readonly compiler: EvaluatorCompiler;
}

export type ExecuteExperimentRunInput = DatasetRunInput;
export type ExperimentRunOutcome = DatasetRunOutcome;
export type ExperimentRunResult = DatasetRunResult;

async function runItems(
  deps: ExperimentRunDeps,
  experiment: Experiment,
  spec: ExperimentRunSpec,
  input: ExecuteExperimentRunInput,
  counters: DatasetRunCounters,
): Promise<void> {
  const { store } = deps;
  const { projectId, signal } = input;
  const version = await findPromptVersion(store, projectId, { name: spec.promptName, version: spec.promptVersion });
  const evaluator = await deps.compiler.version(projectId, spec.evaluatorName, spec.evaluatorVersion);
  if (evaluator === null) {
    throw new KaizenError('not_found', `evaluator "${spec.evaluatorName}" has no version ${spec.evaluatorVersion}`);
  }
  const stored = new Set((await store.experiments.listItems(projectId, experiment.id)).map((item) => item.itemId));
  const writer = createExperimentItemWriter({ store, projectId, experimentId: experiment.id, stored });
  const answers = createAnswerContext(deps, { projectId, model: spec.model, version, counters, signal });
  const context: ExperimentItemContext = { ...answers, compiled: evaluator.compiled };
  await runDatasetPages({
    store,
    projectId,
    dataset: { name: spec.datasetName, version: spec.datasetVersion, split: spec.split },
    stored,
    plan: (item) => planDatasetItem(version, spec.model, answers.params, item),
    answers,
    concurrency: spec.concurrency,
    signal,
    run: async (plan) => writer.add(await runExperimentItem(context, plan)),
    writer,
    counters,
  });
}

/**
 * Rejects when nothing can be recorded (the store is unavailable: a job queue should retry) and when the experiment
 * is not one to run here (not found, or no run spec: one `kaizen eval` is running, left untouched). Every other
 * problem ends as the experiment's `failed` status and error.
 * @example
 * const { outcome, modelCalls } = await executeExperimentRun({ store, compiler }, { projectId, experimentId, signal });
 */
export async function executeExperimentRun(
  deps: ExperimentRunDeps,
  input: ExecuteExperimentRunInput,
): Promise<ExperimentRunResult> {
  return executeDatasetRun(deps.store, input, (experiment) => {
    const spec = readExperimentRunSpec(experiment);
    return (counters) => runItems(deps, experiment, spec, input, counters);
  });
}
