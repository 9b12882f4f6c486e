// Runs a stored replay run to completion, resumable and idempotent like executeExperimentRun: the source traces the
// experiment holds items for are skipped, answers come from the response cache or a model call cached at once, each
// shadow trace is written straight into the store under ids derived from (experiment, source trace) before its item,
// and the experiment is finished `completed` (or `failed` with the error). An aborted signal stops between traces
// and leaves it `running`, for the next execution to complete.
import { type Experiment, KaizenError, type PriceTable, type Redactor } from '@kaizen/core';
import { type CachedAnswer, planDatasetItem, type RetryOptions, readCallParams } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import type { AnswerContext } from '../experiments/answer-once.js';
import {
  type DatasetRunCounters,
  type DatasetRunInput,
  type DatasetRunOutcome,
  type DatasetRunResult,
  executeDatasetRun,
  runDatasetPages,
} from '../experiments/dataset-run.js';
import { defaultResolveModel, type ModelRef } from '../optimizations/optimization-models.js';
import { createStoreAnswerCache } from '../optimizations/store-answer-cache.js';
import { type ReplayRunSpec, readReplayRunSpec } from './replay-run-spec.js';
import { type ReplayTraceContext, replayTrace } from './replay-trace.js';
import { createReplayWriter } from './replay-writer.js';

/** The same meanings as a server-side experiment run's, so a job handler treats both alike. */
export type ReplayRunOutcome = DatasetRunOutcome;
export type ReplayRunResult = DatasetRunResult;

export interface ReplayRunDeps {
  readonly store: Store;
  /** Turns the spec's model string into what is called; default @kaizen/models' resolveModel. Tests wrap it. */
  readonly resolveModel?: ((spec: string) => ModelRef) | undefined;
  /** Cost of answers that report none; default DEFAULT_PRICES (as at ingest). */
  readonly prices?: PriceTable | undefined;
  /** The ingest path's redaction, applied to each shadow span before it is stored; default none. */
  readonly redactor?: Redactor | undefined;
  /** Per model-call attempt; default the models package's. */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryOptions> | undefined;
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
  const candidate = await store.prompts.getVersion(projectId, spec.promptName, spec.promptVersion);
  if (candidate === null) {
    throw new KaizenError('not_found', `prompt "${spec.promptName}" has no version ${spec.promptVersion}`);
  }
  const params = readCallParams(candidate.params);
  const stored = new Set((await store.experiments.listItems(projectId, experiment.id)).map((item) => item.itemId));
  const writer = createReplayWriter({ store, projectId, experimentId: experiment.id, stored });
  const cache = createStoreAnswerCache(store, projectId);
  const answers: AnswerContext = {
    // Answers are cached under the spec's model string whatever object answers them, as experiment runs cache them.
    model: (deps.resolveModel ?? defaultResolveModel)(spec.model),
    params,
    outputSchema: candidate.outputSchema,
    cache,
    hits: new Map<string, CachedAnswer>(),
    inflight: new Map(),
    onPaidCall: () => {
      counters.modelCalls++;
    },
    signal,
    timeoutMs: deps.timeoutMs,
    retry: deps.retry,
    prices: deps.prices,
  };
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
    plan: (item) => planDatasetItem(candidate, spec.model, params, item),
    cache,
    hits: answers.hits,
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
