// Computes a root-cause report for a view now and stores it as an insight.
import { analyzeRootCauses, type RcaReport } from '@kaizen/core';
import type { Insight, InsightView, Store } from '@kaizen/store';
import { collectRcaInput, MAX_RCA_TRACES } from './collect-rca-input.js';

/** What an insight's report holds: core's report, and the caveats of how its input was collected. */
export interface InsightReport extends RcaReport {
  readonly notes: readonly string[];
}

export async function computeInsight(
  store: Store,
  projectId: string,
  view: InsightView,
  maxTraces = MAX_RCA_TRACES,
): Promise<Insight> {
  const input = await collectRcaInput(store, projectId, view, maxTraces);
  const rca = analyzeRootCauses({ items: input.items, criteria: input.criteria });
  const notes = [...input.notes];
  if (input.items.length === 0) notes.push('no scored traces in this view');
  else if (rca.causes.every((cause) => cause.drivers.length === 0)) {
    notes.push(
      `no driver is significant: ${input.items.length} items are too few or no feature raises a failure rate ` +
        `(minimum support ${rca.totals.minSupport}, false-discovery rate ${rca.totals.alpha})`,
    );
  }
  const report: InsightReport = { ...rca, notes };
  return store.insights.create(projectId, { view: input.view, report, traceCount: input.items.length });
}
