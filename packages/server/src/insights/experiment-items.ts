// RCA items of an experiment: its items' per-criterion results, with features from the dataset items they ran on.
import { KaizenError, type RcaCriterion, type RcaItem } from '@kaizen/core';
import type { DatasetItem, Store } from '@kaizen/store';
import { lengthBucket } from './trace-features.js';

export interface ExperimentRcaInput {
  readonly evaluatorName: string;
  readonly items: RcaItem[];
  readonly criteria: RcaCriterion[];
}

async function datasetItems(store: Store, projectId: string, name: string, version: number) {
  const byId = new Map<string, DatasetItem>();
  let cursor: string | undefined;
  do {
    const page = await store.datasets.listItems(projectId, name, version, {
      limit: 1000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const item of page.items) byId.set(item.itemId, item);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return byId;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

export async function experimentRcaInput(
  store: Store,
  projectId: string,
  experimentId: string,
  maxItems: number,
): Promise<ExperimentRcaInput & { readonly truncated: boolean }> {
  const experiment = await store.experiments.getWithItems(projectId, experimentId);
  if (experiment === null) throw new KaizenError('not_found', `experiment ${experimentId} not found`);
  const dataset = await datasetItems(store, projectId, experiment.datasetName, experiment.datasetVersion);
  const scored = experiment.items.filter((item) => item.result !== null);
  const items: RcaItem[] = [];
  for (const item of scored.slice(0, maxItems)) {
    const source = dataset.get(item.itemId);
    const features: Record<string, string> = {
      model: experiment.model,
      promptVersion: String(experiment.promptVersion),
      outputLength: lengthBucket((item.output ?? '').length),
    };
    if (source !== undefined) {
      features.split = source.split;
      features.inputLength = lengthBucket(text(source.input).length);
      for (const [key, value] of Object.entries(source.metadata)) {
        if (value !== null && typeof value !== 'object') features[`metadata.${key}`] = String(value);
      }
      if (typeof source.input === 'object' && source.input !== null && 'variables' in source.input) {
        const variables = (source.input as { variables?: unknown }).variables;
        if (typeof variables === 'object' && variables !== null) {
          for (const [key, value] of Object.entries(variables)) {
            if (typeof value === 'string' && value.length <= 64) features[`variable.${key}`] = value;
          }
        }
      }
    }
    const results: Record<string, RcaItem['results'][string]> = {};
    const rationales: Record<string, string> = {};
    for (const result of item.result?.results ?? []) {
      results[result.criterionId] = result.status;
      if (result.rationale !== null) rationales[result.criterionId] = result.rationale;
    }
    items.push({
      traceId: item.itemId,
      startTime: experiment.createdAt,
      results,
      features,
      excerpts: {
        ...(source === undefined ? {} : { input: text(source.input).slice(0, 500) }),
        ...(item.output === null ? {} : { output: item.output.slice(0, 500) }),
      },
      rationales,
    });
  }
  return {
    evaluatorName: experiment.evaluator,
    items,
    criteria: experiment.criteria.map((criterion) => ({
      id: criterion.id,
      weight: criterion.weight,
      description: criterion.description,
    })),
    truncated: scored.length > maxItems,
  };
}
