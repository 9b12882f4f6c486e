// Reads what a stored run optimizes from the store: the start version, the dataset items by split and the
// evaluator version compiled as online evaluation compiles it (custom checks and judge from the server's config).
import {
  type CompiledChecklist,
  type DatasetItem,
  type DatasetSplit,
  KaizenError,
  type OptimizationInput,
  type PromptContent,
  type PromptVersion,
} from '@kaizen/core';
import type { OptimizationRun, Store } from '@kaizen/store';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';

const PAGE = 1000;

export interface LoadedOptimization {
  readonly input: OptimizationInput;
  readonly checklist: CompiledChecklist;
  readonly start: PromptVersion;
}

/** The content fields of a version (a version also carries its name, number, hash, labels…). */
export function contentOf(version: PromptContent): PromptContent {
  const { template, variables, outputSchema, model, params, tools, examples } = version;
  return { template, variables, outputSchema, model, params, tools, examples };
}

async function itemsOf(
  store: Store,
  projectId: string,
  run: OptimizationRun,
  split: DatasetSplit,
): Promise<DatasetItem[]> {
  const items: DatasetItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.datasets.listItems(projectId, run.datasetName, run.datasetVersion, {
      split,
      limit: PAGE,
      ...(cursor !== null ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/**
 * @example
 * const { input, checklist } = await loadOptimizationInput(store, compiler, projectId, run);
 */
export async function loadOptimizationInput(
  store: Store,
  compiler: EvaluatorCompiler,
  projectId: string,
  run: OptimizationRun,
): Promise<LoadedOptimization> {
  const start = await store.prompts.getVersion(projectId, run.promptName, run.startVersion);
  if (start === null)
    throw new KaizenError('not_found', `prompt "${run.promptName}" has no version ${run.startVersion}`);
  const evaluator = await compiler.version(projectId, run.evaluatorName, run.evaluatorVersion);
  if (evaluator === null) {
    throw new KaizenError('not_found', `evaluator "${run.evaluatorName}" has no version ${run.evaluatorVersion}`);
  }
  const [train, validation, holdout] = await Promise.all(
    (['train', 'validation', 'holdout'] as const).map((split) => itemsOf(store, projectId, run, split)),
  );
  return {
    start,
    checklist: evaluator.compiled,
    input: {
      start: contentOf(start),
      criteria: evaluator.compiled.checklist.criteria,
      items: { train: train ?? [], validation: validation ?? [], holdout: holdout ?? [] },
      budget: run.budget,
      settings: run.settings,
    },
  };
}
