import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };

describe('normalizeSpan: OpenInference (openinference-instrumentation-openai)', () => {
  // As captured from 4.2.7: llm.model_name holds the response model; the request model only in invocation parameters.
  const span = normalizeSpan(
    makeOtlpSpan({
      name: 'OpenAI Chat Completions',
      statusCode: 1,
      scopeName: '@arizeai/openinference-instrumentation-openai',
      scopeVersion: '4.2.7',
      resourceAttributes: { 'service.name': 'qa', 'openinference.project.name': 'qa' },
      attributes: {
        'openinference.span.kind': 'LLM',
        'llm.provider': 'openai',
        'llm.system': 'openai',
        'llm.model_name': 'gpt-4o-mini-2024-07-18',
        'llm.invocation_parameters': '{"model":"gpt-4o-mini","temperature":0}',
        'input.value':
          '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Answer briefly."},{"role":"user","content":"Capital of France?"}],"temperature":0}',
        'input.mime_type': 'application/json',
        'llm.input_messages.0.message.role': 'system',
        'llm.input_messages.0.message.content': 'Answer briefly.',
        'llm.input_messages.1.message.role': 'user',
        'llm.input_messages.1.message.contents.0.message_content.type': 'text',
        'llm.input_messages.1.message.contents.0.message_content.text': 'Capital of France?',
        'output.value': '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0}]}',
        'output.mime_type': 'application/json',
        'llm.output_messages.0.message.role': 'assistant',
        'llm.output_messages.0.message.content': 'Paris.',
        'llm.token_count.prompt': 23,
        'llm.token_count.completion': 2,
        'llm.token_count.total': 25,
        'llm.token_count.prompt_details.cache_read': 0,
      },
    }),
    options,
  );

  it('maps kind, model, provider and tokens', () => {
    expect(span).toMatchObject({
      kind: 'llm',
      model: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      inputTokens: 23,
      outputTokens: 2,
      totalTokens: 25,
      status: 'ok',
    });
  });

  it('prices gpt-4o-mini-2024-07-18 as gpt-4o-mini through the prefix rule, not as gpt-4o', () => {
    expect(span.costUsd).toBeCloseTo((23 * 0.15 + 2 * 0.6) / 1e6, 12);
  });

  it('prefers the structured messages over the raw request body in input.value', () => {
    expect(span.input).toEqual([
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'Capital of France?' },
    ]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Paris.' }]);
    expect(span.attributes['input.value']).toContain('"temperature":0');
  });

  it('keeps the scope under kaizen.scope', () => {
    expect(span.attributes['kaizen.scope']).toEqual({
      name: '@arizeai/openinference-instrumentation-openai',
      version: '4.2.7',
    });
  });

  it('takes the model from llm.invocation_parameters when llm.model_name is missing', () => {
    const noModelName = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'openinference.span.kind': 'LLM',
          'llm.invocation_parameters': '{"model":"gpt-4.1-nano"}',
          'llm.token_count.prompt': 10,
          'llm.token_count.completion': 0,
        },
      }),
      options,
    );
    expect(noModelName.model).toBe('gpt-4.1-nano');
    expect(noModelName.costUsd).toBeCloseTo((10 * 0.1) / 1e6, 12);
  });

  it('reads output tool calls', () => {
    const toolCalling = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'openinference.span.kind': 'LLM',
          'llm.output_messages.0.message.role': 'assistant',
          'llm.output_messages.0.message.tool_calls.0.tool_call.id': 'call_abc123',
          'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'get_weather',
          'llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments':
            '{"location": "San Francisco, CA"}',
        },
      }),
      options,
    );
    expect(toolCalling.output).toEqual([
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_abc123', name: 'get_weather', arguments: '{"location": "San Francisco, CA"}' }],
      },
    ]);
  });

  it('uses a reported cost over the price table', () => {
    const reported = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'openinference.span.kind': 'LLM',
          'llm.model_name': 'gpt-4o',
          'llm.token_count.prompt': 1000,
          'llm.cost.prompt': 0.001,
          'llm.cost.completion': 0.0005,
        },
      }),
      options,
    );
    expect(reported.costUsd).toBeCloseTo(0.0015, 12);
    const total = normalizeSpan(
      makeOtlpSpan({ attributes: { 'llm.model_name': 'gpt-4o', 'llm.token_count.prompt': 1, 'llm.cost.total': 0.25 } }),
      options,
    );
    expect(total.costUsd).toBe(0.25);
  });
});

describe('normalizeSpan: OpenInference (openinference-instrumentation-langchain)', () => {
  it('uses llm.input_messages, not the LangChain-serialised input.value', () => {
    const inputValue = JSON.stringify({
      messages: [
        [
          {
            lc: 1,
            type: 'constructor',
            id: ['langchain', 'schema', 'messages', 'HumanMessage'],
            kwargs: { content: 'Capital of France?' },
          },
        ],
      ],
    });
    const span = normalizeSpan(
      makeOtlpSpan({
        name: 'ChatOpenAI',
        attributes: {
          'openinference.span.kind': 'LLM',
          'llm.model_name': 'gpt-4o-mini',
          'input.value': inputValue,
          'input.mime_type': 'application/json',
          'llm.input_messages.0.message.role': 'user',
          'llm.input_messages.0.message.content': 'Capital of France?',
        },
      }),
      options,
    );
    expect(span.input).toEqual([{ role: 'user', content: 'Capital of France?' }]);
    expect(span.attributes['input.value']).toBe(inputValue);
  });
});

describe('normalizeSpan: OpenInference chain spans and context', () => {
  const span = normalizeSpan(
    makeOtlpSpan({
      name: 'RunnableSequence',
      attributes: {
        'openinference.span.kind': 'CHAIN',
        'input.value': '{"question": "Capital of France?"}',
        'input.mime_type': 'application/json',
        'output.value': 'Paris.',
        'output.mime_type': 'text/plain',
        metadata: '{"session_id":"chat-17","user_id":"u-3","ls_run_depth":1}',
        'tag.tags': '["beta"]',
        'llm.prompt_template.version': 'v2',
      },
    }),
    options,
  );

  it('keeps a non-message input.value as sent', () => {
    expect(span).toMatchObject({ kind: 'chain', input: '{"question": "Capital of France?"}', output: 'Paris.' });
  });

  it('reads session and user from the metadata JSON string, prompt version from the template', () => {
    expect(span).toMatchObject({ sessionId: 'chat-17', userId: 'u-3', promptVersion: 'v2', promptName: null });
  });

  it('prefers session.id / user.id over metadata', () => {
    const explicit = normalizeSpan(
      makeOtlpSpan({
        attributes: { 'session.id': 's-explicit', 'user.id': 'u-explicit', metadata: '{"session_id":"s-meta"}' },
      }),
      options,
    );
    expect(explicit).toMatchObject({ sessionId: 's-explicit', userId: 'u-explicit' });
  });

  it('never parses a text/plain value as messages', () => {
    const text = normalizeSpan(
      makeOtlpSpan({
        attributes: { 'input.value': '[{"role":"user","content":"Hi"}]', 'input.mime_type': 'text/plain' },
      }),
      options,
    );
    expect(text.input).toBe('[{"role":"user","content":"Hi"}]');
  });

  it.each([
    ['AGENT', 'agent'],
    ['TOOL', 'tool'],
    ['RETRIEVER', 'retriever'],
    ['RERANKER', 'retriever'],
    ['EMBEDDING', 'embedding'],
    ['GUARDRAIL', 'other'],
    ['EVALUATOR', 'other'],
  ] as const)('maps openinference.span.kind %s to %s', (openInferenceKind, kind) => {
    // A model attribute must not turn a stated non-LLM kind into llm.
    const mapped = normalizeSpan(
      makeOtlpSpan({ attributes: { 'openinference.span.kind': openInferenceKind, 'llm.model_name': 'gpt-4o' } }),
      options,
    );
    expect(mapped.kind).toBe(kind);
  });
});
