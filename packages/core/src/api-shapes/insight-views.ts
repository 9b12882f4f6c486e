// Root-cause reports as the API returns them (docs/api/insights.md): the view a report covers, the report, summaries.
import type { NarrativeOutcome } from '../rca/narrative.js';
import type { RcaReport } from '../rca/rca-types.js';

/**
 * What a report covers: one evaluator's scores over production traces, a dataset's source traces or an experiment.
 *
 * @example
 * const view: InsightView = { evaluatorName: 'extractor', environment: 'production', from: '2025-06-01T00:00:00Z' };
 */
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

/**
 * Core's report, plus the caveats of how its input was collected and the optional model-written hypotheses.
 *
 * @example
 * const report: InsightReport = { ...analyzeRootCauses(input), notes: ['no scored traces in this view'] };
 */
export interface InsightReport extends RcaReport {
  readonly notes: readonly string[];
  /** A model's hypothesis per top cause (or why it was dropped), when the server has a narrative model. */
  readonly narratives?: Readonly<Record<string, NarrativeOutcome>>;
}

/**
 * A report without its content: what `GET /api/insights` lists.
 *
 * @example
 * const label = (summary: InsightSummary) => `${summary.view.evaluatorName}: ${summary.traceCount} traces`;
 */
export interface InsightSummary {
  readonly id: string;
  readonly view: InsightView;
  /** How many scored traces (or items) it was computed over. */
  readonly traceCount: number;
  /** ISO 8601. */
  readonly createdAt: string;
}

/**
 * One stored report (`GET /api/insights/:id`, and the answer of `POST /api/insights`).
 *
 * @example
 * const insight: Insight = await (await fetch(`/api/insights/${id}`)).json();
 * insight.report.causes[0]?.drivers;
 */
export interface Insight extends InsightSummary {
  readonly report: InsightReport;
}
