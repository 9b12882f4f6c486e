import type { Span, SpanOptions, TimeInput, Tracer } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { shiftTracer } from './demo-time-shift.js';

interface Recorded {
  name: string;
  startTime: TimeInput | undefined;
  endTime?: TimeInput | undefined;
  events: { name: string; time: TimeInput | undefined }[];
  context: unknown;
}

/** A tracer that records what it is asked, with spans that record their end and events. */
function recordingTracer() {
  const spans: Recorded[] = [];
  const start = (name: string, options: SpanOptions | undefined, context: unknown): Span => {
    const recorded: Recorded = { name, startTime: options?.startTime, events: [], context };
    spans.push(recorded);
    const span = {
      spanContext: () => ({ traceId: '0'.repeat(32), spanId: '1'.repeat(16), traceFlags: 1 }),
      end: (time?: TimeInput) => {
        recorded.endTime = time;
      },
      addEvent: (event: string, _attributes: unknown, time?: TimeInput) => {
        recorded.events.push({ name: event, time });
        return span;
      },
      recordException: (_error: unknown, time?: TimeInput) => {
        recorded.events.push({ name: 'exception', time });
      },
      isRecording: () => true,
    };
    return span as unknown as Span;
  };
  const tracer = {
    startSpan: (name: string, options?: SpanOptions, context?: unknown) => start(name, options, context),
    startActiveSpan: (name: string, ...rest: unknown[]) => {
      const fn = rest.pop() as (span: Span) => unknown;
      const [options, context] = rest as [SpanOptions | undefined, unknown];
      return fn(start(name, options, context));
    },
  } as unknown as Tracer;
  return { tracer, spans };
}

const HOUR = 3_600_000;

describe('shiftTracer', () => {
  it('starts, ends and stamps events of spans at the shifted time', async () => {
    const { tracer, spans } = recordingTracer();
    const shifted = shiftTracer(tracer, -5 * HOUR);
    const before = Date.now() - 5 * HOUR;
    await shifted.startActiveSpan('prompt extractor', { attributes: { a: 1 } }, async (span) => {
      span.addEvent('retry');
      shifted.startSpan('child').end();
      span.recordException(new Error('boom'));
      span.end();
    });
    const after = Date.now() - 5 * HOUR;
    const [parent, child] = spans;
    for (const time of [
      parent?.startTime,
      parent?.endTime,
      child?.startTime,
      child?.endTime,
      parent?.events[0]?.time,
    ]) {
      expect(time).toBeGreaterThanOrEqual(before - 1);
      expect(time).toBeLessThanOrEqual(after + 1);
    }
    expect(parent?.events.map((event) => event.name)).toEqual(['retry', 'exception']);
    expect(Number(parent?.endTime)).toBeGreaterThanOrEqual(Number(parent?.startTime));
  });

  it('keeps times given explicitly and passes the context on', () => {
    const { tracer, spans } = recordingTracer();
    const shifted = shiftTracer(tracer, -HOUR);
    const context = { marker: true } as never;
    shifted.startActiveSpan('with context', { startTime: 1000 }, context, (span) => span.end(2000));
    expect(spans[0]).toMatchObject({ startTime: 1000, endTime: 2000, context });
  });

  it('takes the name-and-function form', () => {
    const { tracer, spans } = recordingTracer();
    const result = shiftTracer(tracer, 0).startActiveSpan('bare', (span) => {
      span.end();
      return 42;
    });
    expect(result).toBe(42);
    expect(typeof spans[0]?.startTime).toBe('number');
  });
});
