// The real AI SDK providers against recorded OpenAI and Anthropic responses: output, usage and Kaizen's cost.
import { DEFAULT_PRICES } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { costOfCall, toModelUsage } from '../../src/model-usage.js';
import { providersFor } from './call-recipes.js';
import { expectedOf } from './expected.js';
import { interaction, loadRecording, wireOutput } from './recording.js';
import { startReplayServer } from './replay-server.js';
import { WIRE_CASES } from './wire-cases.js';

describe.each(WIRE_CASES)('$recording: $title', (wireCase) => {
  it('parses the recorded response into the recorded text, tool calls, usage and cost', async () => {
    const recording = loadRecording(wireCase.recording);
    const served = wireCase.interactions.map((index) => interaction(recording, index));
    const server = await startReplayServer(served.map((item) => item.response));
    try {
      const outcome = await wireCase.run(providersFor(server.baseURL), undefined, served);
      const expected = expectedOf(served.map(wireOutput));

      expect(server.requests.map((request) => request.path)).toEqual(
        served.map((item) => new URL(item.request.url).pathname),
      );
      wireCase.checkRequests?.(server.requests);
      expect(outcome.text).toBe(expected.text);
      expect(outcome.reasoning).toBe(expected.reasoning);
      expect(outcome.toolCalls).toEqual(expected.toolCalls);
      expect(outcome.responseModel).toBe(expected.model);

      const usage = toModelUsage(outcome.usage);
      expect(usage.inputTokens).toBe(expected.usage.inputTokens);
      expect(usage.outputTokens).toBe(expected.usage.outputTokens);
      expect(usage.cachedInputTokens ?? 0).toBe(expected.usage.cachedInputTokens);
      expect(usage.cacheWriteInputTokens ?? 0).toBe(expected.usage.cacheWriteInputTokens);
      expect(usage.reasoningTokens ?? 0).toBe(expected.usage.reasoningTokens);

      const cost = costOfCall(DEFAULT_PRICES, outcome.responseModel, usage);
      if (expected.costUsd === null) expect(cost).toBeNull();
      else expect(cost).toBeCloseTo(expected.costUsd, 12);
    } finally {
      await server.close();
    }
  });
});
