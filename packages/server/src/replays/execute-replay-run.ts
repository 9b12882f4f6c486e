// Runs a stored replay run to completion, resumable and idempotent like executeExperimentRun: the source traces the
// experiment holds items for are skipped, answers come from the response cache or a model call cached at once, each
// shadow trace is written straight into the store under ids derived from (experiment, source trace) before its item,
// and the experiment is finished `completed` (or `failed` with the error). An aborted signal stops between traces
// and leaves it `running`, for the next execution to complete.
import type { Experiment, Redactor } from '@kaizen/core';
import { planDatasetItem } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import { type AnswerDeps, createAnswerContext } from '../experiments/answer-once.js';
import {
  type DatasetRunCounters,
  type DatasetRunInput,
  type DatasetRunOutcome,
  type DatasetRunResult,
  executeDatasetRun,
  runDatasetPages,
} from '../experiments/dataset-run.js';
import { findPromptVersion } from '../prompts/find-prompt-version.js';
import { type ReplayRunSpec, readReplayRunSpec } from './replay-run-spec.js';
import { type ReplayTraceContext, replayTrace } from './replay-trace.js';
import { createReplayWriter } from './replay-writer.js';

/** The same meanings as a server-side experiment run's, so a job handler treats both alike. */
export type ReplayRunOutcome = DatasetRunOutcome;
export type ReplayRunResult = DatasetRunResult;

export interface ReplayRunDeps extends AnswerDeps {
  readonly store: Store;
  /** The ingest path's redaction, applied to each shadow span before it is stored; default none. */
  readonly redactor?: Redactor | undefined;
}

export type ExecuteReplayRunInput = DatasetRunInput;

async function replayTraces(
  deps: ReplayRunDeps,
  experiment: Experiment,
  spec: ReplayRunSpec,
  input: ExecuteReplayRunInput,
  counters: DatasetRunCounters,
): Promise<void> {
  const { store } = deps;
  const { projectId, signal } = input;
  const candidate = await findPromptVersion(store, projectId, { name: spec.promptName, version: spec.promptVersion });
  const stored = new Set((await store.experiments.listItems(projectId, experiment.id)).map((item) => item.itemId));
  const writer = createReplayWriter({ store, projectId, experimentId: experiment.id, stored });
  const answers = createAnswerContext(deps, { projectId, model: spec.model, version: candidate, counters, signal });
  const context: ReplayTraceContext = {
    experimentId: experiment.id,
    spec,
    candidate,
    answers,
    prices: deps.prices,
    redactor: deps.redactor,
  };
  await runDatasetPages({
    store,
    projectId,
    dataset: { name: experiment.datasetName, version: experiment.datasetVersion, split: null },
    stored,
    plan: (item) => planDatasetItem(candidate, spec.model, answers.params, item),
    answers,
    concurrency: spec.concurrency,
    signal,
    run: async (plan) => {
      const { span, item } = await replayTrace(context, plan);
      await writer.add(span, item);
    },
    writer,
    counters,
  });
}

/**
 * Rejects when nothing can be recorded (the store is unavailable: a job queue should retry) and when the experiment
 * is not one to run here (not found, or not a replay run: left untouched). Every other problem ends as the
 * experiment's `failed` status and error.
 * @example
 * const { outcome, modelCalls } = await executeReplayRun({ store }, { projectId, experimentId, signal });
 */
export async function executeReplayRun(deps: ReplayRunDeps, input: ExecuteReplayRunInput): Promise<ReplayRunResult> {
  return executeDatasetRun(deps.store, input, (experiment) => {
    const spec = readReplayRunSpec(experiment);
    return (counters) => replayTraces(deps, experiment, spec, input, counters);
  });
}
