// The demo's optimization: the production version improved against the production dataset and the checklist on the
// server, followed with a progress bar, and its best version promoted to staging when it beat the start.
import type { KaizenApi, OptimizationCandidate, OptimizationRun } from '@kaizen/sdk';
import type { Progress } from '../progress.js';
import { bestIsStart } from './optimize-format.js';

const POLL_MS = 400;
/** Rounds of the demo's run: enough for the loop to fix the main causes, short enough for the demo's time budget. */
export const DEMO_ROUNDS = 4;
/** (candidate, item) evaluations at most: about what four rounds take on the demo's dataset. */
const MAX_CANDIDATE_EVALS = 500;

export interface DemoOptimization {
  readonly run: OptimizationRun;
  readonly candidates: readonly OptimizationCandidate[];
  /** The staging move, or null when the best version is the start (nothing to promote). */
  readonly promotion: { readonly fromVersion: number | null; readonly toVersion: number } | null;
}

export interface OptimizeStep {
  readonly promptName: string;
  readonly datasetName: string;
  readonly evaluator: string;
  readonly optimizerModel: string;
  /** Dollars the run may spend (real models); none for simulated ones. */
  readonly maxUsd?: number;
  readonly newProgress: (total: number) => Progress;
}

/**
 * @example
 * const { run, promotion } = await runDemoOptimization(api, { promptName, datasetName, evaluator, optimizerModel, newProgress });
 */
export async function runDemoOptimization(api: KaizenApi, step: OptimizeStep): Promise<DemoOptimization> {
  let run = await api.optimizations.start({
    prompt: step.promptName,
    label: 'production',
    dataset: step.datasetName,
    evaluator: step.evaluator,
    optimizerModel: step.optimizerModel,
    budget: {
      maxRounds: DEMO_ROUNDS,
      maxCandidateEvals: MAX_CANDIDATE_EVALS,
      ...(step.maxUsd !== undefined ? { maxUsd: step.maxUsd } : {}),
    },
    settings: { seed: 0 },
  });
  const progress = step.newProgress(DEMO_ROUNDS);
  const status = () => {
    const best = run.progress.bestValidationScore;
    return `rounds · ${run.progress.candidates} candidates · best ${best === null ? '-' : best.toFixed(3)}`;
  };
  progress.update(0, status());
  while (run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    run = await api.optimizations.get(run.id);
    progress.update(Math.min(run.round, DEMO_ROUNDS), status());
  }
  progress.finish(`${status()} · ${run.status}`);
  const { items: candidates } = await api.optimizations.candidates(run.id);
  if (run.bestVersion === null || bestIsStart(run)) return { run, candidates, promotion: null };
  const event = await api.prompts.setLabel(step.promptName, 'staging', run.bestVersion, {
    actor: `kaizen demo (optimization ${run.id})`,
  });
  return { run, candidates, promotion: { fromVersion: event.fromVersion, toVersion: run.bestVersion } };
}
