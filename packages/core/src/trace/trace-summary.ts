// What the trace list shows for one trace: computed from its spans by summarizeTrace.
import type { SpanStatus } from './span.js';

export interface TraceSummary {
  readonly traceId: string;
  /** Name of the root span; when the root has not arrived yet, of the earliest span. */
  readonly rootName: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly durationMs: number;
  /** Distinct models of the trace's spans, in order of first appearance. */
  readonly models: readonly string[];
  /** Totals count every model call once: a span whose descendants carry usage is an aggregate and is skipped. */
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly totalTokens: number | null;
  readonly costUsd: number | null;
  /** `error` when any span is in error. */
  readonly status: SpanStatus;
  readonly environment: string | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
  readonly sessionId: string | null;
  readonly userId: string | null;
  readonly spanCount: number;
}
