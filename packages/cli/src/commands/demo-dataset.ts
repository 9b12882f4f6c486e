// The optimization's dataset, built from production traces: one item per page the day saw, its input read back from
// the trace (the variables the SDK recorded, as ingest redacted them), and the page markup's main type as the
// reference where it is known. Pages are found by the `pageId` metadata the app sends with each call: the recorded
// HTML is not the page's byte for byte once e-mail addresses are redacted.
import { extractReplayInput, type Span, type TraceSummary } from '@kaizen/core';
import type { DatasetVersion, KaizenApi } from '@kaizen/sdk';
import type { DemoExpected } from './demo-checklist.js';
import type { DemoPage } from './demo-pages.js';

export const DEMO_DATASET = 'extractor-production';
const READS_IN_FLIGHT = 8;
/** Where the AI SDK records the call's telemetry metadata (the demo app's `pageId`). */
const PAGE_ID_ATTRIBUTE = 'ai.telemetry.metadata.pageId';

export interface DemoDataset {
  readonly version: DatasetVersion;
  /** Production traces read back. */
  readonly tracesRead: number;
  /** Items with a reference answer (the page's markup names its main type). */
  readonly withExpected: number;
}

async function productionTraces(api: KaizenApi, promptName: string): Promise<TraceSummary[]> {
  const traces: TraceSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listTraces({
      environment: 'production',
      promptName,
      limit: 200,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    traces.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return traces;
}

/**
 * @example
 * const { version } = await buildDemoDataset(api, 'schemaorg-extractor', pages, (done, total) => bar.update(done));
 */
export async function buildDemoDataset(
  api: KaizenApi,
  promptName: string,
  pages: readonly DemoPage[],
  onProgress: (done: number, total: number) => void,
): Promise<DemoDataset> {
  const traces = await productionTraces(api, promptName);
  const byId = new Map(pages.map((page) => [page.id, page]));
  const pageOf = (spans: readonly Span[]) => {
    const id = spans.map((span) => span.attributes[PAGE_ID_ATTRIBUTE]).find((value) => typeof value === 'string');
    return typeof id === 'string' ? byId.get(id) : undefined;
  };
  const ordered = [...traces].sort((left, right) => left.startTime.localeCompare(right.startTime));
  const items = new Map<string, Record<string, unknown>>();
  const firstSeen = new Map<string, string>();
  let next = 0;
  let done = 0;
  const read = async () => {
    for (let trace = ordered[next++]; trace !== undefined; trace = ordered[next++]) {
      const { spans } = await api.getTrace(trace.traceId);
      const input = extractReplayInput(spans, promptName);
      done += 1;
      onProgress(done, ordered.length);
      if (input?.kind !== 'variables') continue;
      const page = pageOf(spans);
      // The item id is the page's, so a page seen many times is one item, in one split (from its first trace).
      const itemId = page?.id ?? trace.traceId;
      const seen = firstSeen.get(itemId);
      if (seen !== undefined && seen <= trace.startTime) continue;
      firstSeen.set(itemId, trace.startTime);
      const expected: DemoExpected | undefined =
        page !== undefined && page.mainTypes.length > 0 ? { mainTypes: page.mainTypes } : undefined;
      items.set(itemId, {
        itemId,
        input: input.variables,
        ...(expected !== undefined ? { expected } : {}),
        metadata: { section: page?.section ?? 'unknown', startTime: trace.startTime },
        sourceTraceId: trace.traceId,
      });
    }
  };
  await Promise.all(Array.from({ length: READS_IN_FLIGHT }, read));
  const rows = [...items.values()].sort((left, right) => String(left.itemId).localeCompare(String(right.itemId)));
  // The import route: the items' pages are larger together than a JSON request body may be.
  const version = await api.datasets.importFile(DEMO_DATASET, {
    content: rows.map((row) => JSON.stringify(row)).join('\n'),
    format: 'jsonl',
    // More validation items than the default 0.6/0.2/0.2: the acceptance guard's paired tests need them.
    fractions: [0.45, 0.3, 0.25],
    message: `kaizen demo: one item per page seen in ${traces.length} production traces; expected = the page markup's main type`,
    file: 'production-traces.jsonl',
  });
  return { version, tracesRead: traces.length, withExpected: rows.filter((row) => 'expected' in row).length };
}
