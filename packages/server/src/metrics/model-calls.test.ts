import type { Span } from '@kaizen/core';
import { encodeSpans } from '@kaizen/store';
import { makeSpan } from '@kaizen/store/testing';
import { describe, expect, it } from 'vitest';
import { modelCalls } from './model-calls.js';

const traceId = 'c'.repeat(32);
const span = (overrides: Partial<Span>): Span => makeSpan({ traceId, ...overrides });

describe('modelCalls', () => {
  it('reads model, prompt, version, environment, duration, tokens and cost from the encoded rows', () => {
    const calls = modelCalls(
      encodeSpans([
        span({
          model: 'gpt-4o',
          promptName: 'answer',
          promptVersion: '3',
          environment: 'production',
          durationMs: 1250,
          inputTokens: 30,
          outputTokens: 12,
          costUsd: 0.002,
        }),
      ]),
    );
    expect(calls).toEqual([
      {
        model: 'gpt-4o',
        promptName: 'answer',
        promptVersion: '3',
        environment: 'production',
        durationMs: 1250,
        inputTokens: 30,
        outputTokens: 12,
        costUsd: 0.002,
      },
    ]);
  });

  it('counts llm and embedding spans only: agent, chain and tool spans repeat or lack model usage', () => {
    const calls = modelCalls(
      encodeSpans([
        span({ kind: 'agent', model: 'agent-sum' }),
        span({ kind: 'chain', model: 'chain-sum' }),
        span({ kind: 'tool', model: null, inputTokens: null, outputTokens: null, costUsd: null }),
        span({ kind: 'llm', model: 'chat' }),
        span({ kind: 'embedding', model: 'embed' }),
      ]),
    );
    expect(calls.map((call) => call.model)).toEqual(['chat', 'embed']);
  });

  it('skips a model span whose descendant in the batch carries usage, as summarizeTrace does', () => {
    const outer = span({ spanId: '1000000000000001', model: 'outer', inputTokens: 60, outputTokens: 24 });
    const step = span({ spanId: '1000000000000002', parentSpanId: outer.spanId, kind: 'chain', model: null });
    const first = span({ spanId: '1000000000000003', parentSpanId: step.spanId, model: 'inner' });
    const second = span({ spanId: '1000000000000004', parentSpanId: step.spanId, model: 'inner' });
    const calls = modelCalls(encodeSpans([outer, step, first, second]));
    expect(calls.map((call) => call.model)).toEqual(['inner', 'inner']);
  });

  it('counts a span sent twice in one batch once', () => {
    const call = span({ spanId: '2000000000000001' });
    expect(modelCalls(encodeSpans([call, call]))).toHaveLength(1);
  });

  it('keeps absent usage as null and finds nothing in a batch without model spans', () => {
    const [call] = modelCalls(encodeSpans([span({ inputTokens: null, outputTokens: null, costUsd: null })]));
    expect(call).toMatchObject({ inputTokens: null, outputTokens: null, costUsd: null });
    expect(modelCalls(encodeSpans([span({ kind: 'tool' })]))).toEqual([]);
  });
});
