// An in-memory OpenTelemetry tracer for AI SDK calls, and what Kaizen makes of the spans it records.

import {
  type AttributeValue,
  DEFAULT_PRICES,
  normalizeSpan,
  type OtlpSpan,
  type Span,
  summarizeTrace,
  type TraceSummary,
} from '@kaizen/core';
import type { HrTime, AttributeValue as OtelValue, Tracer } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export interface MemoryTracer {
  readonly tracer: Tracer;
  /** Finished spans so far, as OTLP would carry them. */
  spans(): OtlpSpan[];
}

export function createMemoryTracer(): MemoryTracer {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { tracer: provider.getTracer('ai'), spans: () => exporter.getFinishedSpans().map(toOtlpSpan) };
}

function nanos(time: HrTime): string {
  return (BigInt(time[0]) * 1_000_000_000n + BigInt(time[1])).toString();
}

/** OpenTelemetry allows null/undefined inside arrays; OTLP has no such values, exporters drop them. */
function attributeValue(value: OtelValue): AttributeValue {
  if (!Array.isArray(value)) return value as AttributeValue;
  const items: AttributeValue[] = [];
  for (const item of value as readonly unknown[]) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') items.push(item);
  }
  return items;
}

function attributes(raw: Readonly<Record<string, OtelValue | undefined>>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(raw)) if (value !== undefined) out[key] = attributeValue(value);
  return out;
}

/** What the OTLP exporter would send for this span, in Kaizen's wire-neutral form. */
export function toOtlpSpan(span: ReadableSpan): OtlpSpan {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    // The API's SpanKind starts at INTERNAL = 0; OTLP's enum has UNSPECIFIED = 0 first.
    kind: span.kind + 1,
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    attributes: attributes(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: nanos(event.time),
      attributes: attributes(event.attributes ?? {}),
    })),
    statusCode: span.status.code,
    statusMessage: span.status.message ?? '',
    resourceAttributes: attributes(span.resource.attributes),
    scopeName: span.instrumentationScope.name,
    scopeVersion: span.instrumentationScope.version ?? '',
  };
}

export interface KaizenView {
  readonly spans: readonly Span[];
  readonly summary: TraceSummary;
  /** Spans that are model calls (`ai.*.doGenerate` / `ai.*.doStream`), in start order. */
  readonly calls: readonly Span[];
}

/** Normalises the recorded spans as the ingest path does and summarises their trace. */
export function kaizenView(otlpSpans: readonly OtlpSpan[]): KaizenView {
  // By nanosecond start: two calls of an agent loop can start within the same millisecond.
  const ordered = [...otlpSpans].sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
  const spans = ordered.map((span) => normalizeSpan(span, { prices: DEFAULT_PRICES }));
  const calls = spans.filter((span) => /\.do(Generate|Stream)$/.test(span.name));
  return { spans, summary: summarizeTrace(spans), calls };
}
