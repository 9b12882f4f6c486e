// callModel end to end against recorded responses: structured output, retries over HTTP and the spans it leaves.
import { APICallError } from '@ai-sdk/provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callModel } from '../src/call-model.js';
import type { JsonSchema } from '../src/validate-json-schema.js';
import { installAsyncContext } from './wire/async-context.js';
import { interaction, loadRecording } from './wire/recording.js';
import { type ReplayServer, startReplayServer } from './wire/replay-server.js';
import { createMemoryTracer, kaizenView } from './wire/telemetry.js';

const structured = interaction(loadRecording('anthropic/messages_structured_output'), 0);
const recordedSchema = (structured.request.body.output_format as { schema: JsonSchema }).schema;
const responsesApi = interaction(loadRecording('openai/har_responses_api'), 0).response;

let server: ReplayServer | undefined;
let uninstall: () => void = () => {};
beforeAll(() => {
  uninstall = installAsyncContext();
});
afterAll(() => uninstall());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const anthropicEnv = (baseURL: string) => ({ env: { ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: baseURL } });
const openAiEnv = (baseURL: string) => ({ env: { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: baseURL } });
const prompt = 'Tell me a joke about OpenTelemetry and rate it from 1 to 10';
// claude-sonnet-4-5: $3/M in, $15/M out; the recording used 222 in, 39 out.
const recordedCost = 222 * 3e-6 + 39 * 15e-6;

describe('callModel over recorded HTTP', () => {
  it('returns the structured output of a real Anthropic response, with usage and cost', async () => {
    server = await startReplayServer([structured.response]);
    const result = await callModel({
      model: 'anthropic:claude-sonnet-4-5-20250929',
      messages: [{ role: 'user', content: prompt }],
      outputSchema: recordedSchema,
      resolve: anthropicEnv(server.baseURL),
    });
    expect(result.object).toEqual({
      joke: 'Why did the developer break up with OpenTelemetry? Because they had too many traces of their ex in the logs!',
      rating: 7,
    });
    expect(result.outputError).toBeUndefined();
    expect(result).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', simulated: false });
    expect([result.usage.inputTokens, result.usage.outputTokens]).toEqual([222, 39]);
    expect(result.costUsd).toBeCloseTo(recordedCost, 12);
  });

  it('reports a schema violation in the result and as an error on the trace, keeping tokens and cost', async () => {
    server = await startReplayServer([structured.response]);
    const memory = createMemoryTracer();
    const strict = {
      ...recordedSchema,
      properties: { joke: { type: 'string' }, rating: { type: 'integer', maximum: 5 } },
    };
    const result = await callModel({
      model: 'anthropic:claude-sonnet-4-5-20250929',
      messages: prompt,
      outputSchema: strict,
      resolve: anthropicEnv(server.baseURL),
      telemetry: { isEnabled: true, tracer: memory.tracer },
    });
    expect(result.outputError).toMatchObject({ kind: 'schema' });
    expect(result.outputError?.message).toContain('$.rating: above 5');
    expect(result.object).toBeUndefined();
    expect(result.costUsd).toBeCloseTo(recordedCost, 12);

    const view = kaizenView(memory.spans());
    expect(view.summary.status).toBe('error');
    expect([view.summary.inputTokens, view.summary.outputTokens]).toEqual([222, 39]);
    expect(view.summary.costUsd).toBeCloseTo(recordedCost, 12);
  });

  it('records the AI SDK spans when telemetry is on, and Kaizen prices them like callModel', async () => {
    server = await startReplayServer([responsesApi]);
    const memory = createMemoryTracer();
    const result = await callModel({
      model: 'openai:gpt-4o-mini',
      messages: 'Tell me a joke about OpenTelemetry',
      resolve: openAiEnv(server.baseURL),
      telemetry: { isEnabled: true, tracer: memory.tracer, functionId: 'joke' },
    });
    const view = kaizenView(memory.spans());
    expect(view.calls).toHaveLength(1);
    expect(view.calls[0]).toMatchObject({ model: result.model, inputTokens: 14, outputTokens: 26 });
    expect(view.summary.costUsd).toBeCloseTo(result.costUsd ?? Number.NaN, 15);
    expect(view.summary.status).toBe('ok');
  });

  it('retries a 429 after the Retry-After the server sent, then returns the answer', async () => {
    const rateLimited = {
      status: 429,
      headers: { 'retry-after': '2', 'content-type': 'application/json' },
      json: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
    };
    server = await startReplayServer([rateLimited, responsesApi]);
    const waits: number[] = [];
    const result = await callModel({
      model: 'openai:gpt-4o-mini',
      messages: 'Tell me a joke about OpenTelemetry',
      resolve: openAiEnv(server.baseURL),
      retry: { sleep: async (ms) => void waits.push(ms) },
    });
    expect(result.attempts).toBe(2);
    expect(waits).toEqual([2_000]);
    expect(server.requests).toHaveLength(2);
    expect(result.usage.outputTokens).toBe(26);
  });

  it('does not retry a 401', async () => {
    const unauthorized = {
      status: 401,
      headers: { 'content-type': 'application/json' },
      json: {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      },
    };
    server = await startReplayServer([unauthorized, responsesApi]);
    const failure = callModel({
      model: 'openai:gpt-4o-mini',
      messages: 'Hi',
      resolve: openAiEnv(server.baseURL),
      retry: { sleep: async () => {} },
    });
    await expect(failure).rejects.toSatisfy((error) => APICallError.isInstance(error) && error.statusCode === 401);
    expect(server.requests).toHaveLength(1);
  });
});
