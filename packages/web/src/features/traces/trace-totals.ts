// A trace's totals from its spans, counted as the server's summarizeTrace counts them (each model call once).
import type { Span } from '@kaizen/core';

export interface TraceTotals {
  readonly startTime: string;
  readonly durationMs: number;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly totalTokens: number | null;
  readonly costUsd: number | null;
  readonly status: 'ok' | 'error';
  readonly models: readonly string[];
  readonly environment: string | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
}

const hasUsage = (span: Span) =>
  span.inputTokens !== null || span.outputTokens !== null || span.totalTokens !== null || span.costUsd !== null;

/** Spans that repeat their descendants' summed usage (agent wrappers): adding them would double count. */
function aggregates(spans: readonly Span[]): Set<string> {
  const parentOf = new Map(spans.map((span) => [span.spanId, span.parentSpanId]));
  const found = new Set<string>();
  for (const span of spans) {
    if (!hasUsage(span)) continue;
    const seen = new Set([span.spanId]);
    let ancestor = span.parentSpanId;
    while (ancestor !== null && !seen.has(ancestor) && parentOf.has(ancestor)) {
      found.add(ancestor);
      seen.add(ancestor);
      ancestor = parentOf.get(ancestor) ?? null;
    }
  }
  return found;
}

function sum(values: readonly (number | null)[]): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

export function traceTotals(spans: readonly Span[]): TraceTotals {
  const skipped = aggregates(spans);
  const counted = spans.filter((span) => hasUsage(span) && !skipped.has(span.spanId));
  // A loop, not Math.min(...spans): a trace of many thousand spans would overflow the argument list.
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    const spanStart = Date.parse(span.startTime);
    start = Math.min(start, spanStart);
    end = Math.max(end, spanStart + span.durationMs);
  }
  const rootFirst = [...spans].sort(
    (a, b) =>
      Number(a.parentSpanId !== null) - Number(b.parentSpanId !== null) ||
      (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0),
  );
  const first = <T>(pick: (span: Span) => T | null): T | null => {
    for (const span of rootFirst) {
      const value = pick(span);
      if (value !== null) return value;
    }
    return null;
  };
  const prompted = rootFirst.find((span) => span.promptName !== null);
  return {
    startTime: Number.isFinite(start) ? new Date(start).toISOString() : '',
    durationMs: Number.isFinite(start) ? end - start : 0,
    inputTokens: sum(counted.map((span) => span.inputTokens)),
    outputTokens: sum(counted.map((span) => span.outputTokens)),
    totalTokens: sum(
      counted.map(
        (span) =>
          span.totalTokens ??
          (span.inputTokens !== null || span.outputTokens !== null
            ? (span.inputTokens ?? 0) + (span.outputTokens ?? 0)
            : null),
      ),
    ),
    costUsd: sum(counted.map((span) => span.costUsd)),
    status: spans.some((span) => span.status === 'error') ? 'error' : 'ok',
    models: [...new Set(spans.flatMap((span) => (span.model === null ? [] : [span.model])))],
    environment: first((span) => span.environment),
    // Name and version from the same span: a version means something only next to its prompt.
    promptName: prompted?.promptName ?? null,
    promptVersion: prompted?.promptVersion ?? null,
  };
}
