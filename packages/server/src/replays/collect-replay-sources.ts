// The source traces of a replay: the newest traces of the prompt in the source environment within the window, each
// with the input the prompt ran on (core's extractReplayInput: the recorded variables, else the chat messages), the
// same reading as the SDK's replayPrompt. A trace that recorded neither is kept apart with the reason.
import { extractReplayInput, type Span, type TraceSummary } from '@kaizen/core';
import { createLimiter } from '@kaizen/models';
import type { DatasetItemInput, Page, TraceQuery } from '@kaizen/store';

/** Traces' spans read at once. */
const READ_CONCURRENCY = 8;
const PAGE_LIMIT = 1000;

export interface ReplaySourceReader {
  listTraces(projectId: string, query: TraceQuery): Promise<Page<TraceSummary>>;
  getTraceSpans(projectId: string, traceId: string): Promise<readonly Span[]>;
}

export interface ReplaySourceQuery {
  readonly promptName: string;
  readonly environment: string;
  readonly limit: number;
  readonly since: string | null;
  readonly until: string;
}

export interface SkippedSource {
  readonly traceId: string;
  readonly reason: string;
}

export interface ReplaySources {
  /** Newest first; item id and source trace id are the trace id, metadata names the span the input came from. */
  readonly items: DatasetItemInput[];
  readonly skipped: SkippedSource[];
}

async function listNewest(reader: ReplaySourceReader, projectId: string, query: ReplaySourceQuery) {
  const traces: TraceSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<TraceSummary> = await reader.listTraces(projectId, {
      promptName: query.promptName,
      environment: query.environment,
      to: query.until,
      ...(query.since !== null ? { from: query.since } : {}),
      limit: Math.min(PAGE_LIMIT, query.limit - traces.length),
      ...(cursor !== null ? { cursor } : {}),
    });
    traces.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && traces.length < query.limit);
  return traces.slice(0, query.limit);
}

/**
 * @example
 * const { items, skipped } = await collectReplaySources(store, projectId,
 *   { promptName: 'extractor', environment: 'production', limit: 100, since: null, until: new Date().toISOString() });
 */
export async function collectReplaySources(
  reader: ReplaySourceReader,
  projectId: string,
  query: ReplaySourceQuery,
): Promise<ReplaySources> {
  const traces = await listNewest(reader, projectId, query);
  const limiter = createLimiter(READ_CONCURRENCY);
  const read = await Promise.all(
    traces.map((trace) =>
      limiter.run(async () => {
        const input = extractReplayInput(await reader.getTraceSpans(projectId, trace.traceId), query.promptName);
        return { trace, input };
      }),
    ),
  );
  const items: DatasetItemInput[] = [];
  const skipped: SkippedSource[] = [];
  for (const { trace, input } of read) {
    if (input === null) {
      skipped.push({
        traceId: trace.traceId,
        reason: 'the trace recorded neither variables nor messages for this prompt',
      });
      continue;
    }
    items.push({
      itemId: trace.traceId,
      input: input.kind === 'variables' ? input.variables : input.messages,
      sourceTraceId: trace.traceId,
      metadata: {
        sourceSpanId: input.spanId,
        environment: trace.environment,
        promptVersion: trace.promptVersion,
        startTime: trace.startTime,
      },
    });
  }
  return { items, skipped };
}
