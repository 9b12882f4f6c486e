// Core's ModelPort over callModel: the judge (and anything else in core that needs a model) reaches providers here.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  KaizenError,
  type ModelPort,
  type ModelPortRequest,
  type ModelPortResponse,
  type PriceTable,
} from '@kaizen/core';
import { type CallModelResult, callModel } from './call-model.js';
import type { ResolveModelOptions } from './resolve-model.js';
import type { RetryOptions } from './retry.js';

/** Two minutes: longer than any sane judge answer, short enough that a hung provider cannot stall a run. */
export const DEFAULT_MODEL_PORT_TIMEOUT_MS = 120_000;

export interface ModelPortOptions {
  /** Retries of transient failures (429, 5xx, dropped connections), as callModel does them. */
  readonly retry?: Partial<RetryOptions>;
  /**
   * Deadline of one `generate` call, retries and backoff included (default {@link DEFAULT_MODEL_PORT_TIMEOUT_MS}).
   * When it passes, the call is aborted and `generate` rejects with `KaizenError('unavailable')`, even if the model
   * ignores the abort; core then records the judged criteria as errored, never failed.
   */
  readonly timeoutMs?: number;
  /** Per attempt, so a hung attempt can be retried within `timeoutMs`; by default attempts have no own limit. */
  readonly attemptTimeoutMs?: number;
  /** Prices the calls reported to `onResult`; defaults to Kaizen's table. */
  readonly prices?: PriceTable;
  /** Used when `model` is a `provider:model` string. */
  readonly resolve?: ResolveModelOptions;
  /** Sees every answered call whole (cost, latency, attempts, simulated), e.g. to account for judge spend. */
  readonly onResult?: (result: CallModelResult) => void;
}

function timeoutError(model: string | LanguageModelV3, timeoutMs: number): KaizenError {
  const name = typeof model === 'string' ? model : `${model.provider}:${model.modelId}`;
  return new KaizenError('unavailable', `model call to ${name} timed out after ${timeoutMs} ms (retries included)`);
}

/**
 * A ModelPort for a `provider:model` string (`openai:gpt-4o-mini`, `sim:schemaorg`) or an AI SDK model. A request's
 * `responseSchema` is sent as structured output (the provider's JSON mode), but the raw text comes back as the model
 * gave it: core parses and judges it, so an answer that breaks the schema is core's to report, not a rejection here.
 *
 * @example
 * const judge = createModelPort('openai:gpt-4o-mini', { timeoutMs: 30_000, retry: { retries: 2 } });
 * const compiled = compileChecklist(checklist, { judge });
 * const result = await compiled.evaluate({ output, input });
 */
export function createModelPort(model: string | LanguageModelV3, options: ModelPortOptions = {}): ModelPort {
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_PORT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new KaizenError('invalid_input', `timeoutMs must be > 0, got ${timeoutMs}`);
  return {
    async generate(request: ModelPortRequest): Promise<ModelPortResponse> {
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = timeoutError(model, timeoutMs);
          reject(error);
          controller.abort(error);
        }, timeoutMs);
      });
      const call = callModel({
        model,
        messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
        params: {
          temperature: request.temperature,
          ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
        },
        ...(request.responseSchema !== undefined ? { outputSchema: request.responseSchema } : {}),
        signal: controller.signal,
        ...(options.attemptTimeoutMs !== undefined ? { timeoutMs: options.attemptTimeoutMs } : {}),
        ...(options.retry !== undefined ? { retry: options.retry } : {}),
        ...(options.prices !== undefined ? { prices: options.prices } : {}),
        ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
      });
      // The call settles after the deadline when the model ignores the abort; nobody awaits it then.
      call.catch(() => undefined);
      try {
        const result = await Promise.race([call, deadline]);
        options.onResult?.(result);
        const { inputTokens, outputTokens } = result.usage;
        return {
          text: result.text,
          usage: inputTokens === null && outputTokens === null ? null : { inputTokens, outputTokens },
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
