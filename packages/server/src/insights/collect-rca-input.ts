// Assembles RCA input for a view from the store: scored traces (production or a dataset's sources) or an experiment.
import { KaizenError, type RcaCriterion, type RcaItem } from '@kaizen/core';
import type { InsightView, ScoredTrace, Store } from '@kaizen/store';
import { experimentRcaInput } from './experiment-items.js';
import { scoredTraceItems } from './scored-trace-items.js';

/** Most traces one report is computed over: spans are read per trace, and reports answer within a request. */
export const MAX_RCA_TRACES = 20_000;

export interface CollectedRcaInput {
  /** The view as computed: an experiment's evaluator filled in. */
  readonly view: InsightView;
  readonly items: readonly RcaItem[];
  readonly criteria: readonly RcaCriterion[];
  /** Caveats a reader must see (a cap reached, sources without scores). */
  readonly notes: readonly string[];
}

async function datasetSourceTraces(
  store: Store,
  projectId: string,
  name: string,
  version: number,
): Promise<{ traceIds: string[]; items: number }> {
  const traceIds: string[] = [];
  let items = 0;
  let cursor: string | undefined;
  do {
    const page = await store.datasets.listItems(projectId, name, version, {
      limit: 1000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    items += page.items.length;
    for (const item of page.items) if (item.sourceTraceId !== null) traceIds.push(item.sourceTraceId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { traceIds, items };
}

/** Criteria of every evaluator version the traces were scored with; the newest version's weight wins. */
async function evaluatorCriteria(
  store: Store,
  projectId: string,
  evaluatorName: string,
  traces: readonly ScoredTrace[],
): Promise<RcaCriterion[]> {
  const versions = [...new Set(traces.map((trace) => trace.evaluatorVersion))].sort((a, b) => b - a);
  const byId = new Map<string, RcaCriterion>();
  for (const version of versions) {
    const evaluator = await store.evaluators.get(projectId, evaluatorName, version);
    for (const criterion of evaluator?.definition.criteria ?? []) {
      if (!byId.has(criterion.id)) {
        byId.set(criterion.id, { id: criterion.id, weight: criterion.weight, description: criterion.description });
      }
    }
  }
  // A criterion in the results whose version is gone still counts, with weight 1.
  for (const trace of traces) {
    for (const id of Object.keys(trace.results)) if (!byId.has(id)) byId.set(id, { id, weight: 1 });
  }
  return [...byId.values()];
}

export async function collectRcaInput(
  store: Store,
  projectId: string,
  view: InsightView,
  maxTraces = MAX_RCA_TRACES,
): Promise<CollectedRcaInput> {
  const notes: string[] = [];
  if (view.experimentId !== undefined) {
    const experiment = await experimentRcaInput(store, projectId, view.experimentId, maxTraces);
    if (experiment.truncated) notes.push(`only the first ${maxTraces} scored items of the experiment were analysed`);
    return {
      view: { ...view, evaluatorName: experiment.evaluatorName },
      items: experiment.items,
      criteria: experiment.criteria,
      notes,
    };
  }
  if ((await store.evaluators.get(projectId, view.evaluatorName)) === null) {
    throw new KaizenError('not_found', `evaluator "${view.evaluatorName}" not found`);
  }
  let traces: readonly ScoredTrace[];
  let resolved = view;
  if (view.datasetName !== undefined) {
    const version =
      view.datasetVersion ?? (await store.datasets.getDataset(projectId, view.datasetName))?.versions[0]?.version;
    if (version === undefined) throw new KaizenError('not_found', `dataset "${view.datasetName}" not found`);
    resolved = { ...view, datasetVersion: version };
    const sources = await datasetSourceTraces(store, projectId, view.datasetName, version);
    if (sources.traceIds.length < sources.items) {
      notes.push(`${sources.items - sources.traceIds.length} of ${sources.items} dataset items have no source trace`);
    }
    if (sources.traceIds.length > maxTraces) {
      notes.push(`only the first ${maxTraces} source traces of the dataset were analysed`);
    }
    traces = await store.insights.scoredTraces(projectId, sources.traceIds.slice(0, maxTraces), view.evaluatorName);
    const unscored = Math.min(sources.traceIds.length, maxTraces) - traces.length;
    if (unscored > 0) notes.push(`${unscored} source traces have no score by "${view.evaluatorName}"`);
  } else {
    const { datasetVersion: _version, ...scoreView } = view;
    traces = await store.insights.scoredTracesOfView(projectId, scoreView, maxTraces + 1);
    if (traces.length > maxTraces) {
      traces = traces.slice(0, maxTraces);
      notes.push(`the view has more than ${maxTraces} scored traces: only the newest ${maxTraces} were analysed`);
    }
  }
  const [items, criteria] = await Promise.all([
    scoredTraceItems(store, projectId, traces),
    evaluatorCriteria(store, projectId, view.evaluatorName, traces),
  ]);
  return { view: resolved, items, criteria, notes };
}
