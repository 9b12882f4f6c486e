// Recomputes the summaries of the traces an insert touched, from all of their stored spans.
import { type Span, summarizeTrace } from '@kaizen/core';
import { recordToSpan, type SpanRecord, type SqlValue } from './span-row.js';
import { summaryToValues } from './trace-row.js';

/**
 * `inserted`: the spans this insert wrote, by trace. `stored`: the light columns of every stored span (the new ones
 * included) of those touched traces that already had a summary row.
 *
 * Every write of a span also writes its trace's summary in the same transaction, so a trace without a summary row
 * has no spans stored but the ones just inserted: they are summarised from memory, without reading them back. The
 * others are recomputed from all their spans (never by adding to the old totals), which is what makes late
 * parents and aggregate spans come out right.
 *
 * @example
 * const rows = summarizeTouchedTraces(insertedByTrace, selectLightSpansOfSummarisedTraces(projectId, traceIds));
 */
export function summarizeTouchedTraces(
  inserted: ReadonlyMap<string, readonly Span[]>,
  stored: Iterable<SpanRecord>,
): SqlValue[][] {
  const byTrace = new Map<string, Span[]>();
  for (const record of stored) {
    const spans = byTrace.get(record.trace_id);
    if (spans === undefined) byTrace.set(record.trace_id, [recordToSpan(record)]);
    else spans.push(recordToSpan(record));
  }
  const rows: SqlValue[][] = [];
  for (const [traceId, insertedSpans] of inserted) {
    rows.push(summaryToValues(summarizeTrace(byTrace.get(traceId) ?? insertedSpans)));
  }
  return rows;
}

/** Adds a span to its trace's list. */
export function addByTrace(byTrace: Map<string, Span[]>, span: Span): void {
  const spans = byTrace.get(span.traceId);
  if (spans === undefined) byTrace.set(span.traceId, [span]);
  else spans.push(span);
}
