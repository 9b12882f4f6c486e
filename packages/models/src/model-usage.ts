// Token usage of one model call as Kaizen reports it, from the AI SDK's usage object.
import { computeCost, type PriceTable } from '@kaizen/core';
import type { LanguageModelUsage } from 'ai';

export interface ModelUsage {
  /** All input tokens, cached ones included (the AI SDK adds Anthropic's cache reads and writes back in). */
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly totalTokens: number | null;
  /** Part of `outputTokens` spent on reasoning; only OpenAI reports it (Anthropic counts thinking as output). */
  readonly reasoningTokens?: number;
  /** Part of `inputTokens` read from the provider's prompt cache. */
  readonly cachedInputTokens?: number;
  /** Part of `inputTokens` written to the prompt cache (Anthropic); billed above the input price. */
  readonly cacheWriteInputTokens?: number;
}

/**
 * Missing counts become null, never 0: "the provider did not say" is not "free". Zero detail counts are dropped
 * because the OpenAI adapter reports 0 reasoning/cached tokens even when the response has no such field.
 *
 * @example
 * toModelUsage(result.totalUsage); // { inputTokens: 1167, outputTokens: 202, totalTokens: 1369, cachedInputTokens: 1163 }
 */
export function toModelUsage(usage: LanguageModelUsage | undefined): ModelUsage {
  const input = usage?.inputTokens ?? null;
  const output = usage?.outputTokens ?? null;
  const total = usage?.totalTokens ?? (input !== null || output !== null ? (input ?? 0) + (output ?? 0) : null);
  const reasoning = usage?.outputTokenDetails?.reasoningTokens;
  const cacheRead = usage?.inputTokenDetails?.cacheReadTokens;
  const cacheWrite = usage?.inputTokenDetails?.cacheWriteTokens;
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: total,
    ...(reasoning ? { reasoningTokens: reasoning } : {}),
    ...(cacheRead ? { cachedInputTokens: cacheRead } : {}),
    ...(cacheWrite ? { cacheWriteInputTokens: cacheWrite } : {}),
  };
}

/**
 * USD for one call from the price table; null when the model is not in it or the provider reported no usage.
 * Cache reads use the cache price; cache writes are priced as ordinary input (the table has no write price, and
 * Anthropic bills them at 1.25× input, so such calls come out slightly low).
 *
 * @example
 * costOfCall(DEFAULT_PRICES, 'gpt-4o-mini-2024-07-18', { inputTokens: 23, outputTokens: 8, totalTokens: 31 }); // 8.25e-6
 */
export function costOfCall(prices: PriceTable, model: string, usage: ModelUsage): number | null {
  return computeCost(prices, model, {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cacheReadTokens: usage.cachedInputTokens ?? null,
  });
}
