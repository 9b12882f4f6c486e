import { describe, expect, it } from 'vitest';
import { normalizeSpan } from './normalize-span.js';
import type { Attributes } from './otlp-span.js';
import { DEFAULT_PRICES } from './price-table.js';
import { summarizeTrace } from './summarize-trace.js';
import { at, makeOtlpSpan } from './testing/make-otlp-span.js';

function span(spanId: string, parentSpanId: string | null, name: string, attributes: Attributes, ms: [number, number]) {
  return normalizeSpan(
    makeOtlpSpan({ spanId, parentSpanId, name, attributes, startTimeUnixNano: at(ms[0]), endTimeUnixNano: at(ms[1]) }),
    { prices: DEFAULT_PRICES },
  );
}

const usage = (input: number, output: number): Attributes => ({
  'gen_ai.request.model': 'gpt-4o-mini',
  'gen_ai.usage.input_tokens': input,
  'gen_ai.usage.output_tokens': output,
});

// AI SDK 7 through @ai-sdk/otel: invoke_agent (aggregate) → agent_step (no usage) → chat (per call).
const agent = span(
  'a000000000000001',
  null,
  'invoke_agent gpt-4o-mini',
  {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.conversation.id': 'conv-1',
    ...usage(82, 19),
  },
  [0, 3000],
);
const step1 = span('a000000000000002', 'a000000000000001', 'agent_step', {}, [0, 1000]);
const chat1 = span(
  'a000000000000003',
  'a000000000000002',
  'chat gpt-4o-mini',
  {
    'gen_ai.operation.name': 'chat',
    ...usage(30, 8),
  },
  [10, 990],
);
const step2 = span('a000000000000004', 'a000000000000001', 'agent_step', {}, [1000, 3000]);
const chat2 = span(
  'a000000000000005',
  'a000000000000004',
  'chat gpt-4o-mini',
  {
    'gen_ai.operation.name': 'chat',
    ...usage(52, 11),
  },
  [1010, 2990],
);

describe('summarizeTrace over normalised spans', () => {
  it('skips an aggregate whose calls sit below an intermediate span without usage', () => {
    const summary = summarizeTrace([agent, step1, chat1, step2, chat2]);
    expect(summary).toMatchObject({
      rootName: 'invoke_agent gpt-4o-mini',
      inputTokens: 82,
      outputTokens: 19,
      totalTokens: 101,
      sessionId: 'conv-1',
      spanCount: 5,
      durationMs: 3000,
    });
    expect(summary.costUsd).toBeCloseTo((82 * 0.15 + 19 * 0.6) / 1e6, 12);
    expect([agent.kind, step1.kind, chat1.kind]).toEqual(['agent', 'other', 'llm']);
  });

  it('gives the same totals when children arrive before their parents', () => {
    const summary = summarizeTrace([chat2, chat1, step2, step1, agent]);
    expect(summary).toMatchObject({ rootName: 'invoke_agent gpt-4o-mini', inputTokens: 82, outputTokens: 19 });
  });

  it('counts the aggregate while its calls have not arrived (nothing below it to count instead)', () => {
    expect(summarizeTrace([agent, step1])).toMatchObject({ inputTokens: 82, outputTokens: 19 });
  });

  it('terminates on a parent cycle in bad data', () => {
    const a = span('c000000000000001', 'c000000000000002', 'a', usage(1, 1), [0, 10]);
    const b = span('c000000000000002', 'c000000000000001', 'b', usage(2, 2), [0, 10]);
    const self = span('c000000000000003', 'c000000000000003', 'self', usage(4, 4), [0, 10]);
    const summary = summarizeTrace([a, b, self]);
    expect(summary.spanCount).toBe(3);
    // a and b each sit above the other, so both are aggregates; the self-parented span is counted.
    expect(summary.inputTokens).toBe(4);
  });

  it('reports an error when any span failed', () => {
    const failed = normalizeSpan(makeOtlpSpan({ spanId: 'd000000000000001', statusCode: 2, statusMessage: 'boom' }), {
      prices: DEFAULT_PRICES,
    });
    expect(summarizeTrace([agent, failed]).status).toBe('error');
    expect(summarizeTrace([agent]).status).toBe('ok');
  });
});
