import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { event, makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };

describe('normalizeSpan: GenAI semconv, current form (≥ 1.37)', () => {
  // Messages as JSON strings with parts, as the JS instrumentations put them on spans.
  const span = normalizeSpan(
    makeOtlpSpan({
      name: 'chat gpt-4o-mini',
      kind: 3,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.conversation.id': 'conv-9',
        'gen_ai.system_instructions': '[{"type":"text","content":"You are a weather bot."}]',
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
          {
            role: 'assistant',
            parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }],
          },
          { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: 'sunny, 24°C' }] },
        ]),
        'gen_ai.output.messages':
          '[{"role":"assistant","parts":[{"type":"text","content":"It is sunny in Paris."}],"finish_reason":"stop"}]',
        // int64 as protobuf JSON sends it: a decimal string.
        'gen_ai.usage.input_tokens': '1200',
        'gen_ai.usage.output_tokens': 15,
        'gen_ai.usage.cache_read.input_tokens': 1000,
      },
    }),
    options,
  );

  it('maps kind, model (response over request), provider, session', () => {
    expect(span).toMatchObject({
      kind: 'llm',
      model: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      sessionId: 'conv-9',
    });
    expect(span.attributes['gen_ai.request.model']).toBe('gpt-4o-mini');
  });

  it('puts system instructions first and reads text, tool call and tool response parts', () => {
    expect(span.input).toEqual([
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      },
      { role: 'tool', content: 'sunny, 24°C', toolCallId: 'call_1' },
    ]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'It is sunny in Paris.' }]);
  });

  it('coerces string tokens and prices cached input at the cache price', () => {
    expect(span).toMatchObject({ inputTokens: 1200, outputTokens: 15, totalTokens: 1215 });
    // 200 uncached × 0.15 + 1000 cached × 0.075 + 15 output × 0.60, per million.
    expect(span.costUsd).toBeCloseTo((200 * 0.15 + 1000 * 0.075 + 15 * 0.6) / 1e6, 12);
  });

  it('drops token counts no store could hold (fractional, negative, absurd) and keeps the span', () => {
    for (const bad of [1.5, -3, 1e308]) {
      const odd = normalizeSpan(
        makeOtlpSpan({
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.request.model': 'gpt-4o-mini',
            'gen_ai.usage.input_tokens': bad,
            'gen_ai.usage.output_tokens': 10,
          },
        }),
        { prices: DEFAULT_PRICES },
      );
      expect(odd).toMatchObject({ inputTokens: null, outputTokens: 10, totalTokens: 10 });
    }
  });

  it('accepts structured (non-string) message attributes', () => {
    const structured = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.input.messages': [{ role: 'user', parts: [{ type: 'text', content: 'Hi' }] }],
          'gen_ai.output.messages': [{ role: 'assistant', parts: [{ type: 'text', content: 'Hello' }] }],
        },
      }),
      options,
    );
    expect(structured.input).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(structured.output).toEqual([{ role: 'assistant', content: 'Hello' }]);
  });

  it('reads content from the gen_ai.client.inference.operation.details event', () => {
    const fromEvent = normalizeSpan(
      makeOtlpSpan({
        attributes: { 'gen_ai.operation.name': 'chat' },
        events: [
          event('gen_ai.client.inference.operation.details', {
            'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Ping"}]}]',
            'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":"Pong"}]}]',
          }),
        ],
      }),
      options,
    );
    expect(fromEvent.input).toEqual([{ role: 'user', content: 'Ping' }]);
    expect(fromEvent.output).toEqual([{ role: 'assistant', content: 'Pong' }]);
  });
});

describe('normalizeSpan: GenAI flattened form', () => {
  const span = normalizeSpan(
    makeOtlpSpan({
      name: 'openai.chat',
      kind: 3,
      attributes: {
        'gen_ai.system': 'OpenAI',
        'llm.request.type': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.prompt.0.role': 'system',
        'gen_ai.prompt.0.content': 'Be terse.',
        'gen_ai.prompt.1.role': 'user',
        'gen_ai.prompt.1.content': 'Weather in Paris?',
        'gen_ai.prompt.2.role': 'assistant',
        'gen_ai.prompt.2.tool_calls.0.id': 'call_1',
        'gen_ai.prompt.2.tool_calls.0.name': 'get_weather',
        'gen_ai.prompt.2.tool_calls.0.arguments': '{"city":"Paris"}',
        'gen_ai.prompt.3.role': 'tool',
        'gen_ai.prompt.3.content': 'sunny',
        'gen_ai.prompt.3.tool_call_id': 'call_1',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.content': 'Sunny.',
        'gen_ai.completion.0.finish_reason': 'stop',
        'gen_ai.usage.input_tokens': 120,
        'gen_ai.usage.output_tokens': 18,
      },
    }),
    options,
  );

  it('rebuilds messages, with tool calls and the call id a tool message answers', () => {
    expect(span.input).toEqual([
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      },
      { role: 'tool', content: 'sunny', toolCallId: 'call_1' },
    ]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Sunny.' }]);
  });

  it('lowercases the provider and prices the dated model', () => {
    expect(span).toMatchObject({ kind: 'llm', provider: 'openai', model: 'gpt-4o-2024-08-06', totalTokens: 138 });
    expect(span.costUsd).toBeCloseTo((120 * 2.5 + 18 * 10) / 1e6, 12);
  });

  it('orders messages by index, not by key order, and reads multi-part content sent as a JSON string', () => {
    const shuffled = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'gen_ai.prompt.10.role': 'user',
          'gen_ai.prompt.10.content': 'eleventh',
          'gen_ai.prompt.2.role': 'user',
          'gen_ai.prompt.2.content': '[{"type":"text","text":"third"},{"type":"image_url","image_url":{"url":"x"}}]',
        },
      }),
      options,
    );
    expect(shuffled.input).toEqual([
      { role: 'user', content: 'third' },
      { role: 'user', content: 'eleventh' },
    ]);
  });

  it('reads the obsolete plain gen_ai.prompt / gen_ai.completion strings', () => {
    const legacy = normalizeSpan(
      makeOtlpSpan({ attributes: { 'gen_ai.prompt': 'Say hi', 'gen_ai.completion': 'Hi!' } }),
      options,
    );
    expect(legacy).toMatchObject({ input: 'Say hi', output: 'Hi!' });
  });
});

describe('normalizeSpan: GenAI content events', () => {
  it('reads per-message events (1.28–1.36) and gen_ai.choice', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        name: 'chat claude-3-5-sonnet-20241022',
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.system': 'anthropic',
          'gen_ai.request.model': 'claude-3-5-sonnet-20241022',
          'gen_ai.usage.input_tokens': 300,
          'gen_ai.usage.output_tokens': 5,
        },
        events: [
          event('gen_ai.system.message', { 'gen_ai.system': 'anthropic', content: 'Be terse.' }),
          event('gen_ai.user.message', { 'gen_ai.system': 'anthropic', content: 'Weather in Paris?' }),
          event('gen_ai.assistant.message', {
            'gen_ai.system': 'anthropic',
            tool_calls: [
              { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            ],
          }),
          event('gen_ai.tool.message', { 'gen_ai.system': 'anthropic', id: 'toolu_1', content: 'sunny' }),
          event('gen_ai.choice', {
            'gen_ai.system': 'anthropic',
            index: 0,
            finish_reason: 'end_turn',
            message: '{"role":"assistant","content":"Sunny."}',
          }),
        ],
      }),
      options,
    );
    expect(span.input).toEqual([
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      },
      { role: 'tool', content: 'sunny', toolCallId: 'toolu_1' },
    ]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Sunny.' }]);
    expect(span).toMatchObject({ kind: 'llm', provider: 'anthropic', model: 'claude-3-5-sonnet-20241022' });
    expect(span.costUsd).toBeCloseTo((300 * 3 + 5 * 15) / 1e6, 12);
  });

  it('reads the log-record form with the message in body', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        events: [
          event('gen_ai.user.message', { body: '{"content":"Hi"}' }),
          event('gen_ai.choice', { body: { index: 0, message: { content: 'Hello' } } }),
        ],
      }),
      options,
    );
    expect(span.input).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Hello' }]);
  });

  it('reads gen_ai.content.prompt / completion events (≤ 1.27) with the older usage names', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'gen_ai.system': 'openai',
          'gen_ai.request.model': 'gpt-3.5-turbo',
          'gen_ai.usage.prompt_tokens': 8,
          'gen_ai.usage.completion_tokens': 3,
        },
        events: [
          event('gen_ai.content.prompt', { 'gen_ai.prompt': '[{"role":"user","content":"Hi"}]' }),
          event('gen_ai.content.completion', { 'gen_ai.completion': '[{"role":"assistant","content":"Hello!"}]' }),
        ],
      }),
      options,
    );
    expect(span).toMatchObject({ kind: 'llm', inputTokens: 8, outputTokens: 3, totalTokens: 11 });
    expect(span.input).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Hello!' }]);
  });
});

describe('normalizeSpan: GenAI agent and tool spans', () => {
  it('maps execute_tool with its call arguments and result', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        name: 'execute_tool get_weather',
        attributes: {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': 'get_weather',
          'gen_ai.tool.call.id': 'call_1',
          'gen_ai.tool.call.arguments': '{"city":"Paris"}',
          'gen_ai.tool.call.result': { temperature: 24 },
        },
      }),
      options,
    );
    expect(span).toMatchObject({ kind: 'tool', input: '{"city":"Paris"}', output: '{"temperature":24}' });
  });

  it.each([
    ['invoke_agent', 'agent'],
    ['create_agent', 'agent'],
    ['embeddings', 'embedding'],
    ['text_completion', 'llm'],
    ['generate_content', 'llm'],
  ] as const)('maps gen_ai.operation.name %s to %s', (operation, kind) => {
    const span = normalizeSpan(makeOtlpSpan({ attributes: { 'gen_ai.operation.name': operation } }), options);
    expect(span.kind).toBe(kind);
  });

  it('normalises renamed gen_ai.system values to the current provider names', () => {
    const span = normalizeSpan(makeOtlpSpan({ attributes: { 'gen_ai.system': 'vertex_ai' } }), options);
    expect(span.provider).toBe('gcp.vertex_ai');
    const current = normalizeSpan(
      makeOtlpSpan({ attributes: { 'gen_ai.provider.name': 'aws.bedrock', 'gen_ai.system': 'bedrock' } }),
      options,
    );
    expect(current.provider).toBe('aws.bedrock');
  });
});
