// Runs a stored experiment run spec to completion, resumable and idempotent: the items the experiment holds already
// are skipped, answers come from the response cache or a model call cached at once, results are appended in small
// chunks, and the experiment is finished `completed` (or `failed` with the error). An aborted signal stops between
// items and leaves it `running`, for the next execution to complete.
import { type Experiment, KaizenError, type PriceTable } from '@kaizen/core';
import { type CachedAnswer, createLimiter, planDatasetItem, type RetryOptions, readCallParams } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';
import { defaultResolveModel, type ModelRef } from '../optimizations/optimization-models.js';
import { createStoreAnswerCache } from '../optimizations/store-answer-cache.js';
import { createExperimentItemWriter } from './experiment-item-writer.js';
import { type ExperimentRunSpec, readExperimentRunSpec } from './experiment-run-spec.js';
import { type ExperimentItemContext, runExperimentItem } from './run-experiment-item.js';

/** Dataset items read, planned and looked up in the cache at a time. */
const PAGE_ITEMS = 200;

export interface ExperimentRunDeps {
  readonly store: Store;
  /** Compiles the evaluator version as online evaluation and optimizations do (custom checks and judge bound). */
  readonly compiler: EvaluatorCompiler;
  /** Turns the spec's model string into what is called; default @kaizen/models' resolveModel. Tests wrap it. */
  readonly resolveModel?: ((spec: string) => ModelRef) | undefined;
  readonly prices?: PriceTable | undefined;
  /** Per model-call attempt; default the models package's. */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryOptions> | undefined;
}

export interface ExecuteExperimentRunInput {
  readonly projectId: string;
  readonly experimentId: string;
  /** Stops between items (in-flight calls are aborted); the experiment stays `running`, resumable. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * - `completed` / `failed`: this execution finished the experiment.
 * - `stopped`: the signal aborted it; it is still `running` and another execution completes it.
 * - `finished-elsewhere`: it had finished (another execution, or a finish through the API) before this one could.
 */
export type ExperimentRunOutcome = 'completed' | 'failed' | 'stopped' | 'finished-elsewhere';

export interface ExperimentRunResult {
  readonly outcome: ExperimentRunOutcome;
  /** The experiment as stored when this execution ended. */
  readonly experiment: Experiment;
  /** Items this execution stored. */
  readonly added: number;
  /** Model calls this execution paid for (answers not found in the cache). */
  readonly modelCalls: number;
}

interface Counters {
  added: number;
  modelCalls: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function runItems(
  deps: ExperimentRunDeps,
  experiment: Experiment,
  spec: ExperimentRunSpec,
  input: ExecuteExperimentRunInput,
  counters: Counters,
): Promise<void> {
  const { store } = deps;
  const { projectId, signal } = input;
  const version = await store.prompts.getVersion(projectId, spec.promptName, spec.promptVersion);
  if (version === null) {
    throw new KaizenError('not_found', `prompt "${spec.promptName}" has no version ${spec.promptVersion}`);
  }
  const evaluator = await deps.compiler.version(projectId, spec.evaluatorName, spec.evaluatorVersion);
  if (evaluator === null) {
    throw new KaizenError('not_found', `evaluator "${spec.evaluatorName}" has no version ${spec.evaluatorVersion}`);
  }
  const params = readCallParams(version.params);
  const stored = new Set((await store.experiments.listItems(projectId, experiment.id)).map((item) => item.itemId));
  const writer = createExperimentItemWriter({ store, projectId, experimentId: experiment.id, stored });
  const cache = createStoreAnswerCache(store, projectId);
  const context: ExperimentItemContext = {
    // Answers are cached under the spec's model string whatever object answers them, as kaizen eval caches them.
    model: (deps.resolveModel ?? defaultResolveModel)(spec.model),
    params,
    outputSchema: version.outputSchema,
    compiled: evaluator.compiled,
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
  const limiter = createLimiter(spec.concurrency);
  let cursor: string | null = null;
  try {
    do {
      signal?.throwIfAborted();
      const page = await store.datasets.listItems(projectId, spec.datasetName, spec.datasetVersion, {
        limit: PAGE_ITEMS,
        ...(spec.split !== null ? { split: spec.split } : {}),
        ...(cursor !== null ? { cursor } : {}),
      });
      const plans = await Promise.all(
        page.items
          .filter((item) => !stored.has(item.itemId))
          .map((item) => planDatasetItem(version, spec.model, params, item)),
      );
      // One page's answers in memory at a time; later pages find this page's paid answers in the cache.
      context.hits.clear();
      const keys = plans.flatMap((plan) => (plan.key === null ? [] : [plan.key]));
      for (const [key, value] of await cache.lookup(keys)) context.hits.set(key, value);
      const settled = await Promise.allSettled(
        plans.map((plan) =>
          limiter.run(async () => {
            signal?.throwIfAborted();
            await writer.add(await runExperimentItem(context, plan));
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

async function settle(
  deps: ExperimentRunDeps,
  input: ExecuteExperimentRunInput,
  counters: Counters,
  error: unknown,
): Promise<ExperimentRunResult> {
  const { store } = deps;
  const { projectId, experimentId } = input;
  const result = (outcome: ExperimentRunOutcome, experiment: Experiment) => ({ outcome, experiment, ...counters });
  // A store that is down cannot record anything: the caller (a job queue) retries, and the retry resumes.
  if (KaizenError.isInstance(error) && error.code === 'unavailable') throw error;
  const now = await store.experiments.get(projectId, experimentId);
  if (now === null) throw error;
  if (input.signal?.aborted === true && now.status === 'running') return result('stopped', now);
  if (now.status !== 'running') return result('finished-elsewhere', now);
  try {
    return result(
      'failed',
      await store.experiments.finish(projectId, experimentId, { status: 'failed', error: messageOf(error) }),
    );
  } catch (finishError) {
    const after = await store.experiments.get(projectId, experimentId);
    if (after !== null && after.status !== 'running') return result('finished-elsewhere', after);
    throw finishError;
  }
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
  const { store } = deps;
  const { projectId, experimentId } = input;
  const experiment = await store.experiments.get(projectId, experimentId);
  if (experiment === null) throw new KaizenError('not_found', `experiment ${experimentId} not found`);
  const counters: Counters = { added: 0, modelCalls: 0 };
  if (experiment.status !== 'running') return { outcome: 'finished-elsewhere', experiment, ...counters };
  const spec = readExperimentRunSpec(experiment);
  try {
    await runItems(deps, experiment, spec, input, counters);
    if (input.signal?.aborted === true) return { outcome: 'stopped', experiment, ...counters };
    const finished = await store.experiments.finish(projectId, experimentId, { status: 'completed' });
    return { outcome: 'completed', experiment: finished, ...counters };
  } catch (error) {
    return settle(deps, input, counters, error);
  }
}
