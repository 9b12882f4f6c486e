// Turns a request to optimize (names, optional versions, models, limits) into a run's pinned input, checking
// everything a run needs before its row exists: the versions, train and validation items, a usable model.
import { KaizenError, type OptimizationBudget, type OptimizationSettings } from '@kaizen/core';
import { isSimulatedModel } from '@kaizen/models';
import type { CreateOptimizationRunInput, Store } from '@kaizen/store';
import type { EvaluatorCompiler } from '../online/compiled-evaluators.js';
import { findPromptVersion } from '../prompts/find-prompt-version.js';
import type { ModelRef } from './optimization-models.js';

export interface OptimizationRequest {
  readonly prompt: string;
  readonly version?: number | undefined;
  readonly label?: string | undefined;
  readonly dataset: string;
  readonly datasetVersion?: number | undefined;
  readonly evaluator: string;
  readonly evaluatorVersion?: number | undefined;
  readonly model?: string | undefined;
  readonly optimizerModel?: string | null | undefined;
  readonly budget?: OptimizationBudget | undefined;
  readonly settings?: OptimizationSettings | undefined;
}

export interface RequestContext {
  readonly store: Store;
  readonly compiler: EvaluatorCompiler;
  readonly resolveModel: (spec: string) => ModelRef;
  readonly defaultOptimizerModel: string | null;
}

async function datasetVersion(store: Store, projectId: string, request: OptimizationRequest): Promise<number> {
  const name = request.dataset;
  const found =
    request.datasetVersion !== undefined
      ? await store.datasets.getVersion(projectId, name, request.datasetVersion)
      : ((await store.datasets.getDataset(projectId, name))?.versions[0] ?? null);
  if (found === null) {
    throw new KaizenError(
      'not_found',
      request.datasetVersion === undefined
        ? `dataset "${name}" not found`
        : `dataset "${name}" has no version ${request.datasetVersion}`,
    );
  }
  const missing = (['train', 'validation'] as const).filter((split) => found.splitCounts[split] === 0);
  if (missing.length > 0) {
    throw new KaizenError(
      'invalid_input',
      `dataset "${name}" version ${found.version} has no ${missing.join(' and no ')} items: an optimization tries ` +
        'edits on train items and accepts them on validation items (set the splits when you create the version)',
    );
  }
  return found.version;
}

/** Checks the model string can be used (a known provider, its API key set) and says whether it is simulated. */
function checkModel(context: RequestContext, spec: string, field: string): boolean {
  try {
    context.resolveModel(spec);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KaizenError('invalid_input', `${field}: ${message}`);
  }
  return isSimulatedModel(spec);
}

/**
 * @example
 * const input = await resolveOptimizationRequest(context, projectId, { prompt: 'extractor', dataset: 'pages',
 *   evaluator: 'extractor' });
 * const run = await store.optimizations.create(projectId, input);
 */
export async function resolveOptimizationRequest(
  context: RequestContext,
  projectId: string,
  request: OptimizationRequest,
): Promise<CreateOptimizationRunInput> {
  const start = await findPromptVersion(context.store, projectId, {
    name: request.prompt,
    version: request.version,
    label: request.label,
  });
  const version = await datasetVersion(context.store, projectId, request);
  const evaluator =
    request.evaluatorVersion !== undefined
      ? await context.compiler.version(projectId, request.evaluator, request.evaluatorVersion)
      : await context.compiler.latest(projectId, request.evaluator);
  if (evaluator === null) {
    throw new KaizenError(
      'not_found',
      request.evaluatorVersion === undefined
        ? `evaluator "${request.evaluator}" not found`
        : `evaluator "${request.evaluator}" has no version ${request.evaluatorVersion}`,
    );
  }
  const model = request.model ?? start.model;
  if (model === null) {
    throw new KaizenError(
      'invalid_input',
      `model: prompt "${start.name}" version ${start.version} names no model; give one ("model": "openai:gpt-4o-mini")`,
    );
  }
  const optimizerModel = request.optimizerModel === undefined ? context.defaultOptimizerModel : request.optimizerModel;
  if (optimizerModel === null && request.settings?.operators?.includes('reflect') === true) {
    throw new KaizenError('invalid_input', 'settings.operators: "reflect" needs an optimizerModel');
  }
  const simulatedTask = checkModel(context, model, 'model');
  const simulatedOptimizer = optimizerModel !== null && checkModel(context, optimizerModel, 'optimizerModel');
  return {
    promptName: start.name,
    startVersion: start.version,
    datasetName: request.dataset,
    datasetVersion: version,
    evaluatorName: evaluator.name,
    evaluatorVersion: evaluator.version,
    model,
    optimizerModel,
    simulated: simulatedTask || simulatedOptimizer,
    budget: request.budget ?? {},
    settings: request.settings ?? {},
  };
}
