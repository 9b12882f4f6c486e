// runExperiment: a prompt version × dataset (version, split) × model × checklist. Items run with bounded concurrency
// (callModel retries with backoff), answers come from the server's response cache when unchanged, and the run is
// stored through the API with its items; the server computes the summary.
import { type Checklist, compileChecklist, KaizenError, type ModelPort, type PromptVersion } from '@kaizen/core';
import { createLimiter, createModelPort, isSimulatedModel, planDatasetItem, readCallParams } from '@kaizen/models';
import type { KaizenApi } from '../api/create-kaizen-api.js';
import { cachedJudge } from './cached-judge.js';
import type { ExperimentCriterion, ExperimentHeader, ExperimentItem } from './experiment-api-types.js';
import type { ExperimentRun, RunExperimentOptions } from './experiment-types.js';
import { checklistHash } from './hash-json.js';
import { createResponseCache, type ResponseCache } from './response-cache.js';
import { type ItemRunner, runItem } from './run-item.js';
import { saveItems } from './save-items.js';

const DEFAULT_CONCURRENCY = 4;

function criteriaOf(checklist: Checklist): ExperimentCriterion[] {
  return checklist.criteria.map((criterion) => ({
    id: criterion.id,
    description: criterion.description,
    weight: criterion.weight,
    kind: String((criterion.check as { kind?: unknown }).kind),
  }));
}

function judgeFor(options: RunExperimentOptions, cache: ResponseCache | null): ModelPort | undefined {
  const judged = options.checklist.criteria.some((criterion) => criterion.check.kind === 'llm_judge');
  if (!judged) return undefined;
  if (options.judge !== undefined) return cachedJudge(options.judge, 'custom', cache);
  if (options.judgeModel === undefined) {
    throw new KaizenError(
      'invalid_input',
      `checklist "${options.checklist.name}" has LLM-judged criteria: set judgeModel in kaizen.config.ts`,
    );
  }
  return cachedJudge(createModelPort(options.judgeModel), options.judgeModel, cache);
}

function modelFor(options: RunExperimentOptions, version: PromptVersion): string {
  const model = options.model ?? version.model ?? options.defaultModel;
  if (model === undefined || model === null || model === '') {
    throw new KaizenError(
      'invalid_input',
      `version ${version.version} of "${version.name}" names no model: pass one (--model) or set model in kaizen.config.ts`,
    );
  }
  return model;
}

/**
 * @example
 * const run = await runExperiment(api, {
 *   promptName: 'extractor', promptVersion: 4, dataset: 'pages', split: 'validation',
 *   checklist: config.evaluators.extractor, judgeModel: config.judgeModel,
 *   onProgress: ({ done, total }) => console.error(`${done}/${total}`),
 * });
 * run.summary?.passRate; run.simulated; run.items[0]?.cached;
 */
export async function runExperiment(api: KaizenApi, options: RunExperimentOptions): Promise<ExperimentRun> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new KaizenError('invalid_input', `concurrency must be a positive integer, got ${concurrency}`);
  }
  const version = await api.prompts.getVersion(options.promptName, options.promptVersion);
  const dataset = await api.datasets.getVersion(options.dataset, options.datasetVersion ?? 'latest');
  const split = options.split ?? null;
  const items = await api.datasets.allItems(dataset.name, dataset.version, split === null ? {} : { split });
  if (items.length === 0) {
    throw new KaizenError(
      'invalid_input',
      `dataset "${dataset.name}" v${dataset.version} has no ${split === null ? '' : `${split} `}items`,
    );
  }
  const model = modelFor(options, version);
  const params = readCallParams(version.params);
  const cache = options.cache === false ? null : createResponseCache(api.cache);
  const judge = judgeFor(options, cache);
  const compiled = compileChecklist(options.checklist, judge === undefined ? {} : { judge });
  const plans = await Promise.all(items.map((item) => planDatasetItem(version, model, params, item)));
  const keys = plans.flatMap((plan) => (plan.key === null ? [] : [plan.key]));
  const hits = cache === null ? new Map() : await cache.lookup(keys);

  const header: ExperimentHeader = {
    name: options.name ?? null,
    promptName: version.name,
    promptVersion: version.version,
    datasetName: dataset.name,
    datasetVersion: dataset.version,
    datasetSplit: split,
    model,
    simulated: isSimulatedModel(model),
    evaluator: options.evaluator ?? options.checklist.name,
    checklistHash: await checklistHash(options.checklist),
    criteria: criteriaOf(options.checklist),
    passThreshold: options.checklist.passThreshold,
  };
  const experiment = await api.experiments.create({
    ...header,
    settings: {
      promptHash: version.hash,
      params,
      concurrency,
      cache: cache !== null,
      ...(options.judgeModel !== undefined ? { judgeModel: options.judgeModel } : {}),
    },
  });

  try {
    const runner: ItemRunner = {
      model,
      params,
      outputSchema: version.outputSchema,
      compiled,
      cache,
      hits,
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.prices !== undefined ? { prices: options.prices } : {}),
      ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
    };
    const limiter = createLimiter(concurrency);
    let done = 0;
    let failed = 0;
    let cached = 0;
    const report = (phase: 'running' | 'saving') =>
      options.onProgress?.({ phase, total: plans.length, done, failed, cached });
    report('running');
    const results: ExperimentItem[] = await Promise.all(
      plans.map((plan) =>
        limiter.run(async () => {
          const result = await runItem(runner, plan);
          done++;
          if (result.error !== null) failed++;
          if (result.cached) cached++;
          report('running');
          return result;
        }),
      ),
    );
    await cache?.flush();
    report('saving');
    await saveItems(api, experiment.id, results);
    await api.experiments.finish(experiment.id, { status: 'completed' });
    return await api.experiments.get(experiment.id);
  } catch (error) {
    // The run is kept, marked failed, so it is not mistaken for one still going; the cache keeps the answers paid for.
    await api.experiments
      .finish(experiment.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) })
      .catch(() => undefined);
    throw error;
  }
}
