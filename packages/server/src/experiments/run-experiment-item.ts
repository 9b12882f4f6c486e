// One item of a server-side experiment: the answer from the response cache, or a model call whose answer is written to
// the cache before anything else happens (a killed worker loses at most the calls in flight), then the evaluator's
// verdict. A failed call is the item's error, never a failed criterion; an aborted one is no result at all.
import type { CompiledChecklist, DatasetItem, ExperimentItemRun, PriceTable } from '@kaizen/core';
import {
  type AnswerCache,
  type CachedAnswer,
  type CallParams,
  callModel,
  type DatasetItemPlan,
  type RetryOptions,
} from '@kaizen/models';
import type { ModelRef } from '../optimizations/optimization-models.js';

type ExperimentItemPlan = DatasetItemPlan<DatasetItem>;

export interface ExperimentItemContext {
  /** What answers: a `provider:model` string or an AI SDK model (tests wrap the simulated one). */
  readonly model: ModelRef;
  readonly params: CallParams;
  readonly outputSchema: Readonly<Record<string, unknown>> | null;
  readonly compiled: CompiledChecklist;
  readonly cache: AnswerCache;
  /** Answers known to this execution (looked up per page, and every answer it paid for). */
  readonly hits: Map<string, CachedAnswer>;
  /** Calls in flight by key: an item with the same request waits for that answer instead of paying again. */
  readonly inflight: Map<string, Promise<Answered>>;
  /** Told once per paid model call, after its answer is in the cache. */
  readonly onPaidCall: () => void;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryOptions> | undefined;
  readonly prices?: PriceTable | undefined;
}

type Answered = { readonly answer: CachedAnswer } | { readonly failure: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function failedItem(itemId: string, error: string): ExperimentItemRun {
  return {
    itemId,
    output: null,
    error,
    cached: false,
    result: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
  };
}

async function pay(context: ExperimentItemContext, key: string, messages: NonNullable<ExperimentItemPlan['messages']>) {
  let answer: CachedAnswer;
  try {
    const result = await callModel({
      model: context.model,
      messages,
      params: context.params,
      ...(context.outputSchema !== null ? { outputSchema: context.outputSchema } : {}),
      ...(context.signal !== undefined ? { signal: context.signal } : {}),
      ...(context.timeoutMs !== undefined ? { timeoutMs: context.timeoutMs } : {}),
      ...(context.retry !== undefined ? { retry: context.retry } : {}),
      ...(context.prices !== undefined ? { prices: context.prices } : {}),
    });
    answer = {
      text: result.text,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      costUsd: result.costUsd,
      latencyMs: result.latencyMs,
      model: result.model,
    };
  } catch (error) {
    // Stopped, not failed: the item is left for the execution that resumes the run.
    context.signal?.throwIfAborted();
    return { failure: `model call failed: ${messageOf(error)}` };
  }
  // Outside the catch: a cache (store) that cannot be written stops the run rather than becoming an item error.
  await context.cache.put([{ key, value: answer }]);
  context.hits.set(key, answer);
  context.onPaidCall();
  return { answer };
}

async function answerOf(
  context: ExperimentItemContext,
  key: string,
  messages: NonNullable<ExperimentItemPlan['messages']>,
): Promise<Answered & { readonly cached: boolean }> {
  const hit = context.hits.get(key);
  if (hit !== undefined) return { answer: hit, cached: true };
  const waiting = context.inflight.get(key);
  if (waiting !== undefined) return { ...(await waiting), cached: true };
  const call = pay(context, key, messages);
  context.inflight.set(key, call);
  try {
    return { ...(await call), cached: false };
  } finally {
    context.inflight.delete(key);
  }
}

/**
 * Throws only when the run must stop: the signal aborted (the item is not done) or the cache could not be written.
 * @example
 * const item = await runExperimentItem(context, plan); // { itemId, output, result: { score, passed, … }, cached, … }
 */
export async function runExperimentItem(
  context: ExperimentItemContext,
  plan: ExperimentItemPlan,
): Promise<ExperimentItemRun> {
  const { itemId } = plan.item;
  if (plan.messages === null || plan.key === null) {
    return failedItem(itemId, plan.error ?? 'the input does not fit the prompt');
  }
  const got = await answerOf(context, plan.key, plan.messages);
  if ('failure' in got) return failedItem(itemId, got.failure);
  const { text, inputTokens, outputTokens, costUsd, latencyMs } = got.answer;
  const result = await context.compiled.evaluate({
    output: text,
    ...('expected' in plan.item ? { expected: plan.item.expected } : {}),
    input: plan.item.input,
    latencyMs,
    inputTokens,
    outputTokens,
    totalTokens: inputTokens === null || outputTokens === null ? null : inputTokens + outputTokens,
    costUsd,
    metadata: plan.item.metadata,
  });
  return {
    itemId,
    output: text,
    error: null,
    cached: got.cached,
    result,
    inputTokens,
    outputTokens,
    costUsd,
    latencyMs,
  };
}
