// The options and results of `generate`, and what a prompt must provide to be run.
import type { CallModelResult, ModelUsage } from '@kaizen/models';
import type { AttributeValue } from '@opentelemetry/api';
import type { ToolSet } from 'ai';
import type { z } from 'zod';
import type { ModelInput } from './model-input.js';
import type { PromptOutputError } from './prompt-output-error.js';
import type { CodePrompt, ResolvedPrompt } from './resolve-prompt.js';

/**
 * Per-call options of `generate` / `safeGenerate`.
 *
 * @example
 * await extractor.generate(client, page, { model: 'openai:gpt-4o-mini', timeoutMs: 30_000, metadata: { sessionId } });
 */
export interface GenerateOptions {
  /** Overrides the model of the resolved version (and of the definition). */
  readonly model?: ModelInput;
  readonly signal?: AbortSignal;
  /** Per attempt; a timed-out attempt is retried like a 5xx. */
  readonly timeoutMs?: number;
  /** Offered to the model; calls come back in `toolCalls` and are not executed. */
  readonly tools?: ToolSet;
  /** Extra telemetry metadata on the AI SDK spans: `sessionId` and `userId` are read by Kaizen. */
  readonly metadata?: Readonly<Record<string, AttributeValue>>;
}

/**
 * What `generate` returns: the typed output plus where it came from and what it cost.
 *
 * @example
 * const { output, prompt, usage, traceId } = await extractor.generate(client, page);
 * console.log(output['@type'], `v${prompt.version} from ${prompt.source}`, usage.inputTokens, traceId);
 */
export interface GenerateResult<T> {
  /** The schema-valid output when the prompt has an `output` schema, else the text. */
  readonly output: T;
  readonly text: string;
  /** Which version ran, and where it came from. */
  readonly prompt: Omit<ResolvedPrompt, 'content'>;
  readonly toolCalls: CallModelResult['toolCalls'];
  readonly usage: ModelUsage;
  readonly costUsd: number | null;
  /** The model that answered; `simulated` is true for `sim:` models, whose results say nothing of real models. */
  readonly model: string;
  readonly simulated: boolean;
  readonly traceId: string;
  readonly spanId: string;
}

/**
 * Zod's `safeParse` shape: an output that broke its schema is data here, other failures still throw.
 *
 * @example
 * const result = await extractor.safeGenerate(client, page);
 * if (!result.success) console.warn(result.error.kind, result.error.traceId);
 */
export type SafeGenerateResult<T> =
  | ({ readonly success: true } & GenerateResult<T>)
  | { readonly success: false; readonly error: PromptOutputError };

/** A prompt as generatePrompt runs it: code content plus the typed output schema and model of the definition. */
export interface RunnablePrompt extends CodePrompt {
  readonly output: z.ZodType | undefined;
  readonly model: ModelInput | undefined;
}
