// A trace's RCA features (core's extractRcaFeatures) and the excerpts its evidence shows.
import { extractRcaFeatures, type Span, type TraceSummary } from '@kaizen/core';

export interface TraceFeatures {
  readonly features: Record<string, string>;
  readonly excerpts: { input?: string; output?: string };
}

const EXCERPT_CHARS = 500;

/** Characters → core's length buckets, for items that are not traces (experiment items). */
export function lengthBucket(length: number): string {
  return length === 0 ? 'empty' : length <= 200 ? 'short' : length <= 2000 ? 'medium' : 'long';
}

function text(io: Span['input']): string {
  if (io === null) return '';
  return typeof io === 'string' ? io : io.map((message) => message.content).join('\n');
}

export function traceFeatures(spans: readonly Span[], summary: TraceSummary): TraceFeatures {
  const root = spans.find((span) => span.parentSpanId === null) ?? spans[0];
  const llm = spans.find((span) => span.kind === 'llm');
  const input = text(root?.input ?? null) || text(llm?.input ?? null);
  const output = text(root?.output ?? null) || text(llm?.output ?? null);
  return {
    features: extractRcaFeatures(spans, summary),
    excerpts: {
      ...(input === '' ? {} : { input: input.slice(0, EXCERPT_CHARS) }),
      ...(output === '' ? {} : { output: output.slice(0, EXCERPT_CHARS) }),
    },
  };
}
