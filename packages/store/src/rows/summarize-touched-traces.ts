// Which summaries an insert must write, and the summaries of traces recomputed from all of their stored spans.
import { type Span, summarizeTrace } from '@kaizen/core';
import type { EncodedSpans, EncodedTrace } from './encode-spans.js';
import { recordToSpan, type SpanRecord, type SqlValue } from './span-row.js';
import { summaryToValues } from './trace-row.js';

export interface TouchedTraces {
  /**
   * Traces that gained every span the batch holds for them: if the trace is new to the store, its summary is the
   * batch's (`EncodedTrace.summary`); the store writes it only where no summary row exists yet.
   */
  readonly maybeNew: EncodedTrace[];
  /** Traces that gained only some of the batch's spans, so they already had spans: recomputed from storage. */
  readonly stored: string[];
}

/**
 * Sorts the traces that gained a span (`insertedByTrace`: spans written per trace id). Untouched traces (a pure
 * retry) need no new summary.
 *
 * Every write of a span also writes its trace's summary in the same transaction, so a trace without a summary row
 * has no spans stored but the ones just inserted: the batch's summary is then exact, with nothing read back. A trace
 * that has a summary row is recomputed from all of its spans (never by adding to the old totals), which is what
 * makes late parents and aggregate spans come out right.
 *
 * @example
 * const { maybeNew, stored } = touchedTraces(encoded, insertedByTrace);
 */
export function touchedTraces(encoded: EncodedSpans, insertedByTrace: ReadonlyMap<string, number>): TouchedTraces {
  const maybeNew: EncodedTrace[] = [];
  const stored: string[] = [];
  for (const trace of encoded.traces) {
    const inserted = insertedByTrace.get(trace.traceId);
    if (inserted === undefined) continue;
    if (inserted === trace.spanCount) maybeNew.push(trace);
    else stored.push(trace.traceId);
  }
  return { maybeNew, stored };
}

/** Adds one to a trace's count of written spans. */
export function countInserted(insertedByTrace: Map<string, number>, traceId: string): void {
  insertedByTrace.set(traceId, (insertedByTrace.get(traceId) ?? 0) + 1);
}

/**
 * Summary rows (TRACE_COLUMNS order) of the traces whose light span columns are in `records`, one per trace.
 *
 * @example
 * const rows = summarizeStoredTraces(selectLightSpansOfTraces(projectId, traceIds));
 */
export function summarizeStoredTraces(records: Iterable<SpanRecord>): SqlValue[][] {
  const byTrace = new Map<string, Span[]>();
  for (const record of records) {
    const spans = byTrace.get(record.trace_id);
    if (spans === undefined) byTrace.set(record.trace_id, [recordToSpan(record)]);
    else spans.push(recordToSpan(record));
  }
  return [...byTrace.values()].map((spans) => summaryToValues(summarizeTrace(spans)));
}
