// The insights model: a root-cause report stored with the view it was computed over. The view and summary are core's
// API shapes; the store keeps the report as the JSON it was given.
import type { CriterionStatus, InsightSummary, InsightView } from '@kaizen/core';

export type { InsightSummary, InsightView } from '@kaizen/core';

/** A stored report: core's Insight with the report left opaque (stored as JSON, returned as written). */
export interface Insight extends InsightSummary {
  /** The report as computed (core's InsightReport); the store does not read it. */
  readonly report: unknown;
}

export type CreateInsightInput = Omit<Insight, 'id' | 'createdAt'>;

/** Filters of the list: each given field must equal the view's; absent fields match anything. */
export interface InsightQuery extends Partial<InsightView> {
  /** 1..200, default 50; newest first. */
  readonly limit?: number;
}

/** One trace's latest score by an evaluator, criterion by criterion. */
export interface ScoredTrace {
  readonly traceId: string;
  /** ISO 8601 start of the trace; null when the trace has no summary (spans not stored). */
  readonly startTime: string | null;
  readonly evaluatorVersion: number;
  readonly results: Readonly<Record<string, CriterionStatus>>;
  /** The rationale of each criterion that has one. */
  readonly rationales: Readonly<Record<string, string>>;
}
