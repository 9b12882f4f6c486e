import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { makeOtlpSpan } from './testing/make-otlp-span.js';

const options = { prices: DEFAULT_PRICES };

describe('normalizeSpan: Langfuse SDK attributes', () => {
  // What the Langfuse JS SDK's span processor sets on a generation.
  const attributes = {
    'langfuse.observation.type': 'generation',
    'langfuse.observation.model.name': 'gpt-4.1-mini',
    'langfuse.observation.model.parameters': '{"temperature":0.2}',
    'langfuse.observation.input': '[{"role":"user","content":"Summarise the ticket."}]',
    'langfuse.observation.output': '{"role":"assistant","content":"Customer wants a refund."}',
    'langfuse.observation.usage_details': '{"input":100,"output":20,"total":120}',
    'langfuse.observation.prompt.name': 'summarise-ticket',
    'langfuse.observation.prompt.version': 3,
    'langfuse.observation.metadata.ticket': 'T-1',
    'langfuse.session.id': 'sess-lf',
    'langfuse.user.id': 'user-lf',
    'langfuse.environment': 'staging',
    'langfuse.trace.name': 'summary-job',
    // Also present: a request model that must lose to the explicit Langfuse model.
    'gen_ai.request.model': 'gpt-4o',
  };

  it('maps the generation with its explicit model, usage, prompt, session, user, environment', () => {
    const span = normalizeSpan(
      makeOtlpSpan({ attributes, resourceAttributes: { 'deployment.environment.name': 'production' } }),
      options,
    );
    expect(span).toMatchObject({
      kind: 'llm',
      model: 'gpt-4.1-mini',
      inputTokens: 100,
      outputTokens: 20,
      totalTokens: 120,
      promptName: 'summarise-ticket',
      promptVersion: '3',
      sessionId: 'sess-lf',
      userId: 'user-lf',
      environment: 'staging',
    });
    expect(span.input).toEqual([{ role: 'user', content: 'Summarise the ticket.' }]);
    expect(span.output).toEqual([{ role: 'assistant', content: 'Customer wants a refund.' }]);
    expect(span.costUsd).toBeCloseTo((100 * 0.4 + 20 * 1.6) / 1e6, 12);
    expect(span.attributes['langfuse.observation.metadata.ticket']).toBe('T-1');
  });

  it('uses cost_details over the price table', () => {
    const span = normalizeSpan(
      makeOtlpSpan({ attributes: { ...attributes, 'langfuse.observation.cost_details': '{"total":0.0005}' } }),
      options,
    );
    expect(span.costUsd).toBe(0.0005);
  });

  it('adds Langfuse cached input tokens back into input and prices them at the cache price', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'langfuse.observation.model.name': 'gpt-4.1-mini',
          'langfuse.observation.usage_details': '{"input":100,"input_cached_tokens":900,"output":20}',
        },
      }),
      options,
    );
    expect(span.inputTokens).toBe(1000);
    expect(span.costUsd).toBeCloseTo((100 * 0.4 + 900 * 0.1 + 20 * 1.6) / 1e6, 12);
  });

  it('keeps non-message observation input as its raw string and falls back to trace input', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'langfuse.observation.type': 'span',
          'langfuse.trace.input': '{"ticketId":"T-1"}',
          'langfuse.observation.output': 'done',
        },
      }),
      options,
    );
    expect(span).toMatchObject({ kind: 'other', input: '{"ticketId":"T-1"}', output: 'done' });
  });

  it('does not let the trace input hide the messages of the span itself', () => {
    const span = normalizeSpan(
      makeOtlpSpan({
        attributes: {
          'langfuse.trace.input': '{"ticketId":"T-1"}',
          'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Summarise T-1"}]}]',
        },
      }),
      options,
    );
    expect(span.input).toEqual([{ role: 'user', content: 'Summarise T-1' }]);
  });

  it.each([
    ['agent', 'agent'],
    ['tool', 'tool'],
    ['chain', 'chain'],
    ['retriever', 'retriever'],
    ['embedding', 'embedding'],
    ['event', 'other'],
  ] as const)('maps langfuse.observation.type %s to %s over other conventions', (type, kind) => {
    const span = normalizeSpan(
      makeOtlpSpan({ attributes: { 'langfuse.observation.type': type, 'openinference.span.kind': 'LLM' } }),
      options,
    );
    expect(span.kind).toBe(kind);
  });
});
