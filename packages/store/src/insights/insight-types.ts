// The insights model: a root-cause report stored with the view it was computed over.
import type { CriterionStatus } from '@kaizen/core';

/** What a report covers: one evaluator's scores over production traces, a dataset's source traces or an experiment. */
export interface InsightView {
  readonly evaluatorName: string;
  readonly environment?: string;
  readonly promptName?: string;
  readonly promptVersion?: string;
  readonly datasetName?: string;
  readonly datasetVersion?: number;
  readonly experimentId?: string;
  /** ISO 8601: traces starting at or after. */
  readonly from?: string;
  /** ISO 8601: traces starting before. */
  readonly to?: string;
}

export interface CreateInsightInput {
  readonly view: InsightView;
  /** The report as computed (core's RcaReport, plus notes); stored as JSON, returned as written. */
  readonly report: unknown;
  /** How many scored traces (or items) it was computed over. */
  readonly traceCount: number;
}

export interface Insight extends CreateInsightInput {
  readonly id: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** Without the report: what lists show. */
export type InsightSummary = Omit<Insight, 'report'>;

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
