// Decodes one OTLP body, normalises and encodes its spans: the CPU-heavy part of ingest, run inline or in a worker.
import {
  KaizenError,
  normalizeSpan,
  type PriceTable,
  type RedactionCounts,
  type Redactor,
  redactSpan,
  type Span,
} from '@kaizen/core';
import { type EncodedSpans, encodeSpans } from '@kaizen/store';
import { type ModelCall, modelCalls } from '../metrics/model-calls.js';
import { decodeOtlpJson } from '../otlp/decode-otlp-json.js';
import { decodeOtlpProtobuf } from '../otlp/decode-otlp-protobuf.js';
import type { RejectedSpan } from '../otlp/decode-result.js';

export type OtlpFormat = 'json' | 'protobuf';

export interface ProcessedBatch {
  /**
   * The valid spans, normalised and encoded as the store writes them (column values and per-trace summaries), so the
   * event loop only binds and steps statements, and the worker sends flat strings and numbers instead of Span objects.
   */
  readonly spans: EncodedSpans;
  /** Spans the decoder or the normaliser refused, for the OTLP partial-success answer. */
  readonly rejected: RejectedSpan[];
  /** Replacements made by redaction, by placeholder type (`{ email: 2, secret: 1 }`); empty when nothing matched. */
  readonly redactions: RedactionCounts;
  /**
   * The batch's model calls for the LLM metrics, found here in the worker so the event loop — the ingest path's
   * bottleneck, writing to the store — does not scan the rows again.
   */
  readonly modelCalls: readonly ModelCall[];
}

/**
 * Redaction runs here, on each normalised span before it is encoded: nothing unredacted reaches the store or crosses
 * back to the event loop. Throws `KaizenError('invalid_input')` when the body as a whole is malformed.
 */
export function processBatch(
  format: OtlpFormat,
  body: Uint8Array,
  prices: PriceTable,
  redactor: Redactor,
): ProcessedBatch {
  const decoded = format === 'json' ? decodeOtlpJson(body) : decodeOtlpProtobuf(body);
  const options = { prices };
  const spans: Span[] = [];
  const redactions: RedactionCounts = {};
  for (const span of decoded.spans) {
    try {
      spans.push(redactSpan(redactor, normalizeSpan(span, options), redactions));
    } catch (error) {
      // normalizeSpan is total by contract; should a span still trip it, that span alone is refused.
      if (!KaizenError.isInstance(error) || error.code !== 'invalid_input') throw error;
      decoded.rejected.push({ path: `span ${span.spanId} of trace ${span.traceId}`, reason: error.message });
    }
  }
  const encoded = encodeSpans(spans);
  return { spans: encoded, rejected: decoded.rejected, redactions, modelCalls: modelCalls(encoded) };
}

/** Where batches are processed: on the event loop, or in worker threads so the loop stays free for I/O and the store. */
export interface BatchProcessor {
  process(format: OtlpFormat, body: Uint8Array): Promise<ProcessedBatch>;
  close(): Promise<void>;
}

export function createInlineProcessor(prices: PriceTable, redactor: Redactor): BatchProcessor {
  return {
    process: async (format, body) => processBatch(format, body, prices, redactor),
    close: async () => {},
  };
}
