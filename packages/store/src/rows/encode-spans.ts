// Spans encoded as the store writes them: pure work that an ingest worker thread does off the event loop.
import { type Span, summarizeTrace } from '@kaizen/core';
import { type SqlValue, spanToValues } from './span-row.js';
import { summaryToValues } from './trace-row.js';

/** One trace of an encoded batch. */
export interface EncodedTrace {
  readonly traceId: string;
  /** Distinct spans of the trace in the batch: a span sent twice in one batch counts once. */
  readonly spanCount: number;
  /**
   * The trace's summary row (TRACE_COLUMNS order) computed from the batch's spans alone. It is the right summary
   * when the trace is new to the store, which is when the store uses it; otherwise the store recomputes the summary
   * from every stored span of the trace.
   */
  readonly summary: SqlValue[];
}

/**
 * A batch of spans as column values, ready to bind: strings, numbers and null only, so it crosses a worker boundary
 * (structured clone) far more cheaply than Span objects do. Only `encodeSpans` makes one; pass it to
 * `Store.insertSpans` unchanged.
 */
export interface EncodedSpans {
  /** One row per span, in the batch's order, in SPAN_COLUMNS order (trace_id first). */
  readonly rows: SqlValue[][];
  /** Every trace of the batch once, in order of first appearance. */
  readonly traces: EncodedTrace[];
}

/** What `Store.insertSpans` takes: Span objects, or the same spans already encoded by `encodeSpans`. */
export type SpansToInsert = readonly Span[] | EncodedSpans;

/** Tells the two forms of `SpansToInsert` apart. */
export function isEncodedSpans(spans: SpansToInsert): spans is EncodedSpans {
  return !Array.isArray(spans);
}

/**
 * Encodes spans for `Store.insertSpans`: column values (times as integer µs, JSON as text) and a summary of each
 * trace from the batch's spans. Pure and synchronous, so a worker thread can run it and post the result.
 * Throws `KaizenError('invalid_input')` for an unparseable time or a value JSON cannot hold.
 *
 * @example
 * const encoded = encodeSpans(spans); // in a worker thread
 * await store.insertSpans(projectId, encoded); // on the event loop: binds and steps statements only
 */
export function encodeSpans(spans: readonly Span[]): EncodedSpans {
  const rows = spans.map(spanToValues);
  // Of a span sent twice in one batch the first is the one written, so only the first is summarised.
  const byTrace = new Map<string, Map<string, Span>>();
  for (const span of spans) {
    let ofTrace = byTrace.get(span.traceId);
    if (ofTrace === undefined) {
      ofTrace = new Map();
      byTrace.set(span.traceId, ofTrace);
    }
    if (!ofTrace.has(span.spanId)) ofTrace.set(span.spanId, span);
  }
  const traces: EncodedTrace[] = [];
  for (const [traceId, ofTrace] of byTrace) {
    const distinct = [...ofTrace.values()];
    traces.push({ traceId, spanCount: distinct.length, summary: summaryToValues(summarizeTrace(distinct)) });
  }
  return { rows, traces };
}
