import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../compile-checklist.js';
import { evaluateCheck, statusOf } from '../testing/evaluate-check.js';

describe('budgets', () => {
  it('max_latency_ms: within, over, unmeasured', async () => {
    expect(await statusOf({ kind: 'max_latency_ms', max: 1000 }, { output: '', latencyMs: 1000 })).toBe('passed');
    const over = await evaluateCheck({ kind: 'max_latency_ms', max: 1000 }, { output: '', latencyMs: 1500 });
    expect(over).toMatchObject({ status: 'failed', rationale: 'latency (ms) 1500 exceeds 1000' });
    const unknown = await evaluateCheck({ kind: 'max_latency_ms', max: 1000 }, { output: '', latencyMs: null });
    expect(unknown).toMatchObject({ status: 'skipped', reason: 'latency (ms) was not measured' });
  });

  it('max_tokens: total from the total or input + output; input and output on their own', async () => {
    expect(await statusOf({ kind: 'max_tokens', max: 100 }, { output: '', totalTokens: 101 })).toBe('failed');
    expect(await statusOf({ kind: 'max_tokens', max: 100 }, { output: '', inputTokens: 60, outputTokens: 40 })).toBe(
      'passed',
    );
    expect(await statusOf({ kind: 'max_tokens', max: 100 }, { output: '', inputTokens: 60 })).toBe('skipped');
    expect(await statusOf({ kind: 'max_tokens', max: 50, tokens: 'output' }, { output: '', outputTokens: 51 })).toBe(
      'failed',
    );
    expect(await statusOf({ kind: 'max_tokens', max: 50, tokens: 'input' }, { output: '', inputTokens: 50 })).toBe(
      'passed',
    );
  });

  it('max_cost_usd', async () => {
    expect(await statusOf({ kind: 'max_cost_usd', max: 0.01 }, { output: '', costUsd: 0.02 })).toBe('failed');
    expect(await statusOf({ kind: 'max_cost_usd', max: 0.01 }, { output: '', costUsd: 0.001 })).toBe('passed');
    expect(await statusOf({ kind: 'max_cost_usd', max: 0.01 }, { output: '' })).toBe('skipped');
  });

  it('requires an explicit, finite, non-negative max', () => {
    for (const max of [undefined, -1, Number.POSITIVE_INFINITY, '10']) {
      expect(() =>
        compileChecklist({
          name: 'x',
          passThreshold: 1,
          criteria: [{ id: 'b', description: '', weight: 1, check: { kind: 'max_latency_ms', max } as never }],
        }),
      ).toThrow(/criterion "b": max must be a finite number/);
    }
  });
});
