// The cost of one model call from its token usage and the model's price.
import { lookupPrice, type ModelPrice, type PriceTable } from './price-table.js';

export interface TokenUsage {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /**
   * Input tokens served from the prompt cache, counted inside `inputTokens` as the GenAI semconv, OpenInference and
   * OpenAI report them. (Anthropic's raw API counts them apart; an exporter that forwards that as-is gets its cached
   * tokens priced as ordinary input — too high, never too low.)
   */
  readonly cacheReadTokens?: number | null;
}

/**
 * USD for `usage` at `price`; a missing count costs nothing. Cached tokens use the cache price when there is one.
 *
 * @example
 * costOf({ inputPerToken: 1e-6, outputPerToken: 2e-6 }, { inputTokens: 100, outputTokens: 10 }); // 0.00012
 */
export function costOf(price: ModelPrice, usage: TokenUsage): number {
  const input = usage.inputTokens ?? 0;
  const cached = Math.min(usage.cacheReadTokens ?? 0, input);
  const cachePrice = price.cacheReadPerToken ?? price.inputPerToken;
  return (
    (input - cached) * price.inputPerToken + cached * cachePrice + (usage.outputTokens ?? 0) * price.outputPerToken
  );
}

/**
 * The computed cost of a model call, or null when it cannot be known: no model, no input/output token count (a
 * total alone cannot be priced), or a model missing from the table. Never guesses a price.
 *
 * @example
 * computeCost(DEFAULT_PRICES, 'gpt-4o-mini-2024-07-18', { inputTokens: 1000, outputTokens: 100 }); // 0.00021
 * computeCost(DEFAULT_PRICES, 'my-finetune', { inputTokens: 1000, outputTokens: 100 }); // null
 */
export function computeCost(prices: PriceTable, model: string | null, usage: TokenUsage): number | null {
  if (model === null || (usage.inputTokens === null && usage.outputTokens === null)) return null;
  const price = lookupPrice(prices, model);
  return price === undefined ? null : costOf(price, usage);
}
