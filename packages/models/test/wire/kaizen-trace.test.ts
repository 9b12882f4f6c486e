// The same recorded calls with AI SDK telemetry on: what Kaizen records for the trace after normalising its spans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAsyncContext } from './async-context.js';
import { promptOf, providersFor } from './call-recipes.js';
import { expectedCost, expectedOf } from './expected.js';
import { interaction, loadRecording, wireOutput } from './recording.js';
import { startReplayServer } from './replay-server.js';
import { createMemoryTracer, kaizenView } from './telemetry.js';
import { WIRE_CASES } from './wire-cases.js';

let uninstall: () => void = () => {};
beforeAll(() => {
  uninstall = installAsyncContext();
});
afterAll(() => uninstall());

function closeTo(actual: number | null, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 12);
}

describe.each(WIRE_CASES)('$recording: $title', (wireCase) => {
  it('records each model call and the trace with the recorded tokens, cost and output', async () => {
    const recording = loadRecording(wireCase.recording);
    const served = wireCase.interactions.map((index) => interaction(recording, index));
    const outputs = served.map(wireOutput);
    const expected = expectedOf(outputs);
    const server = await startReplayServer(served.map((item) => item.response));
    const memory = createMemoryTracer();
    try {
      await wireCase.run(providersFor(server.baseURL), { isEnabled: true, tracer: memory.tracer }, served);
    } finally {
      await server.close();
    }
    const view = kaizenView(memory.spans());

    // One span per HTTP request: doGenerate / doStream.
    expect(view.calls).toHaveLength(served.length);
    view.calls.forEach((call, index) => {
      const output = outputs[index];
      expect(call.kind).toBe('llm');
      expect(call.provider).toBe(served[0]?.request.url.includes('anthropic') ? 'anthropic' : 'openai');
      expect(call.model).toBe(output?.model);
      expect(call.inputTokens).toBe(output?.usage.inputTokens);
      expect(call.outputTokens).toBe(output?.usage.outputTokens);
      closeTo(call.costUsd, output ? expectedCost(output) : null);
    });

    // The outer ai.generateText / ai.streamText span repeats the summed usage; the trace must count it once.
    expect(new Set(view.spans.map((span) => span.traceId)).size).toBe(1);
    const root = view.spans.find((span) => span.parentSpanId === null);
    expect([root?.inputTokens, root?.outputTokens]).toEqual([expected.usage.inputTokens, expected.usage.outputTokens]);
    const { summary } = view;
    expect(summary.inputTokens).toBe(expected.usage.inputTokens);
    expect(summary.outputTokens).toBe(expected.usage.outputTokens);
    closeTo(summary.costUsd, expected.costUsd);

    // The first call's input as Kaizen shows it holds the recorded prompt.
    const prompt = promptOf(served).slice(0, 40);
    const input = view.calls[0]?.input;
    const inputText = typeof input === 'string' ? input : (input ?? []).map((message) => message.content).join('\n');
    expect(inputText).toContain(prompt);

    // The last call's output as Kaizen shows it: the assistant's text and tool calls.
    const last = view.calls.at(-1)?.output;
    const message = typeof last === 'string' || last === null ? undefined : last?.at(-1);
    expect(message?.content ?? '').toBe(expected.text);
    const lastToolCalls = outputs.at(-1)?.toolCalls ?? [];
    expect((message?.toolCalls ?? []).map((call) => [call.name, JSON.parse(call.arguments)])).toEqual(
      lastToolCalls.map((call) => [call.name, call.input]),
    );
  });
});

/** Figures worked out by hand from the recordings and the published prices, as a check on the checks above. */
describe('recorded figures', () => {
  const cases = [
    // 4 uncached + 1163 read from cache at $0.30/M, 202 out at $15/M (claude-3-5-sonnet).
    {
      title: 'messages with prompt caching (cache read)',
      input: 1167,
      output: 202,
      cost: 4 * 3e-6 + 1163 * 3e-7 + 202 * 15e-6,
    },
    // Cache writes are priced as input: the table has no write price.
    { title: 'messages with prompt caching (cache write)', input: 1167, output: 187, cost: 1167 * 3e-6 + 187 * 15e-6 },
    // 1 uncached + 13 cached at $0.075/M, 26 out at $0.60/M (gpt-4o-mini).
    {
      title: 'Responses API with cached input tokens',
      input: 14,
      output: 26,
      cost: 0.15e-6 + 13 * 0.075e-6 + 26 * 0.6e-6,
    },
    // 228 output tokens include 192 reasoning tokens, all billed as output (gpt-5-nano).
    { title: 'chat with reasoning tokens (gpt-5-nano) #0', input: 11, output: 228, cost: 11 * 0.05e-6 + 228 * 0.4e-6 },
    // Two requests: 59 + 84 in, 17 + 9 out (gpt-4o-mini).
    {
      title: 'chat streaming agent loop: tool call, tool result, answer',
      input: 143,
      output: 26,
      cost: 143 * 0.15e-6 + 26 * 0.6e-6,
    },
    // A stream without the usage chunk: unknown, not zero.
    { title: 'chat streaming, no usage chunk', input: null, output: null, cost: null },
  ] as const;

  it.each(cases)('$title', async ({ title, input, output, cost }) => {
    const wireCase = WIRE_CASES.find((candidate) => candidate.title === title);
    if (wireCase === undefined) throw new Error(`no wire case "${title}"`);
    const recording = loadRecording(wireCase.recording);
    const served = wireCase.interactions.map((index) => interaction(recording, index));
    const server = await startReplayServer(served.map((item) => item.response));
    const memory = createMemoryTracer();
    try {
      await wireCase.run(providersFor(server.baseURL), { isEnabled: true, tracer: memory.tracer }, served);
    } finally {
      await server.close();
    }
    const { summary } = kaizenView(memory.spans());
    expect([summary.inputTokens, summary.outputTokens]).toEqual([input, output]);
    closeTo(summary.costUsd, cost);
  });
});
