// The simulator's token count: a documented estimate, never a tokenizer's figure.

/** Characters per token: OpenAI's rule of thumb for English text, close enough to price and compare prompts. */
export const CHARS_PER_TOKEN = 4;

/** Per-message framing tokens (role markers), as chat formats add a few per turn. */
export const TOKENS_PER_MESSAGE = 3;

/**
 * ⌈characters / 4⌉. Deterministic and monotone in length, which is all the simulator's uses need: usage figures,
 * the long-prompt rule, and token-saving comparisons between prompt versions.
 *
 * @example
 * estimateTokens('Return JSON only.'); // 5
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
