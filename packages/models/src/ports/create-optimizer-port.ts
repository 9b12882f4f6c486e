// The optimization loop's optimizer port: one call to the optimizer model, answered from the cache when asked before.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { OptimizerPort } from '@kaizen/core';
import { callModel } from '../call-model.js';
import type { ResolveModelOptions } from '../resolve-model.js';
import type { RetryOptions } from '../retry.js';
import { type AnswerCache, answerCacheKey, type CachedAnswer, cachedAnswerOf } from './answer-cache.js';
import { modelKey } from './model-key.js';

export interface OptimizerPortOptions {
  readonly model: string | LanguageModelV3;
  /** The name answers are cached under; defaults to `modelKey(model)`. */
  readonly cacheModelKey?: string;
  readonly cache?: AnswerCache;
  readonly retry?: Partial<RetryOptions>;
  readonly timeoutMs?: number;
  readonly resolve?: ResolveModelOptions;
  readonly signal?: AbortSignal;
}

/**
 * @example
 * const optimizer = createOptimizerPort({ model: 'openai:gpt-4.1', cache });
 * const answer = await optimizer.generate({ messages: buildOptimizerMessages(request), temperature: 0 });
 */
export function createOptimizerPort(options: OptimizerPortOptions): OptimizerPort {
  const model = options.cacheModelKey ?? modelKey(options.model);
  return {
    async generate(request) {
      const params = {
        temperature: request.temperature,
        ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
        ...(request.seed !== undefined ? { seed: request.seed } : {}),
      };
      const outputSchema = request.responseSchema ?? null;
      const key = await answerCacheKey({ model, params, messages: request.messages, outputSchema });
      const hit = options.cache === undefined ? undefined : (await options.cache.lookup([key])).get(key);
      let answer: CachedAnswer;
      let paid = 0;
      if (hit !== undefined) {
        answer = hit;
      } else {
        const result = await callModel({
          model: options.model,
          messages: request.messages,
          params,
          // The answer is parsed by the loop; a schema violation is a dropped proposal, not a failed call.
          ...(outputSchema !== null ? { outputSchema } : {}),
          ...(options.retry !== undefined ? { retry: options.retry } : {}),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
          ...(options.signal !== undefined ? { signal: options.signal } : {}),
        });
        paid = 1;
        answer = cachedAnswerOf(result);
        await options.cache?.put([{ key, value: answer }]);
      }
      return {
        text: answer.text,
        usage: { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens },
        cost: {
          calls: 1,
          paidCalls: paid,
          inputTokens: answer.inputTokens ?? 0,
          outputTokens: answer.outputTokens ?? 0,
          costUsd: answer.costUsd ?? 0,
        },
      };
    },
  };
}
