// Sends spans to the server through the official OpenTelemetry JS SDK and OTLP exporters (JSON and protobuf).
import { type Attributes, ROOT_CONTEXT, type Span, type SpanOptions, type Tracer, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

export type Wire = 'json' | 'protobuf';
export const WIRES: readonly Wire[] = ['json', 'protobuf'];

type ExporterConfig = NonNullable<ConstructorParameters<typeof JsonExporter>[0]>;
type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];

export interface ExportOptions {
  /** The full endpoint, e.g. `${server.url}/v1/traces`. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly wire: Wire;
  readonly resource?: Attributes;
  readonly scope?: { readonly name: string; readonly version?: string };
  readonly gzip?: boolean;
}

/** Passes spans to the real exporter and keeps each export's result, so a test fails on any rejected export. */
class RecordingExporter implements SpanExporter {
  readonly results: ExportResult[] = [];
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      this.results.push(result);
      done(result);
    });
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

function createExporter(options: ExportOptions): SpanExporter {
  const config: ExporterConfig = {
    url: options.url,
    headers: options.headers,
    // The exporters' CompressionAlgorithm enum lives in a package we do not depend on; its value is the string.
    ...(options.gzip === true ? { compression: 'gzip' as NonNullable<ExporterConfig['compression']> } : {}),
  };
  return options.wire === 'json' ? new JsonExporter(config) : new ProtobufExporter(config);
}

export interface ExportHelpers {
  /** Exports what has ended so far, as its own request. */
  flush(): Promise<void>;
}

/**
 * Builds spans with a real tracer, exports them with BatchSpanProcessor → OTLPTraceExporter, force-flushes, and
 * throws if any export failed.
 *
 * @example
 * await exportSpans({ url, headers, wire: 'protobuf' }, (tracer) => tracer.startSpan('chat gpt-4o').end());
 */
export async function exportSpans(
  options: ExportOptions,
  build: (tracer: Tracer, helpers: ExportHelpers) => void | Promise<void>,
): Promise<void> {
  const exporter = new RecordingExporter(createExporter(options));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(options.resource ?? { 'service.name': 'kaizen-server-test' }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer(options.scope?.name ?? 'test', options.scope?.version);
  try {
    await build(tracer, { flush: () => provider.forceFlush() });
    await provider.forceFlush();
  } finally {
    await provider.shutdown();
  }
  const failed = exporter.results.find((result) => result.code !== 0);
  if (failed !== undefined) throw new Error(`export failed: ${failed.error?.message ?? 'unknown error'}`);
  if (exporter.results.length === 0) throw new Error('nothing was exported');
}

/** Starts a span under `parent` (no context manager needed). */
export function startChild(tracer: Tracer, parent: Span, name: string, options: SpanOptions = {}): Span {
  return tracer.startSpan(name, options, trace.setSpan(ROOT_CONTEXT, parent));
}

/** Milliseconds since the epoch at a fixed base plus `offsetMs`: deterministic span times. */
export function at(offsetMs: number, base = Date.UTC(2025, 5, 1, 12, 0, 0)): number {
  return base + offsetMs;
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

export function traceIdOf(span: Span): string {
  return span.spanContext().traceId;
}
