// The insights API's shapes (docs/api/insights.md): the view a report covers, the stored report, list summaries —
// core's, imported as types.
export type { Insight, InsightReport, InsightSummary, InsightView } from '@kaizen/core';
