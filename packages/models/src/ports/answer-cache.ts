// The answer cache the optimization ports use: one key per distinct model request, so a rerun pays for nothing twice.
import { canonicalJson } from '@kaizen/core';
import type { CallModelResult } from '../call-model.js';

/** Bumped when what a cached answer holds changes; equal to the SDK's response cache format, so both share entries. */
const CACHE_FORMAT = 1;

/** What one model call answered: enough to score and account for it again without calling. */
export interface CachedAnswer {
  readonly text: string;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  readonly latencyMs: number;
  /** The model that answered (a dated snapshot when the provider reports one). */
  readonly model: string;
}

/**
 * What a model call answered, as the cache keeps it.
 * @example
 * await cache.put([{ key, value: cachedAnswerOf(await callModel(options)) }]);
 */
export function cachedAnswerOf(result: CallModelResult): CachedAnswer {
  return {
    text: result.text,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    costUsd: result.costUsd,
    latencyMs: result.latencyMs,
    model: result.model,
  };
}

/**
 * Where answers are kept: in memory for a benchmark, in the store's response cache on a server.
 * @example
 * const cache: AnswerCache = createMemoryAnswerCache();
 */
export interface AnswerCache {
  /** The answers found among `keys`; missing keys are absent. */
  lookup(keys: readonly string[]): Promise<Map<string, CachedAnswer>>;
  put(entries: readonly { readonly key: string; readonly value: CachedAnswer }[]): Promise<void>;
}

/**
 * sha256 of the canonical JSON of (model, params, messages, output schema): the same key the SDK's experiments
 * compute, so an optimization reuses answers an experiment already paid for and vice versa.
 * @example
 * await answerCacheKey({ model: 'sim:schemaorg', params: {}, messages, outputSchema: null }); // 64 hex characters
 */
export async function answerCacheKey(request: {
  readonly model: string;
  readonly params: unknown;
  readonly messages: unknown;
  readonly outputSchema: unknown;
}): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson({ cache: CACHE_FORMAT, ...request }));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function isCachedAnswer(value: unknown): value is CachedAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  return typeof answer.text === 'string' && typeof answer.latencyMs === 'number' && typeof answer.model === 'string';
}

/**
 * An in-process cache (a Map); `size` counts stored answers.
 * @example
 * const cache = createMemoryAnswerCache();
 * await cache.put([{ key, value }]); cache.size; // 1
 */
export function createMemoryAnswerCache(): AnswerCache & { readonly size: number } {
  const entries = new Map<string, CachedAnswer>();
  return {
    get size() {
      return entries.size;
    },
    async lookup(keys) {
      const found = new Map<string, CachedAnswer>();
      for (const key of keys) {
        const value = entries.get(key);
        if (value !== undefined) found.set(key, value);
      }
      return found;
    },
    async put(list) {
      for (const { key, value } of list) entries.set(key, value);
    },
  };
}
