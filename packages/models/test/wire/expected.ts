// What Kaizen should report for recorded exchanges: summed wire usage and its cost, computed independently.
import { DEFAULT_PRICES, lookupPrice } from '@kaizen/core';
import type { WireOutput, WireUsage } from './recording.js';

/** Tokens × the table's per-token prices, cache reads at the cache price; null when unpriced or unreported. */
export function expectedCost(output: WireOutput): number | null {
  const price = output.model ? lookupPrice(DEFAULT_PRICES, output.model) : undefined;
  const { inputTokens, outputTokens, cachedInputTokens } = output.usage;
  if (price === undefined || inputTokens === null || outputTokens === null) return null;
  const cacheRead = price.cacheReadPerToken ?? price.inputPerToken;
  return (
    (inputTokens - cachedInputTokens) * price.inputPerToken +
    cachedInputTokens * cacheRead +
    outputTokens * price.outputPerToken
  );
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  return values.every((value) => value === null) ? null : values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

export interface Expected {
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: WireOutput['toolCalls'];
  readonly usage: WireUsage;
  readonly costUsd: number | null;
  readonly model: string | null;
}

/** Several requests of one call (an agent loop): usage and cost add up, the text is the last answer's. */
export function expectedOf(outputs: readonly WireOutput[]): Expected {
  const last = outputs.at(-1);
  if (last === undefined) throw new Error('no recorded output');
  return {
    text: last.text,
    reasoning: outputs.map((output) => output.reasoning).join(''),
    toolCalls: outputs.flatMap((output) => output.toolCalls),
    usage: {
      inputTokens: sumOrNull(outputs.map((output) => output.usage.inputTokens)),
      outputTokens: sumOrNull(outputs.map((output) => output.usage.outputTokens)),
      cachedInputTokens: outputs.reduce((sum, output) => sum + output.usage.cachedInputTokens, 0),
      cacheWriteInputTokens: outputs.reduce((sum, output) => sum + output.usage.cacheWriteInputTokens, 0),
      reasoningTokens: outputs.reduce((sum, output) => sum + output.usage.reasoningTokens, 0),
    },
    costUsd: sumOrNull(outputs.map(expectedCost)),
    model: last.model,
  };
}
