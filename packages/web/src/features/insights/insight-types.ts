// The insights API's shapes (docs/api/insights.md): the view a report covers, the stored report, list summaries.
import type { NarrativeOutcome, RcaReport } from '@kaizen/core';

export interface InsightView {
  readonly evaluatorName: string;
  readonly environment?: string;
  readonly promptName?: string;
  readonly promptVersion?: string;
  readonly datasetName?: string;
  readonly datasetVersion?: number;
  readonly experimentId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Core's report, plus the caveats of how its input was collected and the optional model-written hypotheses. */
export interface InsightReport extends RcaReport {
  readonly notes: readonly string[];
  readonly narratives?: Readonly<Record<string, NarrativeOutcome>>;
}

export interface InsightSummary {
  readonly id: string;
  readonly view: InsightView;
  readonly traceCount: number;
  readonly createdAt: string;
}

export interface Insight extends InsightSummary {
  readonly report: InsightReport;
}
