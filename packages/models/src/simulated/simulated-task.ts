// The contract between the simulated model and one task it simulates (schemaorg, ifeval, judge).
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import type { PromptMessage } from './prompt-messages.js';
import type { SimulatedOptions } from './simulated-options.js';

/** One call as a task sees it: plain messages, the seed, the response format, the configuration. */
export interface SimulatedRequest {
  readonly messages: readonly PromptMessage[];
  readonly seed: number;
  readonly responseFormat: LanguageModelV3CallOptions['responseFormat'];
  readonly options: SimulatedOptions;
}

/** What a task answers, and which of its rules shaped the answer (for tests; never sent to callers). */
export interface SimulatedResponse {
  readonly text: string;
  readonly fired: readonly string[];
}

export interface SimulatedTask {
  readonly name: string;
  readonly ruleNames: readonly string[];
  /** Must be a pure function of the request: the same request gives the same text, byte for byte. */
  respond(request: SimulatedRequest): SimulatedResponse;
}
