// What server-side experiment runs and replay runs share: the page loop over a dataset version (items the experiment
// holds skipped, a page's cached answers looked up at once, items run under a concurrency limit, what finished kept
// on a stop or a failure), and how an execution ends — so a job handler treats both alike.
import { type DatasetItem, type DatasetSplit, type Experiment, KaizenError } from '@kaizen/core';
import { createLimiter, type DatasetItemPlan } from '@kaizen/models';
import type { Store } from '@kaizen/store';
import type { AnswerContext } from './answer-once.js';

/** Dataset items read, planned and looked up in the cache at a time. */
const PAGE_ITEMS = 200;

/**
 * - `completed` / `failed`: this execution finished the experiment.
 * - `stopped`: the signal aborted it; it is still `running` and another execution completes it.
 * - `finished-elsewhere`: it had finished (another execution, or a finish through the API) before this one could.
 */
export type DatasetRunOutcome = 'completed' | 'failed' | 'stopped' | 'finished-elsewhere';

export interface DatasetRunResult {
  readonly outcome: DatasetRunOutcome;
  /** The experiment as stored when this execution ended. */
  readonly experiment: Experiment;
  /** Items this execution stored. */
  readonly added: number;
  /** Model calls this execution paid for (answers not found in the cache). */
  readonly modelCalls: number;
}

export interface DatasetRunCounters {
  added: number;
  modelCalls: number;
}

export interface DatasetRunInput {
  readonly projectId: string;
  readonly experimentId: string;
  /** Stops between items (in-flight calls are aborted); the experiment stays `running`, resumable. */
  readonly signal?: AbortSignal | undefined;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a `running` experiment's items and finishes it `completed`. `prepare` reads what the experiment asks for and
 * may reject (an experiment that is not one to run here is left untouched); every problem of the work itself but an
 * unavailable store or a missing experiment ends as the experiment's `failed` status and error.
 * @example
 * return executeDatasetRun(store, input, (experiment) => {
 *   const spec = readExperimentRunSpec(experiment);
 *   return (counters) => runItems(deps, experiment, spec, input, counters);
 * });
 */
export async function executeDatasetRun(
  store: Store,
  input: DatasetRunInput,
  prepare: (experiment: Experiment) => (counters: DatasetRunCounters) => Promise<void>,
): Promise<DatasetRunResult> {
  const { projectId, experimentId } = input;
  const experiment = await store.experiments.get(projectId, experimentId);
  if (experiment === null) throw new KaizenError('not_found', `experiment ${experimentId} not found`);
  const counters: DatasetRunCounters = { added: 0, modelCalls: 0 };
  if (experiment.status !== 'running') return { outcome: 'finished-elsewhere', experiment, ...counters };
  const work = prepare(experiment);
  try {
    await work(counters);
    if (input.signal?.aborted === true) return { outcome: 'stopped', experiment, ...counters };
    const finished = await store.experiments.finish(projectId, experimentId, { status: 'completed' });
    return { outcome: 'completed', experiment: finished, ...counters };
  } catch (error) {
    return settleDatasetRun(store, input, counters, error);
  }
}

/** Rejects when the store is unavailable (a queue retries and the retry resumes) or the experiment is gone. */
async function settleDatasetRun(
  store: Store,
  input: DatasetRunInput,
  counters: DatasetRunCounters,
  error: unknown,
): Promise<DatasetRunResult> {
  const { projectId, experimentId } = input;
  const result = (outcome: DatasetRunOutcome, experiment: Experiment) => ({ outcome, experiment, ...counters });
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

export interface DatasetPagesInput {
  readonly store: Store;
  readonly projectId: string;
  readonly dataset: { readonly name: string; readonly version: number; readonly split: DatasetSplit | null };
  /** Item ids the experiment holds already: skipped. */
  readonly stored: ReadonlySet<string>;
  readonly plan: (item: DatasetItem) => Promise<DatasetItemPlan<DatasetItem>>;
  /** Where a page's cached answers are looked up, and the map they go to (one page's at a time). */
  readonly answers: Pick<AnswerContext, 'cache' | 'hits'>;
  readonly concurrency: number;
  readonly signal?: AbortSignal | undefined;
  /** Runs one item and hands it to the writer; rejects only when the run must stop. */
  readonly run: (plan: DatasetItemPlan<DatasetItem>) => Promise<void>;
  readonly writer: { flush(): Promise<void>; readonly added: number };
  readonly counters: DatasetRunCounters;
}

/**
 * Every item of the dataset version the experiment does not hold yet, page by page; the writer is flushed at the end
 * and — what finished before a stop or a failure is kept — when anything throws.
 * @example
 * await runDatasetPages({ store, projectId, dataset, stored, plan, answers, concurrency, signal, run, writer, counters });
 */
export async function runDatasetPages(input: DatasetPagesInput): Promise<void> {
  const { store, projectId, dataset, signal, writer } = input;
  const limiter = createLimiter(input.concurrency);
  let cursor: string | null = null;
  try {
    do {
      signal?.throwIfAborted();
      const page = await store.datasets.listItems(projectId, dataset.name, dataset.version, {
        limit: PAGE_ITEMS,
        ...(dataset.split !== null ? { split: dataset.split } : {}),
        ...(cursor !== null ? { cursor } : {}),
      });
      const plans = await Promise.all(
        page.items.filter((item) => !input.stored.has(item.itemId)).map((item) => input.plan(item)),
      );
      // One page's answers in memory at a time; later pages find this page's paid answers in the cache.
      const { cache, hits } = input.answers;
      hits.clear();
      const keys = plans.flatMap((plan) => (plan.key === null ? [] : [plan.key]));
      for (const [key, value] of await cache.lookup(keys)) hits.set(key, value);
      const settled = await Promise.allSettled(
        plans.map((plan) =>
          limiter.run(async () => {
            signal?.throwIfAborted();
            await input.run(plan);
          }),
        ),
      );
      const failure = settled.find((result) => result.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
      cursor = page.nextCursor;
    } while (cursor !== null);
  } finally {
    // A failing store fails this write too; the first error wins.
    await writer.flush().catch(() => undefined);
    input.counters.added = writer.added;
  }
  await writer.flush();
}
