// A span exporter wrapper that tells the app, once per outage, that Kaizen is not accepting its spans.
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { KaizenLogger } from '../logger.js';

/** ExportResultCode.SUCCESS of @opentelemetry/core, which this package does not depend on directly. */
const SUCCESS = 0;

type ExportCallback = Parameters<SpanExporter['export']>[1];

/**
 * OpenTelemetry reports failed exports through its diag logger, silent unless the app configured one, so spans
 * would be dropped without a word. This logs the first failure and the recovery after it, never each batch.
 *
 * @example
 * new BatchSpanProcessor(new ReportingExporter(new OTLPTraceExporter({ url }), 'http://127.0.0.1:4318', console));
 */
export class ReportingExporter implements SpanExporter {
  readonly #inner: SpanExporter;
  readonly #target: string;
  readonly #logger: KaizenLogger;
  #failing = false;

  constructor(inner: SpanExporter, target: string, logger: KaizenLogger) {
    this.#inner = inner;
    this.#target = target;
    this.#logger = logger;
  }

  export(spans: ReadableSpan[], resultCallback: ExportCallback): void {
    this.#inner.export(spans, (result) => {
      if (result.code !== SUCCESS && !this.#failing) {
        this.#failing = true;
        const reason = result.error?.message ?? 'export failed';
        this.#logger.warn(`spans could not be sent to ${this.#target} (${reason}); they are dropped until it answers`);
      } else if (result.code === SUCCESS && this.#failing) {
        this.#failing = false;
        this.#logger.warn(`spans are reaching ${this.#target} again`);
      }
      resultCallback(result);
    });
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }
}
