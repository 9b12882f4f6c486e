// Turns scored traces into RCA items: reads their spans in bounded batches and extracts each trace's features.
import { type RcaItem, summarizeTrace } from '@kaizen/core';
import type { ScoredTrace, Store } from '@kaizen/store';
import { traceFeatures } from './trace-features.js';

/** Traces whose spans are read at once: bounded, so a large view never holds every trace's spans in memory. */
const SPAN_BATCH = 32;

export async function scoredTraceItems(
  store: Store,
  projectId: string,
  traces: readonly ScoredTrace[],
): Promise<RcaItem[]> {
  const items: RcaItem[] = [];
  for (let start = 0; start < traces.length; start += SPAN_BATCH) {
    const batch = traces.slice(start, start + SPAN_BATCH);
    const spansOfBatch = await Promise.all(batch.map((trace) => store.getTraceSpans(projectId, trace.traceId)));
    batch.forEach((trace, index) => {
      const spans = spansOfBatch[index] ?? [];
      // A score whose trace's spans are gone (retention) has nothing to explain it: left out.
      if (spans.length === 0) return;
      const summary = summarizeTrace(spans);
      const { features, excerpts } = traceFeatures(spans, summary);
      items.push({
        traceId: trace.traceId,
        startTime: trace.startTime ?? summary.startTime,
        results: trace.results,
        features,
        excerpts,
        rationales: trace.rationales,
      });
    });
  }
  return items;
}
