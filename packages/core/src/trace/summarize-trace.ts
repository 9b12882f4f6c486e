// Summarises a trace from its spans, counting each model call's usage once.
import { isoToMillis } from './format-time.js';
import type { Span } from './span.js';
import type { TraceSummary } from './trace-summary.js';

function hasUsage(span: Span): boolean {
  return span.inputTokens !== null || span.outputTokens !== null || span.totalTokens !== null || span.costUsd !== null;
}

/**
 * Spans whose usage is already contained in a descendant's. Agent frameworks (the AI SDK's `ai.generateText`,
 * `invoke_agent` spans) repeat the summed usage of their model calls on an ancestor; adding both double counts.
 */
function findAggregateSpans(spans: readonly Span[]): Set<string> {
  const parentOf = new Map<string, string | null>();
  for (const span of spans) parentOf.set(span.spanId, span.parentSpanId);
  const aggregates = new Set<string>();
  for (const span of spans) {
    if (!hasUsage(span)) continue;
    // Walk up the ancestors present so far; a cycle in bad data must not loop forever.
    const seen = new Set<string>([span.spanId]);
    let ancestor = span.parentSpanId;
    while (ancestor !== null && !seen.has(ancestor) && parentOf.has(ancestor)) {
      aggregates.add(ancestor);
      seen.add(ancestor);
      ancestor = parentOf.get(ancestor) ?? null;
    }
  }
  return aggregates;
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

function firstNonNull<T>(spans: readonly Span[], pick: (span: Span) => T | null): T | null {
  for (const span of spans) {
    const value = pick(span);
    if (value !== null) return value;
  }
  return null;
}

/**
 * @example
 * const summary = summarizeTrace(spansOfOneTrace);
 * summary.totalTokens; // per-call usage summed, aggregates on parent spans skipped
 */
export function summarizeTrace(spans: readonly Span[]): TraceSummary {
  const first = spans[0];
  if (first === undefined) throw new RangeError('summarizeTrace needs at least one span');
  // Root first, then by start time: the root decides name/environment/prompt when present.
  const ordered = [...spans].sort((a, b) => {
    if ((a.parentSpanId === null) !== (b.parentSpanId === null)) return a.parentSpanId === null ? -1 : 1;
    return a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0;
  });
  const root = ordered[0] ?? first;
  const aggregates = findAggregateSpans(spans);
  const counted = spans.filter((span) => hasUsage(span) && !aggregates.has(span.spanId));

  let startTime = first.startTime;
  let endTime = first.endTime;
  let startMs = isoToMillis(first.startTime);
  let endMs = startMs + first.durationMs;
  const models: string[] = [];
  for (const span of ordered) {
    const spanStart = isoToMillis(span.startTime);
    if (spanStart < startMs) {
      startMs = spanStart;
      startTime = span.startTime;
    }
    if (spanStart + span.durationMs > endMs) {
      endMs = spanStart + span.durationMs;
      endTime = span.endTime;
    }
    if (span.model !== null && !models.includes(span.model)) models.push(span.model);
  }

  return {
    traceId: first.traceId,
    rootName: root.name,
    startTime,
    endTime,
    durationMs: endMs - startMs,
    models,
    inputTokens: sumOrNull(counted.map((span) => span.inputTokens)),
    outputTokens: sumOrNull(counted.map((span) => span.outputTokens)),
    totalTokens: sumOrNull(
      counted.map((span) =>
        span.totalTokens !== null
          ? span.totalTokens
          : span.inputTokens !== null || span.outputTokens !== null
            ? (span.inputTokens ?? 0) + (span.outputTokens ?? 0)
            : null,
      ),
    ),
    costUsd: sumOrNull(counted.map((span) => span.costUsd)),
    status: spans.some((span) => span.status === 'error') ? 'error' : 'ok',
    environment: firstNonNull(ordered, (span) => span.environment),
    promptName: firstNonNull(ordered, (span) => span.promptName),
    promptVersion: firstNonNull(ordered, (span) => span.promptVersion),
    sessionId: firstNonNull(ordered, (span) => span.sessionId),
    userId: firstNonNull(ordered, (span) => span.userId),
    spanCount: spans.length,
  };
}
