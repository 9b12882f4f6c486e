// Kaizen's deterministic simulated model: an AI SDK LanguageModelV3 (`kaizen-sim`, `sim:<task>`).
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
  SharedV3Warning,
} from '@ai-sdk/provider';
import { CHARS_PER_TOKEN, estimateTokens, TOKENS_PER_MESSAGE } from './estimate-tokens.js';
import { toPromptMessages } from './prompt-messages.js';
import { hashHex } from './seeded-hash.js';
import type { SimulatedOptions } from './simulated-options.js';
import { streamOf, textDeltas } from './stream-parts.js';
import { resolveSimulatedTask } from './task-registry.js';

export const SIMULATED_PROVIDER = 'kaizen-sim';

interface Completion {
  readonly text: string;
  readonly usage: LanguageModelV3Usage;
  readonly finishReason: LanguageModelV3FinishReason;
  readonly providerMetadata: SharedV3ProviderMetadata;
  readonly warnings: SharedV3Warning[];
  readonly responseId: string;
}

function warningsFor(options: LanguageModelV3CallOptions): SharedV3Warning[] {
  const warnings: SharedV3Warning[] = [];
  if ((options.tools?.length ?? 0) > 0)
    warnings.push({ type: 'unsupported', feature: 'tools', details: 'The simulated model never calls tools.' });
  if ((options.stopSequences?.length ?? 0) > 0) warnings.push({ type: 'unsupported', feature: 'stopSequences' });
  return warnings;
}

/**
 * A deterministic simulated model for one task. Same prompt, parameters and `seed` (default 0) give the same text,
 * byte for byte, from `doGenerate` and `doStream` alike. Tokens are estimated at ~4 characters per token (plus 3 per
 * message); `maxOutputTokens` cuts the text and reports `finishReason: 'length'`. Every response says it is
 * simulated: provider `kaizen-sim`, model id `sim:<task>`, `providerMetadata.kaizenSim.simulated: true`.
 *
 * @example
 * import { generateText } from 'ai';
 * const model = createSimulatedModel('schemaorg', { noise: 0 });
 * const { text } = await generateText({ model, system: 'Return raw JSON only.', prompt: pageHtml });
 */
export function createSimulatedModel(task: string, options: SimulatedOptions = {}): LanguageModelV3 {
  const simulated = resolveSimulatedTask(task);
  const modelId = `sim:${simulated.name}`;

  const complete = (call: LanguageModelV3CallOptions): Completion => {
    const messages = toPromptMessages(call.prompt);
    const seed = call.seed ?? 0;
    const { text: fullText } = simulated.respond({ messages, seed, responseFormat: call.responseFormat, options });
    const limit = call.maxOutputTokens;
    const cut = limit !== undefined && estimateTokens(fullText) > limit;
    const text = cut ? fullText.slice(0, limit * CHARS_PER_TOKEN) : fullText;
    const inputTokens = messages.reduce((sum, message) => sum + estimateTokens(message.text) + TOKENS_PER_MESSAGE, 0);
    const outputTokens = estimateTokens(text);
    return {
      text,
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
        raw: { simulated: true, estimate: `ceil(characters / ${CHARS_PER_TOKEN}) + ${TOKENS_PER_MESSAGE} per message` },
      },
      finishReason: { unified: cut ? 'length' : 'stop', raw: cut ? 'length' : 'stop' },
      providerMetadata: { kaizenSim: { simulated: true, task: simulated.name, seed } },
      warnings: warningsFor(call),
      responseId: `sim-${hashHex(JSON.stringify([messages, seed, call.responseFormat ?? null, limit ?? null]))}`,
    };
  };

  return {
    specificationVersion: 'v3',
    provider: SIMULATED_PROVIDER,
    modelId,
    supportedUrls: {},
    async doGenerate(call) {
      const result = complete(call);
      return {
        content: [{ type: 'text', text: result.text }],
        finishReason: result.finishReason,
        usage: result.usage,
        providerMetadata: result.providerMetadata,
        request: { body: { simulated: true, task: simulated.name } },
        response: { id: result.responseId, modelId, headers: { 'x-kaizen-simulated': 'true' } },
        warnings: result.warnings,
      };
    },
    async doStream(call) {
      const result = complete(call);
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: result.warnings },
        { type: 'response-metadata', id: result.responseId, modelId },
        { type: 'text-start', id: 'text-0' },
        ...textDeltas(result.text).map(
          (delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: 'text-0', delta }),
        ),
        { type: 'text-end', id: 'text-0' },
        {
          type: 'finish',
          usage: result.usage,
          finishReason: result.finishReason,
          providerMetadata: result.providerMetadata,
        },
      ];
      return {
        stream: streamOf(parts),
        request: { body: { simulated: true, task: simulated.name } },
        response: { headers: { 'x-kaizen-simulated': 'true' } },
      };
    },
  };
}
