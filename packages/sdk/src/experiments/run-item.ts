// One item of an experiment: the model's answer (from the cache when the same request was answered before), then
// the checklist's verdict on it. A failed call is the item's error, never a failed criterion.
import type { CompiledChecklist, PriceTable } from '@kaizen/core';
import {
  type CallParams,
  cachedAnswerOf,
  callModel,
  type DatasetItemPlan,
  experimentItemRun,
  type ResolveModelOptions,
  type RetryOptions,
  scoreAnswer,
} from '@kaizen/models';
import type { DatasetItem } from './dataset-api-types.js';
import type { ExperimentItem } from './experiment-api-types.js';
import type { CachedAnswer, ResponseCache } from './response-cache.js';

type ItemPlan = DatasetItemPlan<DatasetItem>;

export interface ItemRunner {
  readonly model: string;
  readonly params: CallParams;
  readonly outputSchema: Readonly<Record<string, unknown>> | null;
  readonly compiled: CompiledChecklist;
  /** Null with the cache off. */
  readonly cache: ResponseCache | null;
  /** Answers found before the run. */
  readonly hits: ReadonlyMap<string, CachedAnswer>;
  readonly retry?: Partial<RetryOptions>;
  readonly timeoutMs?: number;
  readonly prices?: PriceTable;
  readonly resolve?: ResolveModelOptions;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function answer(runner: ItemRunner, plan: ItemPlan & { messages: NonNullable<ItemPlan['messages']> }) {
  const hit = plan.key === null ? undefined : runner.hits.get(plan.key);
  if (hit !== undefined) return { answer: hit, cached: true };
  const result = await callModel({
    model: runner.model,
    messages: plan.messages,
    params: runner.params,
    ...(runner.outputSchema !== null ? { outputSchema: runner.outputSchema } : {}),
    ...(runner.retry !== undefined ? { retry: runner.retry } : {}),
    ...(runner.timeoutMs !== undefined ? { timeoutMs: runner.timeoutMs } : {}),
    ...(runner.prices !== undefined ? { prices: runner.prices } : {}),
    ...(runner.resolve !== undefined ? { resolve: runner.resolve } : {}),
  });
  const fresh: CachedAnswer = cachedAnswerOf(result);
  if (runner.cache !== null && plan.key !== null) await runner.cache.put(plan.key, fresh);
  return { answer: fresh, cached: false };
}

/**
 * @example
 * const item = await runItem(runner, plan); // { itemId, output, result: { score, passed, results… }, cached, … }
 */
export async function runItem(runner: ItemRunner, plan: ItemPlan): Promise<ExperimentItem> {
  const itemId = plan.item.itemId;
  if (plan.messages === null)
    return experimentItemRun(itemId, { error: plan.error ?? 'the input does not fit the prompt' });
  let got: Awaited<ReturnType<typeof answer>>;
  try {
    got = await answer(runner, { ...plan, messages: plan.messages });
  } catch (error) {
    return experimentItemRun(itemId, { error: `model call failed: ${errorMessage(error)}` });
  }
  return scoreAnswer(runner.compiled, plan.item, got.answer, got.cached);
}
