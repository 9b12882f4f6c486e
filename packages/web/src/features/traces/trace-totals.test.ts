import type { Span } from '@kaizen/core';
import { describe, expect, it } from 'vitest';
import { traceTotals } from './trace-totals';

const span = (overrides: Partial<Span>): Span =>
  ({
    spanId: 's',
    parentSpanId: null,
    startTime: '2025-01-01T00:00:00.000Z',
    durationMs: 100,
    status: 'ok',
    model: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    costUsd: null,
    environment: null,
    promptName: null,
    promptVersion: null,
    ...overrides,
  }) as Span;

describe('traceTotals', () => {
  it('counts each model call once: an agent span repeating its children usage is skipped', () => {
    const totals = traceTotals([
      span({ spanId: 'agent', durationMs: 1000, inputTokens: 30, outputTokens: 12, costUsd: 0.3, environment: 'prod' }),
      span({ spanId: 'a', parentSpanId: 'agent', inputTokens: 10, outputTokens: 4, costUsd: 0.1, model: 'm1' }),
      span({
        spanId: 'b',
        parentSpanId: 'agent',
        startTime: '2025-01-01T00:00:01.000Z',
        durationMs: 500,
        inputTokens: 20,
        outputTokens: 8,
        costUsd: 0.2,
        model: 'm2',
        status: 'error',
        promptName: 'p',
        promptVersion: '2',
      }),
    ]);
    expect(totals).toMatchObject({
      inputTokens: 30,
      outputTokens: 12,
      totalTokens: 42,
      status: 'error',
      models: ['m1', 'm2'],
      environment: 'prod',
      promptName: 'p',
      promptVersion: '2',
      durationMs: 1500,
    });
    expect(totals.costUsd).toBeCloseTo(0.3);
  });

  it('says null, not 0, when no span reported usage', () => {
    expect(traceTotals([span({})])).toMatchObject({ inputTokens: null, totalTokens: null, costUsd: null });
  });
});
