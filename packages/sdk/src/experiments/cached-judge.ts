// A judge ModelPort that answers from the response cache when the same judge request was answered before, so
// re-running an unchanged experiment makes no judge call either.
import type { ModelPort } from '@kaizen/core';
import type { ResponseCache } from './response-cache.js';
import { responseCacheKey } from './response-cache.js';

/**
 * @example
 * const judge = cachedJudge(createModelPort('openai:gpt-4o-mini'), 'openai:gpt-4o-mini', cache);
 */
export function cachedJudge(port: ModelPort, model: string, cache: ResponseCache | null): ModelPort {
  return {
    async generate(request) {
      const key =
        cache === null
          ? null
          : await responseCacheKey({
              model: `judge:${model}`,
              params: {
                temperature: request.temperature,
                seed: request.seed,
                maxOutputTokens: request.maxOutputTokens,
              },
              messages: request.messages,
              outputSchema: request.responseSchema ?? null,
            });
      if (cache !== null && key !== null) {
        const hit = (await cache.lookup([key])).get(key);
        if (hit !== undefined) {
          const usage = hit.inputTokens === null && hit.outputTokens === null;
          return {
            text: hit.text,
            usage: usage ? null : { inputTokens: hit.inputTokens, outputTokens: hit.outputTokens },
          };
        }
      }
      const startedAt = performance.now();
      const answer = await port.generate(request);
      if (cache !== null && key !== null) {
        await cache.put(key, {
          text: answer.text,
          inputTokens: answer.usage?.inputTokens ?? null,
          outputTokens: answer.usage?.outputTokens ?? null,
          costUsd: null,
          latencyMs: performance.now() - startedAt,
          model,
        });
      }
      return answer;
    },
  };
}
