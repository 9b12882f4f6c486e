// One dataset item's answer in a server-side experiment or replay run: from the response cache, or a model call whose
// answer is written to the cache before anything else happens (a killed worker loses at most the calls in flight).
// Items with the same request in one execution pay once.
import type { ChatTemplateMessage, PriceTable } from '@kaizen/core';
import {
  type AnswerCache,
  type CachedAnswer,
  type CallParams,
  cachedAnswerOf,
  callModel,
  type RetryOptions,
} from '@kaizen/models';
import type { ModelRef } from '../optimizations/optimization-models.js';

export interface AnswerContext {
  readonly model: ModelRef;
  readonly params: CallParams;
  readonly outputSchema: Readonly<Record<string, unknown>> | null;
  readonly cache: AnswerCache;
  /** Answers known to this execution (looked up per page, and every answer it paid for). */
  readonly hits: Map<string, CachedAnswer>;
  readonly inflight: Map<string, Promise<Answer>>;
  /** Told once per paid model call, after its answer is in the cache. */
  readonly onPaidCall: () => void;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryOptions> | undefined;
  readonly prices?: PriceTable | undefined;
}

export type Answer =
  | { readonly answer: CachedAnswer; readonly cached: boolean }
  | { readonly failure: string; readonly cached: false };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function pay(context: AnswerContext, key: string, messages: readonly ChatTemplateMessage[]): Promise<Answer> {
  let answer: CachedAnswer;
  try {
    const result = await callModel({
      model: context.model,
      messages: [...messages],
      params: context.params,
      ...(context.outputSchema !== null ? { outputSchema: context.outputSchema } : {}),
      ...(context.signal !== undefined ? { signal: context.signal } : {}),
      ...(context.timeoutMs !== undefined ? { timeoutMs: context.timeoutMs } : {}),
      ...(context.retry !== undefined ? { retry: context.retry } : {}),
      ...(context.prices !== undefined ? { prices: context.prices } : {}),
    });
    answer = cachedAnswerOf(result);
  } catch (error) {
    // Stopped, not failed: the item is left for the execution that resumes the run.
    context.signal?.throwIfAborted();
    return { failure: `model call failed: ${messageOf(error)}`, cached: false };
  }
  // Outside the catch: a cache (store) that cannot be written stops the run rather than becoming an item error.
  await context.cache.put([{ key, value: answer }]);
  context.hits.set(key, answer);
  context.onPaidCall();
  return { answer, cached: false };
}

/**
 * Throws only when the run must stop: the signal aborted or the cache could not be written.
 * @example
 * const got = await answerOnce(context, key, messages); // { answer: { text, inputTokens, … }, cached } or { failure }
 */
export async function answerOnce(
  context: AnswerContext,
  key: string,
  messages: readonly ChatTemplateMessage[],
): Promise<Answer> {
  const hit = context.hits.get(key);
  if (hit !== undefined) return { answer: hit, cached: true };
  const waiting = context.inflight.get(key);
  if (waiting !== undefined) {
    const got = await waiting;
    return 'answer' in got ? { answer: got.answer, cached: true } : got;
  }
  const call = pay(context, key, messages);
  context.inflight.set(key, call);
  try {
    return await call;
  } finally {
    context.inflight.delete(key);
  }
}
