import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { summarizeTrace } from './summarize-trace.js';
import { makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };
const association = {
  'traceloop.association.properties.session_id': 'sess-tl',
  'traceloop.association.properties.user_id': 'user-tl',
};

describe('normalizeSpan: OpenLLMetry (Traceloop)', () => {
  const workflow = normalizeSpan(
    makeOtlpSpan({
      spanId: 'a1a1a1a1a1a1a1a1',
      name: 'answer_question.workflow',
      attributes: {
        'traceloop.span.kind': 'workflow',
        'traceloop.workflow.name': 'answer_question',
        'traceloop.entity.name': 'answer_question',
        'traceloop.entity.input': '{"args": [], "kwargs": {"question": "Capital of France?"}}',
        'traceloop.entity.output': '"Paris."',
        ...association,
      },
    }),
    options,
  );
  const chat = normalizeSpan(
    makeOtlpSpan({
      spanId: 'b2b2b2b2b2b2b2b2',
      parentSpanId: 'a1a1a1a1a1a1a1a1',
      name: 'openai.chat',
      kind: 3,
      attributes: {
        'llm.request.type': 'chat',
        'gen_ai.system': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.prompt.0.role': 'user',
        'gen_ai.prompt.0.content': 'Capital of France?',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.content': 'Paris.',
        'gen_ai.completion.0.finish_reason': 'stop',
        'gen_ai.usage.prompt_tokens': 12,
        'gen_ai.usage.completion_tokens': 2,
        'llm.usage.total_tokens': 14,
        'traceloop.workflow.name': 'answer_question',
        ...association,
      },
    }),
    options,
  );

  it('maps a workflow to chain and keeps non-message entity input/output as sent', () => {
    expect(workflow).toMatchObject({
      kind: 'chain',
      input: '{"args": [], "kwargs": {"question": "Capital of France?"}}',
      output: '"Paris."',
      sessionId: 'sess-tl',
      userId: 'user-tl',
    });
  });

  it('maps the LLM span: flattened messages, older usage names, llm.usage.total_tokens', () => {
    expect(chat).toMatchObject({
      kind: 'llm',
      model: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      inputTokens: 12,
      outputTokens: 2,
      totalTokens: 14,
      sessionId: 'sess-tl',
    });
    expect(chat.input).toEqual([{ role: 'user', content: 'Capital of France?' }]);
    expect(chat.output).toEqual([{ role: 'assistant', content: 'Paris.' }]);
  });

  it('summarises the workflow with the call counted once', () => {
    expect(summarizeTrace([chat, workflow])).toMatchObject({
      rootName: 'answer_question.workflow',
      inputTokens: 12,
      outputTokens: 2,
      totalTokens: 14,
      sessionId: 'sess-tl',
    });
  });

  it.each([
    ['task', 'chain'],
    ['agent', 'agent'],
    ['tool', 'tool'],
  ] as const)('maps traceloop.span.kind %s to %s', (traceloopKind, kind) => {
    expect(normalizeSpan(makeOtlpSpan({ attributes: { 'traceloop.span.kind': traceloopKind } }), options).kind).toBe(
      kind,
    );
  });

  it('maps llm.request.type embedding to embedding', () => {
    expect(normalizeSpan(makeOtlpSpan({ attributes: { 'llm.request.type': 'embedding' } }), options).kind).toBe(
      'embedding',
    );
  });
});
