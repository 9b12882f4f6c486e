// The JSON shapes of the trace, score and label routes, as the web app reads them (store types, restated as types).
import type { CriterionResult, Span, TraceSummary } from '@kaizen/core';

export interface TraceListPage {
  readonly items: readonly (TraceSummary & { readonly score?: number | null })[];
  readonly nextCursor: string | null;
}

export interface TraceDetail {
  readonly traceId: string;
  readonly spans: readonly Span[];
}

/** One evaluation of the trace by one evaluator version (GET /api/traces/:id/scores). */
export interface TraceScore {
  readonly traceId: string;
  readonly evaluatorName: string;
  readonly evaluatorVersion: number;
  readonly score: number | null;
  readonly passed: boolean;
  readonly label: string;
  readonly results: readonly CriterionResult[];
  readonly source: string;
  readonly evaluatedAt: string;
  readonly failedCriteria: readonly string[];
  readonly errors: number;
}

/** A person's verdict on one criterion of one trace (GET/PUT /api/traces/:id/labels). */
export interface HumanLabel {
  readonly traceId: string;
  readonly evaluatorName: string;
  readonly criterionId: string;
  readonly passed: boolean;
  readonly note: string | null;
  readonly author: string | null;
  readonly updatedAt: string;
}

export interface ItemsOf<T> {
  readonly items: readonly T[];
}

/** What the results need of an evaluator version: each criterion's description. */
export interface EvaluatorVersionDetail {
  readonly name: string;
  readonly version: number;
  readonly definition: {
    readonly criteria: readonly { readonly id: string; readonly description: string; readonly check: unknown }[];
  };
}
