// GET /api/experiments/compare: two finished experiments on the same dataset, compared item by item with core's
// compareExperiments (per-criterion pass-rate deltas, paired-bootstrap CIs, McNemar p, fixed and broken items).
import { type ChecklistResult, compareExperiments, type ExperimentComparison, KaizenError } from '@kaizen/core';
import type { Experiment, ExperimentItemRecord, Store } from '@kaizen/store';
import { routeParam } from './dataset-routes-schemas.js';
import { ExperimentId } from './experiment-routes-schemas.js';

export interface StoredComparison {
  readonly baseline: Experiment;
  readonly candidate: Experiment;
  /** True when either run used a simulated model: the comparison measures the machinery, not a real model. */
  readonly simulated: boolean;
  /** What makes the comparison weaker: other dataset versions or splits, another checklist. */
  readonly warnings: readonly string[];
  readonly comparison: ExperimentComparison;
}

/** A failed model call still pairs with the other run's item, but has no verdict: it is left out of every count. */
const NO_RESULT: ChecklistResult = {
  score: null,
  passed: false,
  label: 'error',
  results: [],
  errors: 1,
  judgeUsage: null,
};

const toCompared = (items: readonly ExperimentItemRecord[]) =>
  items.map((item) => ({ itemId: item.itemId, result: item.result ?? NO_RESULT }));

async function finished(store: Store, projectId: string, raw: string | undefined, side: string) {
  const id = routeParam(ExperimentId, raw, side);
  const found = await store.experiments.getWithItems(projectId, id);
  if (found === null) throw new KaizenError('not_found', `${side} experiment ${id} not found`);
  if (found.status !== 'completed') {
    throw new KaizenError('conflict', `${side} experiment ${id} is ${found.status}; only completed runs compare`);
  }
  return found;
}

function warningsOf(baseline: Experiment, candidate: Experiment): string[] {
  const warnings: string[] = [];
  if (baseline.datasetVersion !== candidate.datasetVersion) {
    warnings.push(`dataset versions differ (${baseline.datasetVersion} vs ${candidate.datasetVersion})`);
  }
  if (baseline.datasetSplit !== candidate.datasetSplit) {
    warnings.push(`splits differ (${baseline.datasetSplit ?? 'all'} vs ${candidate.datasetSplit ?? 'all'})`);
  }
  if (baseline.checklistHash !== candidate.checklistHash) warnings.push('the checklists differ');
  if (baseline.simulated || candidate.simulated) {
    warnings.push('SIMULATED model: the comparison measures the machinery, not a real model');
  }
  return warnings;
}

export async function compareStoredExperiments(
  store: Store,
  projectId: string,
  baselineId: string | undefined,
  candidateId: string | undefined,
): Promise<StoredComparison> {
  const baseline = await finished(store, projectId, baselineId, 'baseline');
  const candidate = await finished(store, projectId, candidateId, 'candidate');
  if (baseline.datasetName !== candidate.datasetName) {
    throw new KaizenError(
      'invalid_input',
      `experiments on different datasets ("${baseline.datasetName}" and "${candidate.datasetName}") do not compare`,
    );
  }
  const { items: baselineItems, ...baselineHeader } = baseline;
  const { items: candidateItems, ...candidateHeader } = candidate;
  return {
    baseline: baselineHeader,
    candidate: candidateHeader,
    simulated: baseline.simulated || candidate.simulated,
    warnings: warningsOf(baseline, candidate),
    comparison: compareExperiments(toCompared(baselineItems), toCompared(candidateItems)),
  };
}
