import { APICallError, type LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { jsonSchema, tool } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { callModel } from './call-model.js';

type Generate = LanguageModelV3GenerateResult;

function answer(text: string, extra: Partial<Generate> = {}): Generate {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 1000, noCache: 800, cacheRead: 200, cacheWrite: undefined },
      outputTokens: { total: 100, text: 100, reasoning: undefined },
    },
    warnings: [],
    response: { id: 'r1', modelId: 'gpt-4o-mini-2024-07-18', timestamp: new Date(0) },
    ...extra,
  };
}

function mockModel(results: (Generate | Error)[], identity = { provider: 'openai.chat', modelId: 'gpt-4o-mini' }) {
  let calls = 0;
  return new MockLanguageModelV3({
    ...identity,
    doGenerate: async () => {
      const next = results[Math.min(calls++, results.length - 1)];
      if (next === undefined || next instanceof Error) throw next ?? new Error('no result');
      return next;
    },
  });
}

const messages = [
  { role: 'system', content: 'You extract JSON-LD.' },
  { role: 'user', content: 'Page: <h1>Pancakes</h1>' },
] as const;
const noWait = { sleep: async () => {} };

describe('callModel', () => {
  it('returns text, usage, the cost from the price table and who answered', async () => {
    const model = mockModel([answer('Hello')]);
    const result = await callModel({ model, messages: [...messages] });
    expect(result).toMatchObject({
      text: 'Hello',
      usage: { inputTokens: 1000, outputTokens: 100, totalTokens: 1100, cachedInputTokens: 200 },
      model: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      simulated: false,
      finishReason: 'stop',
      attempts: 1,
      toolCalls: [],
    });
    // 800 uncached × $0.15/M + 200 cached × $0.075/M + 100 × $0.60/M
    expect(result.costUsd).toBeCloseTo(800 * 0.15e-6 + 200 * 0.075e-6 + 100 * 0.6e-6, 15);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect('object' in result || 'outputError' in result).toBe(false);
  });

  it('passes system messages, parameters and the abort signal to the model', async () => {
    const model = mockModel([answer('ok')]);
    await callModel({
      model,
      messages: [...messages],
      params: { temperature: 0, maxOutputTokens: 64, seed: 7, stopSequences: ['END'] },
      signal: new AbortController().signal,
    });
    const call = model.doGenerateCalls[0];
    expect(call).toMatchObject({ temperature: 0, maxOutputTokens: 64, seed: 7, stopSequences: ['END'] });
    expect(call?.prompt[0]).toEqual({ role: 'system', content: 'You extract JSON-LD.' });
    expect(call?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('parses structured output and asks the provider for JSON', async () => {
    const model = mockModel([answer('{"name":"Pancakes","servings":4}')]);
    const outputSchema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } as const;
    const result = await callModel({ model, messages: [...messages], outputSchema });
    expect(result.object).toEqual({ name: 'Pancakes', servings: 4 });
    expect(result.outputError).toBeUndefined();
    expect(model.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: 'json', schema: outputSchema });
  });

  it('reports output that is not JSON, keeping text, usage and cost', async () => {
    const model = mockModel([answer('Here is the JSON: {"name": "Pancakes"')]);
    const result = await callModel({ model, messages: [...messages], outputSchema: { type: 'object' } });
    expect(result.outputError?.kind).toBe('parse');
    expect(result.object).toBeUndefined();
    expect(result.text).toBe('Here is the JSON: {"name": "Pancakes"');
    expect(result.usage.inputTokens).toBe(1000);
    expect(result.costUsd).not.toBeNull();
    expect(result.attempts).toBe(1);
  });

  it('reports JSON that violates the schema, naming the violations', async () => {
    const model = mockModel([answer('{"servings":"four"}')]);
    const outputSchema = {
      type: 'object',
      properties: { name: { type: 'string' }, servings: { type: 'integer' } },
      required: ['name'],
    } as const;
    const result = await callModel({ model, messages: [...messages], outputSchema });
    expect(result.outputError?.kind).toBe('schema');
    expect(result.outputError?.message).toContain('$.name: required');
    expect(result.outputError?.message).toContain('$.servings: expected integer, got string');
    expect(result.text).toBe('{"servings":"four"}');
  });

  it('accepts AI SDK schemas as well as plain JSON Schema', async () => {
    const model = mockModel([answer('{"n":1}')]);
    const schema = jsonSchema<{ n: number }>(
      { type: 'object' },
      { validate: (value) => ({ success: true, value: value as { n: number } }) },
    );
    const result = await callModel({ model, messages: 'Count', outputSchema: schema });
    expect(result.object).toEqual({ n: 1 });
  });

  it('reports a call cut off before any text as missing output', async () => {
    const model = mockModel([answer('', { content: [], finishReason: { unified: 'length', raw: 'length' } })]);
    const result = await callModel({ model, messages: 'Hi', outputSchema: { type: 'object' } });
    expect(result.outputError).toMatchObject({ kind: 'missing' });
    expect(result.finishReason).toBe('length');
  });

  it('retries 429 and 5xx with the server-requested wait, then succeeds', async () => {
    const limited = new APICallError({
      message: 'Rate limit',
      url: 'https://api.openai.com/v1/chat/completions',
      requestBodyValues: {},
      statusCode: 429,
      responseHeaders: { 'retry-after': '3' },
    });
    const overloaded = new APICallError({ message: 'Overloaded', url: 'u', requestBodyValues: {}, statusCode: 529 });
    const waits: number[] = [];
    const model = mockModel([limited, overloaded, answer('finally')]);
    const result = await callModel({
      model,
      messages: 'Hi',
      retry: {
        retries: 3,
        baseDelayMs: 100,
        maxDelayMs: 10_000,
        sleep: async (ms) => void waits.push(ms),
        random: () => 0,
      },
    });
    expect(result.text).toBe('finally');
    expect(result.attempts).toBe(3);
    expect(waits).toEqual([3_000, 100]);
  });

  it('retries an attempt that ran past timeoutMs, but never one the caller aborted', async () => {
    let calls = 0;
    const hanging = new MockLanguageModelV3({
      doGenerate: async ({ abortSignal }) => {
        if (++calls === 1) {
          await new Promise((_, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason)));
        }
        return answer('second try');
      },
    });
    const result = await callModel({ model: hanging, messages: 'Hi', timeoutMs: 20, retry: noWait });
    expect([result.text, result.attempts]).toEqual(['second try', 2]);

    const controller = new AbortController();
    controller.abort();
    const model = mockModel([answer('never')]);
    await expect(callModel({ model, messages: 'Hi', signal: controller.signal, retry: noWait })).rejects.toThrow();
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it('does not retry a 400 and rethrows it', async () => {
    const bad = new APICallError({ message: 'Bad request', url: 'u', requestBodyValues: {}, statusCode: 400 });
    const model = mockModel([bad, answer('never')]);
    await expect(callModel({ model, messages: 'Hi', retry: noWait })).rejects.toBe(bad);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it('prices unknown models as null, never as 0', async () => {
    const model = mockModel([answer('hi', { response: { modelId: 'my-finetune' } })], {
      provider: 'openai-compatible.chat',
      modelId: 'my-finetune',
    });
    const result = await callModel({ model, messages: 'Hi' });
    expect(result.costUsd).toBeNull();
    expect(result.provider).toBe('openai-compatible');
  });

  it('flags simulated models and gives them no cost', async () => {
    const model = mockModel([answer('{}')], { provider: 'kaizen-sim', modelId: 'sim:schemaorg' });
    const result = await callModel({ model, messages: 'Hi' });
    expect([result.simulated, result.costUsd]).toEqual([true, null]);
  });

  it('runs sim: models offline, flagged simulated, with estimated usage and no cost', async () => {
    const page = '<html><body><h1>Blueberry Pancakes</h1><p>Serves 4. Prep 10 min.</p></body></html>';
    const call = () =>
      callModel({ model: 'sim:schemaorg', messages: [{ role: 'user', content: page }], params: { seed: 1 } });
    const [first, second] = [await call(), await call()];
    expect(first).toMatchObject({ simulated: true, costUsd: null, provider: 'kaizen-sim', model: 'sim:schemaorg' });
    expect(first.usage.inputTokens).toBeGreaterThan(0);
    expect(second.text).toBe(first.text);
  });

  it('offers tools and returns the calls without executing them', async () => {
    const model = mockModel([
      answer('', {
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'lookup', input: '{"q":"pancakes"}' }],
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      }),
    ]);
    const result = await callModel({
      model,
      messages: 'Find pancakes',
      tools: { lookup: tool({ description: 'Search', inputSchema: jsonSchema({ type: 'object' }) }) },
    });
    expect(result.toolCalls).toEqual([{ id: 'c1', name: 'lookup', arguments: '{"q":"pancakes"}' }]);
    expect(result.finishReason).toBe('tool-calls');
  });
});
