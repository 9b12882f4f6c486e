// `kaizen gate`'s runs: resolves the baseline and candidate to versions, runs both on the same dataset version, split
// and checklist (from the response cache where answers are there), and compares them on the server.
import { type Checklist, KaizenError, type PriceTable } from '@kaizen/core';
import type {
  ComparedExperiments,
  DatasetSplit,
  ExperimentProgress,
  ExperimentRun,
  KaizenApi,
  PromptDetails,
} from '@kaizen/sdk';
import { runExperiment } from '@kaizen/sdk';
import type { Output } from '../output.js';
import { createProgress, type Progress } from '../progress.js';
import type { PromptRef } from './gate-options.js';

export interface ResolvedRef {
  /** As given on the command line. */
  readonly ref: string;
  readonly label: string | null;
  readonly promptVersion: number;
}

export interface GateRuns {
  readonly baseline: ResolvedRef & { readonly run: ExperimentRun };
  readonly candidate: ResolvedRef & { readonly run: ExperimentRun };
  readonly compared: ComparedExperiments;
  /** Where the label to promote points now (null: unset); read before anything moves. */
  readonly details: PromptDetails;
}

export interface GateRunRequest {
  readonly promptName: string;
  readonly candidate: PromptRef;
  readonly baseline: PromptRef;
  readonly dataset: string;
  readonly datasetVersion: number | 'latest';
  readonly split: DatasetSplit | null;
  readonly checklist: Checklist;
  readonly evaluator: string;
  readonly model?: string;
  readonly defaultModel?: string;
  readonly judgeModel?: string;
  readonly prices?: PriceTable;
  readonly cache: boolean;
  readonly concurrency: number;
}

const refText = (ref: PromptRef) => (ref.kind === 'version' ? String(ref.version) : ref.label);

/** Reads the prompt once, so an unknown prompt, version or label is reported before any model call. */
async function readPrompt(api: KaizenApi, name: string): Promise<PromptDetails> {
  try {
    return await api.prompts.get(name);
  } catch (error) {
    if (KaizenError.isInstance(error) && error.code === 'not_found') {
      throw new KaizenError(
        'invalid_input',
        `no prompt named "${name}" in this project: push it with \`kaizen prompts push ${name} --file …\` (\`kaizen prompts list\` shows the names)`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * @example
 * resolveRef(details, { kind: 'label', label: 'production' }, '--baseline'); // { ref: 'production', label: 'production', promptVersion: 3 }
 */
export function resolveRef(details: PromptDetails, ref: PromptRef, flag: string): ResolvedRef {
  if (ref.kind === 'version') {
    if (!details.versions.some((version) => version.version === ref.version)) {
      const numbers = details.versions.map((version) => version.version);
      throw new KaizenError(
        'invalid_input',
        `${flag} ${ref.version}: prompt "${details.name}" has no version ${ref.version} (it has ` +
          `${numbers.length === 0 ? 'none' : `${Math.min(...numbers)}–${Math.max(...numbers)}`})`,
      );
    }
    return { ref: refText(ref), label: null, promptVersion: ref.version };
  }
  const version = details.labels[ref.label];
  if (version === undefined) {
    const labels = Object.entries(details.labels).map(([label, at]) => `${label} → v${at}`);
    throw new KaizenError(
      'invalid_input',
      `${flag} ${ref.label}: prompt "${details.name}" has no label "${ref.label}" ` +
        `(${labels.length === 0 ? 'it has no labels' : `labels: ${labels.join(', ')}`}); pass a version number, or ` +
        `point the label at a version first: \`kaizen prompts promote ${details.name} VERSION --to ${ref.label}\``,
    );
  }
  return { ref: ref.label, label: ref.label, promptVersion: version };
}

async function readDataset(api: KaizenApi, name: string, version: number | 'latest') {
  try {
    return await api.datasets.getVersion(name, version);
  } catch (error) {
    if (KaizenError.isInstance(error) && error.code === 'not_found') {
      const hint =
        version === 'latest'
          ? 'Create or import it with `kaizen datasets create|import` (`kaizen datasets list` shows the names).'
          : `\`kaizen datasets show ${name}\` lists its versions.`;
      throw new KaizenError('invalid_input', `${error.message} ${hint}`, { cause: error });
    }
    throw error;
  }
}

/** A progress bar per run, on stderr, noting cached items and model errors. */
function progressFor(label: string, output: Output): (state: ExperimentProgress) => void {
  let bar: Progress | null = null;
  return (state) => {
    bar ??= createProgress(label, state.total, output.progress, output.interactive);
    const notes = [state.cached > 0 ? `${state.cached} cached` : '', state.failed > 0 ? `${state.failed} failed` : '']
      .filter((note) => note !== '')
      .join(', ');
    const status = notes === '' ? '' : `(${notes})`;
    // Off a terminal the last update already printed the final line.
    if (state.phase === 'saving') bar.finish(status === '' || !output.interactive ? undefined : status);
    else bar.update(state.done, status);
  };
}

/**
 * @example
 * const runs = await runGate(api, { promptName: 'extractor', candidate: { kind: 'version', version: 4 },
 *   baseline: { kind: 'label', label: 'production' }, dataset: 'pages', datasetVersion: 'latest', split: null, … }, output);
 * runs.compared.comparison.criteria; runs.candidate.run.summary?.modelCalls;
 */
export async function runGate(api: KaizenApi, request: GateRunRequest, output: Output): Promise<GateRuns> {
  const details = await readPrompt(api, request.promptName);
  const baselineRef = resolveRef(details, request.baseline, '--baseline');
  const candidateRef = resolveRef(details, request.candidate, '--candidate');
  // `latest` is read once, so both runs see the same items even if a version is added meanwhile.
  const dataset = await readDataset(api, request.dataset, request.datasetVersion);
  const run = (ref: ResolvedRef, role: 'baseline' | 'candidate') =>
    runExperiment(api, {
      promptName: request.promptName,
      promptVersion: ref.promptVersion,
      dataset: dataset.name,
      datasetVersion: dataset.version,
      split: request.split,
      checklist: request.checklist,
      evaluator: request.evaluator,
      ...(request.model !== undefined ? { model: request.model } : {}),
      ...(request.defaultModel !== undefined ? { defaultModel: request.defaultModel } : {}),
      ...(request.judgeModel !== undefined ? { judgeModel: request.judgeModel } : {}),
      ...(request.prices !== undefined ? { prices: request.prices } : {}),
      cache: request.cache,
      concurrency: request.concurrency,
      name: `gate ${role} ${ref.label === null ? `v${ref.promptVersion}` : `${ref.label} (v${ref.promptVersion})`}`,
      onProgress: progressFor(role === 'baseline' ? 'Baseline ' : 'Candidate', output),
    });
  const baselineRun = await run(baselineRef, 'baseline');
  const candidateRun = await run(candidateRef, 'candidate');
  const compared = await api.experiments.compare(baselineRun.id, candidateRun.id);
  return {
    baseline: { ...baselineRef, run: baselineRun },
    candidate: { ...candidateRef, run: candidateRun },
    compared,
    details,
  };
}
