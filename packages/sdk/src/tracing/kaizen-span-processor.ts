// The span processor init() adds: stamps the environment on every span at start, then batches spans to Kaizen.
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

const MARKER = Symbol.for('kaizen.spanProcessor');

/**
 * Wraps the exporting processor. The environment is set at start (not at export) so every processor of the
 * provider — the app's own exporter too — sees it; a span that already states one (a replay in `shadow`) keeps it.
 *
 * @example
 * const processor = new KaizenSpanProcessor(new BatchSpanProcessor(exporter), 'production');
 * new NodeTracerProvider({ spanProcessors: [processor] });
 */
export class KaizenSpanProcessor implements SpanProcessor {
  readonly [MARKER] = true;
  readonly environment: string;
  readonly #inner: SpanProcessor;

  constructor(inner: SpanProcessor, environment: string) {
    this.#inner = inner;
    this.environment = environment;
  }

  /** Recognises Kaizen's processor in a provider's list, across package copies. */
  static isInstance(value: unknown): value is KaizenSpanProcessor {
    return typeof value === 'object' && value !== null && (value as { [MARKER]?: unknown })[MARKER] === true;
  }

  onStart(span: Span, parentContext: Context): void {
    if (span.attributes['kaizen.environment'] === undefined) span.setAttribute('kaizen.environment', this.environment);
    this.#inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.#inner.onEnd(span);
  }

  // A failed export must not fail the flush or shutdown of the app's provider (its own processors share them):
  // ReportingExporter has already told the app that spans are being dropped.
  forceFlush(): Promise<void> {
    return this.#inner.forceFlush().catch(() => undefined);
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown().catch(() => undefined);
  }
}
