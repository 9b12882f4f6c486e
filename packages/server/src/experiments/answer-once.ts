// One dataset item's answer in a server-side experiment or replay run: from the response cache, or a model call whose
// answer is written to the cache before anything else happens (a killed worker loses at most the calls in flight).
// Items with the same request in one execution pay once.
import type { ChatTemplateMessage, PriceTable, PromptVersion } from '@kaizen/core';
import {
  type AnswerCache,
  type CachedAnswer,
  type CallParams,
  cachedAnswerOf,
  callModel,
  type RetryOptions,
  readCallParams,
} from '@kaizen/models';
import type { Store } from '@kaizen/store';
import { defaultResolveModel, type ModelRef } from '../optimizations/optimization-models.js';
import { createStoreAnswerCache } from '../optimizations/store-answer-cache.js';

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

/** What experiment and replay runs are configured with for their model calls. */
export interface AnswerDeps {
  /** Turns the spec's model string into what is called; default @kaizen/models' resolveModel. Tests wrap it. */
  readonly resolveModel?: ((spec: string) => ModelRef) | undefined;
  /** Cost of answers that report none; default DEFAULT_PRICES (as at ingest). */
  readonly prices?: PriceTable | undefined;
  /** Per model-call attempt; default the models package's. */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryOptions> | undefined;
}

/**
 * One execution's answers for a prompt version: the project's response cache, the spec's model, the version's call
 * parameters and output schema; `counters.modelCalls` counts the paid calls.
 * @example
 * const answers = createAnswerContext(deps, { store, projectId, model: spec.model, version, counters, signal });
 */
export function createAnswerContext(
  deps: AnswerDeps & { readonly store: Store },
  options: {
    readonly projectId: string;
    readonly model: string;
    readonly version: PromptVersion;
    readonly counters: { modelCalls: number };
    readonly signal?: AbortSignal | undefined;
  },
): AnswerContext {
  const { counters } = options;
  return {
    // Answers are cached under the spec's model string whatever object answers them, as kaizen eval caches them.
    model: (deps.resolveModel ?? defaultResolveModel)(options.model),
    params: readCallParams(options.version.params),
    outputSchema: options.version.outputSchema,
    cache: createStoreAnswerCache(deps.store, options.projectId),
    hits: new Map(),
    inflight: new Map(),
    onPaidCall: () => {
      counters.modelCalls++;
    },
    signal: options.signal,
    timeoutMs: deps.timeoutMs,
    retry: deps.retry,
    prices: deps.prices,
  };
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
