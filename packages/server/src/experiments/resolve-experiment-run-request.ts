// Turns a request to run an experiment on the server (names, optional versions or label, model) into the experiment
// to create, with its pinned run spec: everything is checked before the row exists (missing prompt, dataset version,
// split without items, evaluator, unusable model), so a bad request is a 4xx, never a `failed` experiment later.
import { type DatasetSplit, KaizenError } from '@kaizen/core';
import { isSimulatedModel, readCallParams } from '@kaizen/models';
import type { CreateExperimentInput, DatasetVersion, EvaluatorVersion, Store } from '@kaizen/store';
import type { ModelRef } from '../optimizations/optimization-models.js';
import { findPromptVersion } from '../prompts/find-prompt-version.js';
import { type ExperimentRunSpec, SERVER_RUN_FORMAT, SERVER_RUN_KEY } from './experiment-run-spec.js';

export const DEFAULT_EXPERIMENT_CONCURRENCY = 4;

export interface ExperimentRunRequest {
  readonly name?: string | null | undefined;
  readonly prompt: {
    readonly name: string;
    readonly version?: number | undefined;
    readonly label?: string | undefined;
  };
  readonly dataset: {
    readonly name: string;
    readonly version?: number | undefined;
    readonly split?: DatasetSplit | null | undefined;
  };
  readonly evaluator: { readonly name: string; readonly version?: number | undefined };
  readonly model: string;
  readonly concurrency?: number | undefined;
}

export interface ExperimentRunRequestContext {
  readonly store: Store;
  /** Throws for a model that cannot be used (unknown provider, missing API key). */
  readonly resolveModel: (spec: string) => ModelRef;
}

async function datasetVersion(
  store: Store,
  projectId: string,
  dataset: ExperimentRunRequest['dataset'],
): Promise<DatasetVersion> {
  const { name } = dataset;
  const found =
    dataset.version !== undefined
      ? await store.datasets.getVersion(projectId, name, dataset.version)
      : ((await store.datasets.getDataset(projectId, name))?.versions[0] ?? null);
  if (found === null) {
    throw new KaizenError(
      'not_found',
      dataset.version === undefined
        ? `dataset "${name}" not found`
        : `dataset "${name}" has no version ${dataset.version}`,
    );
  }
  const split = dataset.split ?? null;
  const count = split === null ? found.itemCount : found.splitCounts[split];
  if (count === 0) {
    throw new KaizenError(
      'invalid_input',
      `dataset "${name}" version ${found.version} has no ${split === null ? '' : `${split} `}items`,
    );
  }
  return found;
}

async function evaluatorVersion(
  store: Store,
  projectId: string,
  evaluator: ExperimentRunRequest['evaluator'],
): Promise<EvaluatorVersion> {
  const found = await store.evaluators.get(projectId, evaluator.name, evaluator.version);
  if (found === null) {
    throw new KaizenError(
      'not_found',
      evaluator.version === undefined
        ? `evaluator "${evaluator.name}" not found`
        : `evaluator "${evaluator.name}" has no version ${evaluator.version}`,
    );
  }
  return found;
}

function checkModel(context: ExperimentRunRequestContext, spec: string): void {
  try {
    context.resolveModel(spec);
  } catch (error) {
    throw new KaizenError('invalid_input', `model: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * @example
 * const input = await resolveExperimentRunRequest(context, projectId, {
 *   prompt: { name: 'extractor', label: 'production' }, dataset: { name: 'pages', split: 'validation' },
 *   evaluator: { name: 'extractor' }, model: 'sim:schemaorg' });
 * const experiment = await store.experiments.create(projectId, input); // `running`, settings.serverRun = the spec
 */
export async function resolveExperimentRunRequest(
  context: ExperimentRunRequestContext,
  projectId: string,
  request: ExperimentRunRequest,
): Promise<CreateExperimentInput> {
  const { store } = context;
  const version = await findPromptVersion(store, projectId, request.prompt);
  const dataset = await datasetVersion(store, projectId, request.dataset);
  const evaluator = await evaluatorVersion(store, projectId, request.evaluator);
  checkModel(context, request.model);
  const concurrency = request.concurrency ?? DEFAULT_EXPERIMENT_CONCURRENCY;
  const spec: ExperimentRunSpec = {
    format: SERVER_RUN_FORMAT,
    promptName: version.name,
    promptVersion: version.version,
    datasetName: dataset.name,
    datasetVersion: dataset.version,
    split: request.dataset.split ?? null,
    evaluatorName: evaluator.name,
    evaluatorVersion: evaluator.version,
    model: request.model,
    concurrency,
  };
  const { definition } = evaluator;
  return {
    name: request.name ?? null,
    promptName: version.name,
    promptVersion: version.version,
    datasetName: dataset.name,
    datasetVersion: dataset.version,
    datasetSplit: spec.split,
    model: request.model,
    simulated: isSimulatedModel(request.model),
    evaluator: evaluator.name,
    // The stored evaluator version's hash (sha256 of its definition), not the SDK's hash of a config checklist.
    checklistHash: evaluator.hash,
    criteria: definition.criteria.map((criterion) => ({
      id: criterion.id,
      description: criterion.description,
      weight: criterion.weight,
      kind: String(criterion.check.kind),
    })),
    passThreshold: definition.passThreshold,
    // The same provenance kaizen eval records, plus the spec an executor reads back.
    settings: {
      promptHash: version.hash,
      params: readCallParams(version.params),
      concurrency,
      cache: true,
      [SERVER_RUN_KEY]: spec,
    },
  };
}
