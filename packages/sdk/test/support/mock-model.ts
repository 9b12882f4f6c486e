// A deterministic AI SDK model for tests: answers a fixed text with fixed usage, and keeps the calls it got.
import { MockLanguageModelV3 } from 'ai/test';

/**
 * @example
 * const model = mockModel('{"@type":"Product"}');
 * model.doGenerateCalls[0]?.prompt; // what the SDK sent
 */
export function mockModel(text: string, usage = { input: 12, output: 7 }): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    provider: 'mock.chat',
    modelId: 'mock-1',
    doGenerate: async () => ({
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: usage.input, noCache: usage.input, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: usage.output, text: usage.output, reasoning: undefined },
      },
      warnings: [],
    }),
  });
}

/** A model whose provider fails every call. */
export function failingModel(message: string): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    provider: 'mock.chat',
    modelId: 'mock-1',
    doGenerate: async () => {
      throw new Error(message);
    },
  });
}
