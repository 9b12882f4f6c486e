import { describe, expect, it } from 'vitest';
import { KaizenError } from '../errors/kaizen-error.js';
import { subjectFromTrace } from './subject-from-trace.js';
import { makeSpan } from './testing/evaluate-check.js';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

describe('subjectFromTrace', () => {
  const usage = { inputTokens: 100, outputTokens: 20, totalTokens: 120, costUsd: 0.001 };
  const llm = (spanId: string, start: number, end: number, content: string) =>
    makeSpan({
      spanId,
      parentSpanId: 'root',
      kind: 'llm',
      startTime: at(start),
      endTime: at(end),
      durationMs: end - start,
      output: [{ role: 'assistant', content }],
      ...usage,
    });

  it('takes the root output, the usage summed once and the latency of the trace', () => {
    const spans = [
      makeSpan({
        spanId: 'root',
        kind: 'agent',
        startTime: at(0),
        endTime: at(900),
        durationMs: 900,
        input: 'What is the weather?',
        output: 'Sunny.',
        promptName: 'weather',
      }),
      llm('a', 10, 300, 'Let me check.'),
      llm('b', 400, 850, 'Sunny.'),
    ];
    const subject = subjectFromTrace(spans);
    expect(subject).toMatchObject({
      output: 'Sunny.',
      input: 'What is the weather?',
      latencyMs: 900,
      inputTokens: 200,
      outputTokens: 40,
      totalTokens: 240,
      costUsd: 0.002,
      metadata: { traceId: 't1', promptName: 'weather' },
    });
    expect(subject.spans).toBe(spans);
  });

  it('falls back to the last model call when the root has no output', () => {
    const spans = [
      makeSpan({ spanId: 'root', kind: 'chain', startTime: at(0), endTime: at(900), durationMs: 900 }),
      llm('b', 400, 850, 'Final answer.'),
      llm('a', 10, 300, 'First thoughts.'),
    ];
    expect(subjectFromTrace(spans).output).toBe('Final answer.');
  });

  it('gives an empty output when nothing answered, and refuses an empty trace', () => {
    expect(subjectFromTrace([makeSpan({ spanId: 'only' })]).output).toBe('');
    expect(() => subjectFromTrace([])).toThrow(KaizenError);
  });
});
