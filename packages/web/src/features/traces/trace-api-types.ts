// The JSON shapes of the trace, score and label routes, as the web app reads them; scores and labels are core's.
import type { Span, TraceSummary } from '@kaizen/core';

export type { HumanLabel, Items, TraceScore } from '@kaizen/core';

export interface TraceListPage {
  readonly items: readonly (TraceSummary & { readonly score?: number | null })[];
  readonly nextCursor: string | null;
}

export interface TraceDetail {
  readonly traceId: string;
  readonly spans: readonly Span[];
}

/** What the results need of an evaluator version: each criterion's description. */
export interface EvaluatorVersionDetail {
  readonly name: string;
  readonly version: number;
  readonly definition: {
    readonly criteria: readonly { readonly id: string; readonly description: string; readonly check: unknown }[];
  };
}
