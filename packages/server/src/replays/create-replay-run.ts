// Turns a request to replay a prompt's traces on the server into a `running` experiment with its pinned spec. Every
// check comes first (missing prompt, version or label, unusable model, same source and target, nothing to replay), so
// a bad request is a 4xx. The source traces are read here and pinned as a new version of the dataset
// `replay.<prompt>` (an experiment must reference a dataset version: experiments.dataset_* is a foreign key), whose
// items are the recorded inputs, keyed by source trace id; traces without an input become items with an error at once.
import { KaizenError, type PromptVersion } from '@kaizen/core';
import { experimentItemRun, isSimulatedModel, readCallParams } from '@kaizen/models';
import type { Experiment, Store } from '@kaizen/store';
import type { ModelRef } from '../optimizations/optimization-models.js';
import { findPromptVersion } from '../prompts/find-prompt-version.js';
import { collectReplaySources } from './collect-replay-sources.js';
import { replayDatasetName } from './replay-dataset-name.js';
import {
  DEFAULT_REPLAY_CONCURRENCY,
  DEFAULT_REPLAY_LIMIT,
  type ReplayRunSpec,
  SERVER_REPLAY_FORMAT,
  SERVER_REPLAY_KEY,
  SHADOW_ENVIRONMENT,
} from './replay-run-spec.js';

export interface ReplayRunRequest {
  readonly prompt: {
    readonly name: string;
    readonly version?: number | undefined;
    readonly label?: string | undefined;
  };
  readonly sourceEnvironment?: string | undefined;
  readonly targetEnvironment?: string | undefined;
  readonly limit?: number | undefined;
  readonly since?: string | undefined;
  /** `provider:model`; default the candidate version's model. */
  readonly model?: string | undefined;
  readonly concurrency?: number | undefined;
}

export interface ReplayRunRequestContext {
  readonly store: Store;
  /** Throws for a model that cannot be used (unknown provider, missing API key). */
  readonly resolveModel: (spec: string) => ModelRef;
  /** The request's time; default now. */
  readonly now?: () => Date;
}

function modelOf(context: ReplayRunRequestContext, version: PromptVersion, requested: string | undefined): string {
  const spec = requested ?? version.model;
  if (spec === null) {
    throw new KaizenError(
      'invalid_input',
      `model: version ${version.version} of "${version.name}" has no model: give one in the request`,
    );
  }
  try {
    context.resolveModel(spec);
  } catch (error) {
    throw new KaizenError('invalid_input', `model: ${error instanceof Error ? error.message : String(error)}`);
  }
  return spec;
}

/**
 * @example
 * const experiment = await createReplayRun({ store, resolveModel }, projectId,
 *   { prompt: { name: 'extractor', version: 4 }, limit: 100 }); // `running`, settings.serverReplay = the spec
 */
export async function createReplayRun(
  context: ReplayRunRequestContext,
  projectId: string,
  request: ReplayRunRequest,
): Promise<Experiment> {
  const { store } = context;
  const sourceEnvironment = request.sourceEnvironment ?? 'production';
  const targetEnvironment = request.targetEnvironment ?? SHADOW_ENVIRONMENT;
  if (sourceEnvironment === targetEnvironment) {
    throw new KaizenError(
      'invalid_input',
      `targetEnvironment: the replay would write into the environment it reads ("${sourceEnvironment}")`,
    );
  }
  const version = await findPromptVersion(store, projectId, request.prompt);
  const model = modelOf(context, version, request.model);
  const concurrency = request.concurrency ?? DEFAULT_REPLAY_CONCURRENCY;
  const spec: ReplayRunSpec = {
    format: SERVER_REPLAY_FORMAT,
    promptName: version.name,
    promptVersion: version.version,
    sourceEnvironment,
    targetEnvironment,
    limit: request.limit ?? DEFAULT_REPLAY_LIMIT,
    // Normalised: the store compares ISO 8601 UTC strings.
    since: request.since === undefined ? null : new Date(request.since).toISOString(),
    until: (context.now ?? (() => new Date()))().toISOString(),
    model,
    concurrency,
  };
  const sources = await collectReplaySources(store, projectId, {
    promptName: spec.promptName,
    environment: sourceEnvironment,
    limit: spec.limit,
    since: spec.since,
    until: spec.until,
  });
  if (sources.items.length === 0) {
    const found = sources.skipped.length;
    throw new KaizenError(
      'invalid_input',
      found === 0
        ? `prompt "${spec.promptName}" has no traces in "${sourceEnvironment}"${spec.since !== null ? ` since ${spec.since}` : ''} to replay`
        : `none of the ${found} newest traces of prompt "${spec.promptName}" in "${sourceEnvironment}" recorded an input to replay`,
    );
  }
  const dataset = await store.datasets.createVersion(projectId, replayDatasetName(spec.promptName), {
    items: sources.items,
    source: {
      kind: 'traces',
      filter: {
        promptName: spec.promptName,
        environment: sourceEnvironment,
        from: spec.since,
        to: spec.until,
      },
      sample: { strategy: 'recent', size: spec.limit },
      matched: sources.items.length + sources.skipped.length,
      skipped: sources.skipped.length,
    },
    message: `inputs of a replay of "${spec.promptName}" version ${spec.promptVersion} (${sourceEnvironment} → ${targetEnvironment})`,
  });
  const experiment = await store.experiments.create(projectId, {
    name: `replay ${spec.promptName} v${spec.promptVersion} → ${targetEnvironment}`,
    promptName: spec.promptName,
    promptVersion: spec.promptVersion,
    datasetName: dataset.name,
    datasetVersion: dataset.version,
    datasetSplit: null,
    model,
    simulated: isSimulatedModel(model),
    // No checklist: a replay produces traces; scoring them is online evaluation's (or a later experiment's) job.
    evaluator: 'none',
    checklistHash: 'none',
    criteria: [],
    passThreshold: 1,
    settings: {
      promptHash: version.hash,
      params: readCallParams(version.params),
      concurrency,
      cache: true,
      [SERVER_REPLAY_KEY]: spec,
    },
  });
  if (sources.skipped.length > 0) {
    await store.experiments.addItems(
      projectId,
      experiment.id,
      sources.skipped.map((source) => experimentItemRun(source.traceId, { error: `skipped: ${source.reason}` })),
    );
  }
  return experiment;
}
