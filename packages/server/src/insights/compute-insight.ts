// Computes a root-cause report for a view now and stores it as an insight.
import {
  analyzeRootCauses,
  type ModelPort,
  type NarrativeOutcome,
  type RcaReport,
  writeNarratives,
} from '@kaizen/core';
import type { Insight, InsightView, Store } from '@kaizen/store';
import { collectRcaInput, MAX_RCA_TRACES } from './collect-rca-input.js';

/** What an insight's report holds: core's report, and the caveats of how its input was collected. */
export interface InsightReport extends RcaReport {
  readonly notes: readonly string[];
  /** A model's hypothesis per top cause (or why it was dropped), when the server has a narrative model. */
  readonly narratives?: Readonly<Record<string, NarrativeOutcome>>;
}

export async function computeInsight(
  store: Store,
  projectId: string,
  view: InsightView,
  maxTraces = MAX_RCA_TRACES,
  narrativePort?: ModelPort,
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
  const statistics: InsightReport = { ...rca, notes };
  // The statistics are final before the model is asked: a narrative only adds text beside them.
  const report: InsightReport =
    narrativePort === undefined || rca.causes.length === 0
      ? statistics
      : await writeNarratives(statistics, narrativePort);
  return store.insights.create(projectId, { view: input.view, report, traceCount: input.items.length });
}
