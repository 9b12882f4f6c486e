import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import type { Attributes } from './otlp-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { summarizeTrace } from './summarize-trace.js';
import { at, makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };
const resource = { 'service.name': 'weather-app', 'deployment.environment.name': 'production' };

/** Attributes every span of one `generateText({ experimental_telemetry: { functionId: 'weather-fn', metadata } })`. */
function common(operationId: string): Attributes {
  return {
    'operation.name': `${operationId} weather-fn`,
    'resource.name': 'weather-fn',
    'ai.operationId': operationId,
    'ai.telemetry.functionId': 'weather-fn',
    'ai.telemetry.metadata.sessionId': 'sess-42',
    'ai.telemetry.metadata.userId': 'user-7',
    'ai.telemetry.metadata.kaizenPromptName': 'weather-answer',
    'ai.telemetry.metadata.kaizenPromptVersion': '4',
  };
}

function aiSpan(
  spanId: string,
  parentSpanId: string | null,
  name: string,
  attributes: Attributes,
  ms: [number, number],
) {
  return makeOtlpSpan({
    spanId,
    parentSpanId,
    name,
    attributes,
    startTimeUnixNano: at(ms[0]),
    endTimeUnixNano: at(ms[1]),
    resourceAttributes: resource,
    scopeName: 'ai',
    scopeVersion: '6.0.0',
  });
}

// ai@6: generateText with one tool round trip. The root carries the aggregate usage (82/19 = 30+52 / 8+11) in
// ai.usage.* only; each doGenerate carries its own usage in ai.usage.* and gen_ai.usage.*.
const ai6Trace = [
  aiSpan(
    '1111111111111111',
    null,
    'ai.generateText',
    {
      ...common('ai.generateText'),
      'ai.model.provider': 'openai.responses',
      'ai.model.id': 'gpt-4o-mini',
      'ai.settings.maxRetries': 2,
      'ai.prompt': '{"system":"You are a weather bot.","prompt":"Weather in Paris?"}',
      'ai.response.finishReason': 'stop',
      'ai.response.text': 'It is sunny and 24°C in Paris.',
      'ai.usage.inputTokens': 82,
      'ai.usage.outputTokens': 19,
      'ai.usage.totalTokens': 101,
    },
    [0, 2400],
  ),
  aiSpan(
    '2222222222222222',
    '1111111111111111',
    'ai.generateText.doGenerate',
    {
      ...common('ai.generateText.doGenerate'),
      'ai.model.provider': 'openai.responses',
      'ai.model.id': 'gpt-4o-mini',
      'ai.prompt.messages':
        '[{"role":"system","content":"You are a weather bot."},{"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]}]',
      'ai.prompt.tools': ['{"type":"function","name":"weather","inputSchema":{"type":"object"}}'],
      'ai.prompt.toolChoice': '{"type":"auto"}',
      'gen_ai.system': 'openai.responses',
      'gen_ai.request.model': 'gpt-4o-mini',
      'ai.response.finishReason': 'tool-calls',
      'ai.response.toolCalls': '[{"toolCallId":"call_1","toolName":"weather","input":"{\\"city\\":\\"Paris\\"}"}]',
      'ai.response.id': 'resp_1',
      'ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.response.finish_reasons': ['tool-calls'],
      'gen_ai.response.id': 'resp_1',
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'ai.usage.inputTokens': 30,
      'ai.usage.outputTokens': 8,
      'ai.usage.totalTokens': 38,
      'gen_ai.usage.input_tokens': 30,
      'gen_ai.usage.output_tokens': 8,
    },
    [10, 900],
  ),
  aiSpan(
    '3333333333333333',
    '1111111111111111',
    'ai.toolCall',
    {
      ...common('ai.toolCall'),
      'ai.toolCall.name': 'weather',
      'ai.toolCall.id': 'call_1',
      'ai.toolCall.args': '{"city":"Paris"}',
      'ai.toolCall.result': '{"temperature":24,"sky":"sunny"}',
    },
    [905, 1000],
  ),
  aiSpan(
    '4444444444444444',
    '1111111111111111',
    'ai.generateText.doGenerate',
    {
      ...common('ai.generateText.doGenerate'),
      'ai.model.provider': 'openai.responses',
      'ai.model.id': 'gpt-4o-mini',
      'ai.prompt.messages': JSON.stringify([
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: { city: 'Paris' } }],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_1',
              toolName: 'weather',
              output: { type: 'json', value: { temperature: 24, sky: 'sunny' } },
            },
          ],
        },
      ]),
      'gen_ai.system': 'openai.responses',
      'gen_ai.request.model': 'gpt-4o-mini',
      'ai.response.text': 'It is sunny and 24°C in Paris.',
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'ai.usage.inputTokens': 52,
      'ai.usage.outputTokens': 11,
      'ai.usage.totalTokens': 63,
      'gen_ai.usage.input_tokens': 52,
      'gen_ai.usage.output_tokens': 11,
    },
    [1005, 2390],
  ),
];

const miniPrice = (input: number, output: number) => (input * 0.15 + output * 0.6) / 1e6;

describe('normalizeSpan: Vercel AI SDK 6', () => {
  const [root, firstCall, tool, secondCall] = ai6Trace.map((span) => normalizeSpan(span, options));

  it('labels the outer call agent, do* spans llm, ai.toolCall tool', () => {
    expect([root?.kind, firstCall?.kind, tool?.kind, secondCall?.kind]).toEqual(['agent', 'llm', 'tool', 'llm']);
  });

  it('reads model, provider (without the API suffix) and usage', () => {
    expect(root).toMatchObject({ model: 'gpt-4o-mini', provider: 'openai', inputTokens: 82, outputTokens: 19 });
    expect(root?.totalTokens).toBe(101);
    expect(firstCall).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      inputTokens: 30,
      outputTokens: 8,
      totalTokens: 38,
    });
    expect(firstCall?.costUsd).toBeCloseTo(miniPrice(30, 8), 12);
    expect(tool).toMatchObject({ model: null, inputTokens: null, costUsd: null });
  });

  it('reads the prompt of the outer call as system + user messages', () => {
    expect(root?.input).toEqual([
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: 'Weather in Paris?' },
    ]);
    expect(root?.output).toEqual([{ role: 'assistant', content: 'It is sunny and 24°C in Paris.' }]);
  });

  it('reads the model call messages with text parts, tool calls and tool results', () => {
    expect(firstCall?.input).toEqual([
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: 'Weather in Paris?' },
    ]);
    expect(firstCall?.output).toEqual([
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }] },
    ]);
    expect(secondCall?.input).toEqual([
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }] },
      { role: 'tool', content: '{"temperature":24,"sky":"sunny"}', toolCallId: 'call_1' },
    ]);
  });

  it('reads tool arguments and result as the tool span input and output', () => {
    expect(tool?.input).toBe('{"city":"Paris"}');
    expect(tool?.output).toBe('{"temperature":24,"sky":"sunny"}');
  });

  it('reads session, user, prompt linkage from telemetry metadata and environment from the resource', () => {
    for (const span of [root, firstCall, tool, secondCall]) {
      expect(span).toMatchObject({
        sessionId: 'sess-42',
        userId: 'user-7',
        promptName: 'weather-answer',
        promptVersion: '4',
        environment: 'production',
      });
    }
  });

  it('lets summarizeTrace count 82/19 once, not the root aggregate on top of its calls (164/38)', () => {
    const spans = [root, firstCall, tool, secondCall].filter((span) => span !== undefined);
    const summary = summarizeTrace(spans);
    expect(summary).toMatchObject({ inputTokens: 82, outputTokens: 19, totalTokens: 101, spanCount: 4 });
    expect(summary.costUsd).toBeCloseTo(miniPrice(30, 8) + miniPrice(52, 11), 12);
    expect(summary.models).toEqual(['gpt-4o-mini', 'gpt-4o-mini-2024-07-18']);
    expect(summary.rootName).toBe('ai.generateText');
    expect(summary.durationMs).toBe(2400);
  });
});

describe('normalizeSpan: Vercel AI SDK 4', () => {
  // ai@4 names usage promptTokens/completionTokens, and the root shows only the last step's usage (44/10 of 69/17).
  const ai4Trace = [
    aiSpan(
      'aaaaaaaaaaaaaaaa',
      null,
      'ai.streamText',
      {
        ...common('ai.streamText'),
        'ai.model.provider': 'anthropic.messages',
        'ai.model.id': 'claude-3-5-haiku-20241022',
        'ai.prompt': '{"messages":[{"role":"user","content":"Weather in Paris?"}]}',
        'ai.response.text': 'Sunny.',
        'ai.usage.promptTokens': 44,
        'ai.usage.completionTokens': 10,
      },
      [0, 1000],
    ),
    aiSpan(
      'bbbbbbbbbbbbbbbb',
      'aaaaaaaaaaaaaaaa',
      'ai.streamText.doStream',
      {
        ...common('ai.streamText.doStream'),
        'ai.model.provider': 'anthropic.messages',
        'ai.model.id': 'claude-3-5-haiku-20241022',
        'gen_ai.system': 'anthropic.messages',
        'ai.response.toolCalls':
          '[{"toolCallType":"function","toolCallId":"toolu_1","toolName":"weather","args":"{\\"city\\":\\"Paris\\"}"}]',
        'ai.response.msToFirstChunk': 310.5,
        'ai.usage.promptTokens': 25,
        'ai.usage.completionTokens': 7,
      },
      [5, 400],
    ),
    aiSpan(
      'cccccccccccccccc',
      'aaaaaaaaaaaaaaaa',
      'ai.streamText.doStream',
      {
        ...common('ai.streamText.doStream'),
        'ai.model.provider': 'anthropic.messages',
        'ai.model.id': 'claude-3-5-haiku-20241022',
        'gen_ai.system': 'anthropic.messages',
        'ai.response.text': 'Sunny.',
        'ai.usage.promptTokens': 44,
        'ai.usage.completionTokens': 10,
      },
      [500, 990],
    ),
  ].map((span) => normalizeSpan(span, options));

  it('reads ai@4 usage names and computes the cost from the dated model name', () => {
    const call = ai4Trace[1];
    expect(call).toMatchObject({
      kind: 'llm',
      provider: 'anthropic',
      inputTokens: 25,
      outputTokens: 7,
      totalTokens: 32,
    });
    expect(call?.costUsd).toBeCloseTo((25 * 0.8 + 7 * 4) / 1e6, 12);
    expect(call?.output).toEqual([
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' }],
      },
    ]);
    expect(ai4Trace[0]?.input).toEqual([{ role: 'user', content: 'Weather in Paris?' }]);
  });

  it('sums the steps (69/17), not the root that shows only the last step', () => {
    const summary = summarizeTrace(ai4Trace);
    expect(summary).toMatchObject({ inputTokens: 69, outputTokens: 17, totalTokens: 86 });
  });
});

describe('normalizeSpan: AI SDK embeddings and objects', () => {
  it('labels embed spans embedding and counts ai.usage.tokens as input', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        name: 'ai.embed.doEmbed',
        scopeName: 'ai',
        attributes: {
          'ai.operationId': 'ai.embed.doEmbed',
          'ai.model.provider': 'openai.embedding',
          'ai.model.id': 'text-embedding-3-small',
          'ai.values': ['"sunny day"'],
          'ai.usage.tokens': 3,
        },
      }),
      options,
    );
    expect(span).toMatchObject({ kind: 'embedding', inputTokens: 3, outputTokens: null, totalTokens: 3 });
    expect(span.costUsd).toBeCloseTo(3 * 0.02e-6, 15);
    expect(span.input).toBe('["\\"sunny day\\""]');
  });

  it('keeps a generated object as its JSON text', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        name: 'ai.generateObject',
        scopeName: 'ai',
        attributes: {
          'ai.operationId': 'ai.generateObject',
          'ai.model.id': 'gpt-4.1-nano',
          'ai.prompt': '{"prompt":"A city"}',
          'ai.response.object': '{"city":"Paris"}',
        },
      }),
      options,
    );
    expect(span).toMatchObject({ kind: 'agent', output: '{"city":"Paris"}', costUsd: null });
  });
});
