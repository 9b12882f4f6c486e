// Span builders for store and server tests: realistic defaults, any field overridable.
import { randomBytes } from 'node:crypto';
import type { Span } from '@kaizen/core';

export const newTraceId = (): string => randomBytes(16).toString('hex');
export const newSpanId = (): string => randomBytes(8).toString('hex');

/** `base` plus `offsetMs`, as the ISO string a normalised span carries. */
export function isoAt(base: string, offsetMs: number): string {
  return new Date(Date.parse(base) + offsetMs).toISOString();
}

/**
 * A root LLM span with usage, unless overridden. `endTime` follows `startTime` and `durationMs` when not given.
 *
 * @example
 * const child = makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, name: 'tool call', kind: 'tool' });
 */
export function makeSpan(overrides: Partial<Span> = {}): Span {
  const startTime = overrides.startTime ?? '2025-03-01T12:00:00.000Z';
  const durationMs = overrides.durationMs ?? 250.5;
  return {
    traceId: newTraceId(),
    spanId: newSpanId(),
    parentSpanId: null,
    name: 'chat gpt-4o-mini',
    kind: 'llm',
    startTime,
    endTime: overrides.endTime ?? isoAt(startTime, durationMs),
    durationMs,
    status: 'ok',
    statusMessage: null,
    model: 'gpt-4o-mini',
    provider: 'openai',
    inputTokens: 30,
    outputTokens: 12,
    totalTokens: 42,
    costUsd: 0.0000117,
    input: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'What is the capital of France?' },
    ],
    output: [{ role: 'assistant', content: 'Paris.' }],
    promptName: null,
    promptVersion: null,
    environment: 'production',
    sessionId: null,
    userId: null,
    attributes: { 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o-mini' },
    ...overrides,
  };
}

/** A span with no usage and no payload: a chain or agent step. */
export function makeStepSpan(overrides: Partial<Span> = {}): Span {
  return makeSpan({
    name: 'step',
    kind: 'chain',
    model: null,
    provider: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    costUsd: null,
    input: null,
    output: null,
    attributes: {},
    ...overrides,
  });
}
