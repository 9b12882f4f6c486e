// `kaizen eval --baseline`: an experiment id as is, or a label (e.g. production) resolved to its prompt version,
// whose experiment on the same dataset, split, model and checklist is reused when one exists, else run (the response
// cache makes a re-run free).
import { type Checklist, KaizenError } from '@kaizen/core';
import { checklistHash, type DatasetSplit, type ExperimentProgress, type KaizenApi, runExperiment } from '@kaizen/sdk';

const EXPERIMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BaselineRequest {
  readonly baseline: string;
  readonly promptName: string;
  readonly datasetName: string;
  readonly datasetVersion: number;
  readonly split: DatasetSplit | null;
  readonly checklist: Checklist;
  readonly evaluator: string;
  /** The --model flag: the baseline then runs on the same model as the candidate. */
  readonly model?: string;
  readonly defaultModel?: string;
  readonly judgeModel?: string;
  readonly cache: boolean;
  readonly concurrency: number;
  readonly onProgress: (progress: ExperimentProgress) => void;
}

export interface ResolvedBaseline {
  readonly experimentId: string;
  /** How it was found: given by id, an earlier run reused, or run now. */
  readonly how: 'id' | 'reused' | 'ran';
  readonly label?: string;
  readonly promptVersion?: number;
}

/**
 * @example
 * const baseline = await resolveBaseline(api, { baseline: 'production', promptName: 'extractor', … });
 * await api.experiments.compare(baseline.experimentId, candidate.id);
 */
export async function resolveBaseline(api: KaizenApi, request: BaselineRequest): Promise<ResolvedBaseline> {
  if (EXPERIMENT_ID.test(request.baseline)) return { experimentId: request.baseline.toLowerCase(), how: 'id' };
  const label = request.baseline;
  const version = await api.prompts.getByLabel(request.promptName, label).catch((error: unknown) => {
    if (KaizenError.isInstance(error) && error.code === 'not_found') {
      throw new KaizenError(
        'invalid_input',
        `--baseline "${label}" is neither an experiment id nor a label of prompt "${request.promptName}"`,
      );
    }
    throw error;
  });
  const model = request.model ?? version.model ?? request.defaultModel;
  if (request.cache && model !== undefined && model !== null) {
    const { items } = await api.experiments.list({
      promptName: request.promptName,
      promptVersion: version.version,
      datasetName: request.datasetName,
      datasetVersion: request.datasetVersion,
      split: request.split ?? 'all',
      model,
      checklistHash: await checklistHash(request.checklist),
      status: 'completed',
      limit: 1,
    });
    const earlier = items[0];
    if (earlier !== undefined)
      return { experimentId: earlier.id, how: 'reused', label, promptVersion: version.version };
  }
  const run = await runExperiment(api, {
    promptName: request.promptName,
    promptVersion: version.version,
    dataset: request.datasetName,
    datasetVersion: request.datasetVersion,
    split: request.split,
    checklist: request.checklist,
    evaluator: request.evaluator,
    ...(request.model !== undefined ? { model: request.model } : {}),
    ...(request.defaultModel !== undefined ? { defaultModel: request.defaultModel } : {}),
    ...(request.judgeModel !== undefined ? { judgeModel: request.judgeModel } : {}),
    cache: request.cache,
    concurrency: request.concurrency,
    name: `baseline ${label}`,
    onProgress: request.onProgress,
  });
  return { experimentId: run.id, how: 'ran', label, promptVersion: version.version };
}
