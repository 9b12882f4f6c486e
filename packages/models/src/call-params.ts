// The model parameters Kaizen passes to a call, and how they are read from a stored prompt's untyped `params`.

export interface CallParams {
  readonly temperature?: number;
  readonly maxOutputTokens?: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly seed?: number;
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
  readonly stopSequences?: readonly string[];
}

const NUMERIC = [
  'temperature',
  'maxOutputTokens',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
] as const;

/** Names other tools write for the same setting; a prompt pushed from a JSON file may use them. */
const ALIASES: Readonly<Record<string, (typeof NUMERIC)[number]>> = {
  max_tokens: 'maxOutputTokens',
  maxTokens: 'maxOutputTokens',
  max_output_tokens: 'maxOutputTokens',
  max_completion_tokens: 'maxOutputTokens',
  top_p: 'topP',
  top_k: 'topK',
  presence_penalty: 'presencePenalty',
  frequency_penalty: 'frequencyPenalty',
};

/**
 * The known settings of a prompt's `params` record, with their types checked; unknown keys and ill-typed values are
 * left out rather than sent to a provider that would reject the whole call.
 *
 * @example
 * readCallParams({ temperature: 0, max_tokens: 256, foo: 1 }); // { temperature: 0, maxOutputTokens: 256 }
 */
export function readCallParams(params: Readonly<Record<string, unknown>>): CallParams {
  const read: Record<string, number | readonly string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const name = (NUMERIC as readonly string[]).includes(key) ? key : Object.hasOwn(ALIASES, key) ? ALIASES[key] : key;
    if (name === undefined) continue;
    if ((NUMERIC as readonly string[]).includes(name) && typeof value === 'number' && Number.isFinite(value)) {
      read[name] = value;
    }
    const stop = name === 'stopSequences' || name === 'stop' ? value : undefined;
    if (Array.isArray(stop) && stop.every((item) => typeof item === 'string')) read.stopSequences = stop;
  }
  return read as CallParams;
}
