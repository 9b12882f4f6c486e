// Model prices in USD per token, the default table, and the lookup that maps a reported model name to a price.

export interface ModelPrice {
  readonly inputPerToken: number;
  readonly outputPerToken: number;
  /** Price of an input token read from the provider's prompt cache; absent → cached tokens cost the input price. */
  readonly cacheReadPerToken?: number;
}

/** Model name (lowercase, without provider prefix or date suffix) → price. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** Providers publish prices per million tokens; the table holds them per token. */
function perMillion(input: number, output: number, cacheRead?: number): ModelPrice {
  return {
    inputPerToken: input / 1e6,
    outputPerToken: output / 1e6,
    ...(cacheRead !== undefined ? { cacheReadPerToken: cacheRead / 1e6 } : {}),
  };
}

/**
 * List prices (standard tier, short context) published by OpenAI, Anthropic and Google, as of late 2025. A snapshot:
 * override or extend it with `mergePrices` rather than editing it for one deployment. Cache-read prices only where
 * the provider publishes one per model.
 *
 * @example
 * DEFAULT_PRICES['gpt-4o-mini']; // { inputPerToken: 1.5e-7, outputPerToken: 6e-7, cacheReadPerToken: 7.5e-8 }
 */
export const DEFAULT_PRICES: PriceTable = {
  // OpenAI
  'gpt-5': perMillion(1.25, 10, 0.125),
  'gpt-5.1': perMillion(1.25, 10, 0.125),
  'gpt-5-mini': perMillion(0.25, 2, 0.025),
  'gpt-5-nano': perMillion(0.05, 0.4, 0.005),
  'gpt-4.1': perMillion(2, 8, 0.5),
  'gpt-4.1-mini': perMillion(0.4, 1.6, 0.1),
  'gpt-4.1-nano': perMillion(0.1, 0.4, 0.025),
  'gpt-4o': perMillion(2.5, 10, 1.25),
  'gpt-4o-mini': perMillion(0.15, 0.6, 0.075),
  'gpt-4-turbo': perMillion(10, 30),
  'gpt-4': perMillion(30, 60),
  'gpt-3.5-turbo': perMillion(0.5, 1.5),
  o1: perMillion(15, 60, 7.5),
  'o1-mini': perMillion(1.1, 4.4, 0.55),
  o3: perMillion(2, 8, 0.5),
  'o3-mini': perMillion(1.1, 4.4, 0.55),
  'o4-mini': perMillion(1.1, 4.4, 0.275),
  'text-embedding-3-small': perMillion(0.02, 0),
  'text-embedding-3-large': perMillion(0.13, 0),
  'text-embedding-ada-002': perMillion(0.1, 0),
  // Anthropic (cache read = 10 % of input)
  'claude-opus-4-5': perMillion(5, 25, 0.5),
  'claude-opus-4-1': perMillion(15, 75, 1.5),
  'claude-opus-4': perMillion(15, 75, 1.5),
  'claude-sonnet-4-5': perMillion(3, 15, 0.3),
  'claude-sonnet-4': perMillion(3, 15, 0.3),
  'claude-haiku-4-5': perMillion(1, 5, 0.1),
  'claude-3-7-sonnet': perMillion(3, 15, 0.3),
  'claude-3-5-sonnet': perMillion(3, 15, 0.3),
  'claude-3-5-haiku': perMillion(0.8, 4, 0.08),
  'claude-3-opus': perMillion(15, 75, 1.5),
  'claude-3-haiku': perMillion(0.25, 1.25, 0.03),
  // Google (prompts up to 128k tokens for 1.5, up to 200k for 2.5 Pro)
  'gemini-2.5-pro': perMillion(1.25, 10),
  'gemini-2.5-flash': perMillion(0.3, 2.5),
  'gemini-2.5-flash-lite': perMillion(0.1, 0.4),
  'gemini-2.0-flash': perMillion(0.1, 0.4),
  'gemini-2.0-flash-lite': perMillion(0.075, 0.3),
  'gemini-1.5-pro': perMillion(1.25, 5),
  'gemini-1.5-flash': perMillion(0.075, 0.3),
  'gemini-1.5-flash-8b': perMillion(0.0375, 0.15),
};

/**
 * What may follow a table key in a reported name: only date and version suffixes (`-2024-07-18`, `-20241022`,
 * `-002`, `-latest`, `-preview-05-20`, `-exp`, `@20241022` on Vertex, `-v2`, `:0` on Bedrock). A variant such as
 * `o3-pro`, `gpt-4o-audio-preview` or a future `claude-opus-4-6` has another price, so it stays unknown rather than
 * being priced as its prefix.
 */
const VERSION_SUFFIX = /^(?:[-@](?:\d{2,}|v\d+|latest|preview|exp)|:\d+)+$/;

/** Past lookups per table: ingest prices every model call, and a batch names the same few models again and again. */
const lookups = new WeakMap<PriceTable, Map<string, ModelPrice | null>>();

/** Model names are untrusted input: the memo of one table is emptied rather than grown past this many names. */
const MAX_REMEMBERED_NAMES = 1000;

/**
 * The price of a reported model name: the exact key first, then the longest key the name starts with when the rest
 * is a date or version suffix, so `gpt-4o-mini-2024-07-18` → `gpt-4o-mini`, never `gpt-4o`. Case-insensitive; a
 * `provider/` prefix (`openai/gpt-4o`, OpenRouter/LiteLLM style) is ignored. Undefined when unknown: the caller must
 * not guess. Answers are remembered per table, which is therefore read as immutable (as its type says).
 *
 * @example
 * lookupPrice(DEFAULT_PRICES, 'gpt-4o-mini-2024-07-18') === DEFAULT_PRICES['gpt-4o-mini']; // true
 * lookupPrice(DEFAULT_PRICES, 'my-finetune'); // undefined
 */
export function lookupPrice(table: PriceTable, model: string): ModelPrice | undefined {
  let remembered = lookups.get(table);
  if (remembered === undefined) {
    remembered = new Map();
    lookups.set(table, remembered);
  }
  const known = remembered.get(model);
  if (known !== undefined) return known ?? undefined;
  const price = findPrice(table, model);
  if (remembered.size >= MAX_REMEMBERED_NAMES) remembered.clear();
  remembered.set(model, price ?? null);
  return price;
}

function findPrice(table: PriceTable, model: string): ModelPrice | undefined {
  const name = model.trim().toLowerCase();
  const bare = name.slice(name.lastIndexOf('/') + 1);
  let best: { length: number; price: ModelPrice } | undefined;
  for (const [key, price] of Object.entries(table)) {
    const candidate = key.trim().toLowerCase();
    if (candidate === name || candidate === bare) return price;
    if (
      candidate !== '' &&
      bare.startsWith(candidate) &&
      VERSION_SUFFIX.test(bare.slice(candidate.length)) &&
      (best === undefined || candidate.length > best.length)
    ) {
      best = { length: candidate.length, price };
    }
  }
  return best?.price;
}

/**
 * A new table with `overrides` replacing or adding entries of `base` (e.g. negotiated prices, fine-tuned models).
 *
 * @example
 * const prices = mergePrices(DEFAULT_PRICES, { 'my-finetune': { inputPerToken: 3e-6, outputPerToken: 1.2e-5 } });
 */
export function mergePrices(base: PriceTable, overrides: PriceTable): PriceTable {
  // Keys are compared lowercase; normalising them here lets `GPT-4o` in overrides replace `gpt-4o` in base.
  const merged: Record<string, ModelPrice> = {};
  for (const [key, price] of [...Object.entries(base), ...Object.entries(overrides)]) {
    Object.defineProperty(merged, key.trim().toLowerCase(), { value: price, enumerable: true, writable: true });
  }
  return merged;
}
