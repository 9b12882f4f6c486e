// Test helper: an OtlpSpan with sensible defaults, so each test spells out only the attributes it is about.
import type { Attributes, OtlpEvent, OtlpSpan } from '../otlp-span.js';

export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** 2025-01-01T00:00:00.000Z in nanoseconds. */
export const T0 = 1_735_689_600_000_000_000n;

/** Nanosecond timestamp `ms` milliseconds after T0, as OTLP sends it (a decimal string). */
export function at(ms: number): string {
  return (T0 + BigInt(Math.round(ms * 1e6))).toString();
}

export function event(name: string, attributes: Attributes, ms = 0): OtlpEvent {
  return { name, timeUnixNano: at(ms), attributes };
}

/**
 * @example
 * makeOtlpSpan({ name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat' } });
 */
export function makeOtlpSpan(overrides: Partial<OtlpSpan> = {}): OtlpSpan {
  return {
    traceId: TRACE_ID,
    spanId: '00f067aa0ba902b7',
    parentSpanId: null,
    name: 'span',
    kind: 1,
    startTimeUnixNano: at(0),
    endTimeUnixNano: at(100),
    attributes: {},
    events: [],
    statusCode: 0,
    statusMessage: '',
    resourceAttributes: { 'service.name': 'test-service' },
    scopeName: '',
    scopeVersion: '',
    ...overrides,
  };
}
