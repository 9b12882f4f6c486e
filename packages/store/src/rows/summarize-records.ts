// Recomputes the summaries of the traces an insert touched, from the light columns of all their stored spans.
import { type Span, summarizeTrace } from '@kaizen/core';
import { recordToSpan, type SpanRecord, type SqlValue } from './span-row.js';
import { summaryToValues } from './trace-row.js';

/**
 * Groups the rows by trace and summarises each group. Recomputing from every stored span (rather than adding the
 * new spans to the old totals) is what makes late parents, retries and aggregate spans come out right.
 *
 * @example
 * const rows = summarizeRecords(selectLightSpans(projectId, touchedTraceIds)); // one value array per trace
 */
export function summarizeRecords(records: Iterable<SpanRecord>): SqlValue[][] {
  const byTrace = new Map<string, Span[]>();
  for (const record of records) {
    const spans = byTrace.get(record.trace_id);
    if (spans === undefined) byTrace.set(record.trace_id, [recordToSpan(record)]);
    else spans.push(recordToSpan(record));
  }
  return [...byTrace.values()].map((spans) => summaryToValues(summarizeTrace(spans)));
}
