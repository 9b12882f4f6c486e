// The one way Kaizen runs a rendered prompt: resolve the model, call it with retries, report output, usage and cost.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { DEFAULT_PRICES, type PriceTable, type ToolCall } from '@kaizen/core';
import {
  type FinishReason,
  type FlexibleSchema,
  generateText,
  type ModelMessage,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  type TelemetrySettings,
  type ToolSet,
} from 'ai';
import type { CallParams } from './call-params.js';
import { costOfCall, type ModelUsage, toModelUsage } from './model-usage.js';
import { isSimulatedModel } from './parse-model-spec.js';
import { type ResolveModelOptions, resolveModel } from './resolve-model.js';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions, withRetry } from './retry.js';
import { SIMULATED_PROVIDER } from './simulated/index.js';
import { type OutputError, outputErrorOf, toSchema } from './structured-output.js';
import type { JsonSchema } from './validate-json-schema.js';

export interface CallModelOptions {
  /** A `provider:model` string (see resolveModel) or an AI SDK model. */
  readonly model: string | LanguageModelV3;
  /** A text prompt or chat messages (a rendered chat template fits as is). */
  readonly messages: string | readonly ModelMessage[];
  readonly system?: string;
  readonly params?: CallParams;
  /** JSON Schema (or a zod / Standard / AI SDK schema) the output must satisfy; violations land in `outputError`. */
  readonly outputSchema?: JsonSchema | FlexibleSchema<unknown>;
  /** Offered to the model; calls come back in `toolCalls` and are not executed (one step). */
  readonly tools?: ToolSet;
  readonly signal?: AbortSignal;
  /** Per attempt; a timed-out attempt is retried. */
  readonly timeoutMs?: number;
  /** Passed to the AI SDK as `experimental_telemetry`, so its spans are recorded. */
  readonly telemetry?: TelemetrySettings;
  readonly retry?: Partial<RetryOptions>;
  readonly prices?: PriceTable;
  /** Used when `model` is a string. */
  readonly resolve?: ResolveModelOptions;
}

export interface CallModelResult {
  readonly text: string;
  /** The parsed, schema-valid output; absent without `outputSchema` or when `outputError` is set. */
  readonly object?: unknown;
  readonly outputError?: OutputError;
  readonly toolCalls: readonly ToolCall[];
  readonly usage: ModelUsage;
  /** From the price table; null when the model is unknown to it, and always for simulated models. */
  readonly costUsd: number | null;
  /** Of the attempt that produced the result. */
  readonly latencyMs: number;
  /** The model that answered (a dated snapshot when the provider reports one). */
  readonly model: string;
  readonly provider: string;
  /** Results of a `sim:` model measure Kaizen's machinery, not a real model, and must say so. */
  readonly simulated: boolean;
  readonly finishReason: FinishReason;
  readonly attempts: number;
}

/**
 * @example
 * const result = await callModel({ model: 'openai:gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 * result.text; result.usage.inputTokens; result.costUsd;
 * const extracted = await callModel({ model: 'sim:schemaorg', messages, outputSchema: { type: 'object' } });
 * if (extracted.outputError) console.log(extracted.outputError.message);
 */
export async function callModel(options: CallModelOptions): Promise<CallModelResult> {
  const model = typeof options.model === 'string' ? resolveModel(options.model, options.resolve) : options.model;
  const provider = model.provider.split('.')[0] ?? model.provider;
  const simulated =
    typeof options.model === 'string' ? isSimulatedModel(options.model) : model.provider === SIMULATED_PROVIDER;
  const output = options.outputSchema !== undefined ? Output.object({ schema: toSchema(options.outputSchema) }) : null;
  // The SDK's settings type wants a mutable stop list.
  const { stopSequences, ...params } = options.params ?? {};
  const messages = typeof options.messages === 'string' ? options.messages : [...options.messages];
  let attempts = 0;
  let startedAt = 0;

  const settled = await withRetry(
    async () => {
      // Not every model checks the signal before starting (the simulated one never does).
      options.signal?.throwIfAborted();
      attempts++;
      startedAt = performance.now();
      const signals = [options.signal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined];
      const active = signals.filter((signal) => signal !== undefined);
      try {
        const result = await generateText({
          model,
          prompt: messages,
          ...(options.system !== undefined ? { system: options.system } : {}),
          ...params,
          ...(stopSequences !== undefined ? { stopSequences: [...stopSequences] } : {}),
          ...(output !== null ? { output } : {}),
          ...(options.tools !== undefined ? { tools: options.tools } : {}),
          ...(active.length > 0 ? { abortSignal: AbortSignal.any(active) } : {}),
          ...(options.telemetry !== undefined ? { experimental_telemetry: options.telemetry } : {}),
          // Retries are ours (backoff, Retry-After, one policy for all providers); the SDK's would multiply them.
          maxRetries: 0,
          // Messages come from a versioned prompt the team wrote, not from end users.
          allowSystemInMessages: true,
        });
        return { result } as const;
      } catch (error) {
        // Invalid structured output is a result to report, not a failure to retry.
        if (NoObjectGeneratedError.isInstance(error)) return { invalid: error } as const;
        throw error;
      }
    },
    { ...DEFAULT_RETRY_OPTIONS, ...options.retry, ...(options.signal ? { signal: options.signal } : {}) },
  );
  const latencyMs = performance.now() - startedAt;

  const base = { latencyMs, provider, simulated, attempts };
  // A simulated model costs nothing real; null (not 0) keeps it out of cost totals and comparisons.
  const price = (answered: string, usage: ModelUsage) =>
    simulated ? null : costOfCall(options.prices ?? DEFAULT_PRICES, answered, usage);

  if ('invalid' in settled) {
    const error = settled.invalid;
    const usage = toModelUsage(error.usage);
    const answered = error.response?.modelId ?? model.modelId;
    return {
      ...base,
      text: error.text ?? '',
      outputError: outputErrorOf(error),
      toolCalls: [],
      usage,
      costUsd: price(answered, usage),
      model: answered,
      finishReason: error.finishReason ?? 'other',
    };
  }

  const { result } = settled;
  const usage = toModelUsage(result.totalUsage);
  const answered = result.response.modelId || model.modelId;
  let parsed: { object: unknown } | { outputError: OutputError } | null = null;
  if (output !== null) {
    try {
      parsed = { object: result.output };
    } catch (error) {
      if (!NoOutputGeneratedError.isInstance(error)) throw error;
      parsed = {
        outputError: { kind: 'missing', message: `no output to parse (finish reason ${result.finishReason})` },
      };
    }
  }
  return {
    ...base,
    text: result.text,
    ...parsed,
    toolCalls: result.toolCalls.map((call) => ({
      id: call.toolCallId,
      name: call.toolName,
      arguments: JSON.stringify(call.input),
    })),
    usage,
    costUsd: price(answered, usage),
    model: answered,
    finishReason: result.finishReason,
  };
}
