// Runs a stored replay run to completion, resumable and idempotent like executeExperimentRun: the source traces the
// experiment holds items for are skipped, answers come from the response cache or a model call cached at once, each
// shadow trace is written straight into the store under ids derived from (experiment, source trace) before its item,
// and the experiment is finished `completed` (or `failed` with the error). An aborted signal stops between traces
// and leaves it `running`, for the next execution to complete.
import { type Experiment, KaizenError, type PriceTable, type Redactor } from '@kaizen/core';
import { type CachedAnswer, createLimiter, planDatasetItem, type RetryOptions, readCallParams } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import { defaultResolveModel, type ModelRef } from '../optimizations/optimization-models.js';
import { createStoreAnswerCache } from '../optimizations/store-answer-cache.js';
import type { ReplayAnswerContext } from './replay-answer.js';
import { type ReplayCounters, type ReplayRunResult, settleReplayRun } from './replay-run-result.js';
import { type ReplayRunSpec, readReplayRunSpec } from './replay-run-spec.js';
import { type ReplayTraceContext, replayTrace } from './replay-trace.js';
import { createReplayWriter } from './replay-writer.js';

export type { ReplayRunOutcome, ReplayRunResult } from './replay-run-result.js';

/** Source traces (dataset items) read, planned and looked up in the cache at a time. */
const PAGE_ITEMS = 200;

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

export interface ExecuteReplayRunInput {
  readonly projectId: string;
  readonly experimentId: string;
  /** Stops between traces (in-flight calls are aborted); the experiment stays `running`, resumable. */
  readonly signal?: AbortSignal | undefined;
}

async function replayTraces(
  deps: ReplayRunDeps,
  experiment: Experiment,
  spec: ReplayRunSpec,
  input: ExecuteReplayRunInput,
  counters: ReplayCounters,
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
  const answers: ReplayAnswerContext = {
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
  const limiter = createLimiter(spec.concurrency);
  let cursor: string | null = null;
  try {
    do {
      signal?.throwIfAborted();
      const page = await store.datasets.listItems(projectId, experiment.datasetName, experiment.datasetVersion, {
        limit: PAGE_ITEMS,
        ...(cursor !== null ? { cursor } : {}),
      });
      const plans = await Promise.all(
        page.items
          .filter((item) => !stored.has(item.itemId))
          .map((item) => planDatasetItem(candidate, spec.model, params, item)),
      );
      // One page's answers in memory at a time; later pages find this page's paid answers in the cache.
      answers.hits.clear();
      const keys = plans.flatMap((plan) => (plan.key === null ? [] : [plan.key]));
      for (const [key, value] of await cache.lookup(keys)) answers.hits.set(key, value);
      const settled = await Promise.allSettled(
        plans.map((plan) =>
          limiter.run(async () => {
            signal?.throwIfAborted();
            const { span, item } = await replayTrace(context, plan);
            await writer.add(span, item);
          }),
        ),
      );
      const failure = settled.find((result) => result.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
      cursor = page.nextCursor;
    } while (cursor !== null);
  } finally {
    // What finished before a stop or a failure is kept (a failing store fails this write too; the first error wins).
    await writer.flush().catch(() => undefined);
    counters.added = writer.added;
  }
  await writer.flush();
}

/**
 * Rejects when nothing can be recorded (the store is unavailable: a job queue should retry) and when the experiment
 * is not one to run here (not found, or not a replay run: left untouched). Every other problem ends as the
 * experiment's `failed` status and error.
 * @example
 * const { outcome, modelCalls } = await executeReplayRun({ store }, { projectId, experimentId, signal });
 */
export async function executeReplayRun(deps: ReplayRunDeps, input: ExecuteReplayRunInput): Promise<ReplayRunResult> {
  const { store } = deps;
  const { projectId, experimentId } = input;
  const experiment = await store.experiments.get(projectId, experimentId);
  if (experiment === null) throw new KaizenError('not_found', `experiment ${experimentId} not found`);
  const counters: ReplayCounters = { added: 0, modelCalls: 0 };
  if (experiment.status !== 'running') return { outcome: 'finished-elsewhere', experiment, ...counters };
  const spec = readReplayRunSpec(experiment);
  try {
    await replayTraces(deps, experiment, spec, input, counters);
    if (input.signal?.aborted === true) return { outcome: 'stopped', experiment, ...counters };
    const finished = await store.experiments.finish(projectId, experimentId, { status: 'completed' });
    return { outcome: 'completed', experiment: finished, ...counters };
  } catch (error) {
    return settleReplayRun(store, input, counters, error);
  }
}
