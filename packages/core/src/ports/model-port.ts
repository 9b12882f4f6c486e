// The one interface core uses to talk to a language model; providers (AI SDK, simulated) are adapters outside core.

/** One chat message sent to a model. */
export interface ModelPortMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ModelPortRequest {
  readonly messages: readonly ModelPortMessage[];
  readonly temperature: number;
  /** A JSON Schema the answer must follow; adapters pass it on as structured output where the provider has it. */
  readonly responseSchema?: Readonly<Record<string, unknown>>;
  readonly maxOutputTokens?: number;
  readonly seed?: number;
}

/** Token counts as the provider reported them; null where it did not say (never 0 for "unknown"). */
export interface ModelPortUsage {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
}

export interface ModelPortResponse {
  /** The raw text of the answer, as the model gave it. */
  readonly text: string;
  readonly usage: ModelPortUsage | null;
}

/**
 * A model as core sees it. Adapters own retries and timeouts: a timed-out or failed call rejects, and the caller
 * records that as an error (an evaluator marks the judged criteria `errored`, never failed).
 *
 * @example
 * const judge: ModelPort = {
 *   async generate(request) {
 *     const result = await callModel({ model: 'openai:gpt-4o-mini', messages: request.messages, … });
 *     return { text: result.text, usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens } };
 *   },
 * };
 */
export interface ModelPort {
  generate(request: ModelPortRequest): Promise<ModelPortResponse>;
}
