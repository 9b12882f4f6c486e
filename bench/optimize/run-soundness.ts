// Soundness of acceptance under noise: Kaizen's loop and the random-edit baseline (greedy mean acceptance) are run
// again with other seeds (other noise draws), and every accepted edit of every run is judged on the fresh sample.
import type { OptimizerPort, PromptContent } from '@kaizen/core';
import type { AcceptedEdit } from './baselines/baseline-run.js';
import { randomSearch } from './baselines/random-search.js';
import { countedEvaluate } from './counted-evaluate.js';
import type { SoundnessFigures } from './figures.js';
import { runKaizen } from './run-kaizen.js';
import { brokenCount, type EditToJudge, ExpectedScorer, judgeEdits } from './soundness.js';
import type { BenchTask } from './tasks/bench-task.js';

export interface MethodRuns {
  readonly edits: EditToJudge[];
  /** Holdout items that passed under the start and fail under the result, per run. */
  readonly broken: { readonly broken: number; readonly n: number }[];
}

export interface SoundnessInput {
  readonly task: BenchTask;
  readonly optimizer: OptimizerPort | null;
  readonly maxCandidateEvals: number;
  /** Extra runs per method, each with its own seed for the loop and for the simulated calls. */
  readonly replicates: number;
  /** The main runs' edits and holdout counts (seed 0). */
  readonly main: Readonly<Record<string, MethodRuns>>;
  readonly progress: (line: string) => void;
}

/** The seed of the simulated calls of replicate `r`: apart from the main run's 0 and the fresh sample's seeds. */
const replicateSeed = (replicate: number) => 100 + replicate;

export const asEdits = (accepted: readonly AcceptedEdit[]): EditToJudge[] =>
  accepted.map((edit) => ({ parent: edit.parent, child: edit.child, kind: 'improvement' }));

async function replicateKaizen(input: SoundnessInput, replicate: number): Promise<MethodRuns> {
  const { task } = input;
  const counted = countedEvaluate(task, replicateSeed(replicate));
  const run = await runKaizen(task, counted, input.optimizer, {
    maxCandidateEvals: input.maxCandidateEvals,
    seed: replicate,
  });
  const holdout = run.result.holdout;
  return {
    edits: run.acceptances.map((acceptance) => ({
      parent: acceptance.parent,
      child: acceptance.candidate.content,
      kind: acceptance.candidate.acceptance?.kind === 'compression' ? 'compression' : 'improvement',
    })),
    broken: holdout === null ? [] : [{ broken: holdout.itemsBroken, n: holdout.after.n }],
  };
}

async function replicateRandom(input: SoundnessInput, replicate: number): Promise<MethodRuns> {
  const { task } = input;
  const counted = countedEvaluate(task, replicateSeed(replicate));
  const run = await randomSearch(task, counted, { maxCandidateEvals: input.maxCandidateEvals, seed: replicate + 1 });
  const on = async (content: PromptContent) => (await counted.evaluate(content, task.splits.holdout)).items;
  const before = await on(task.start);
  const after = await on(run.best);
  return { edits: asEdits(run.accepted), broken: [brokenCount(before, after)] };
}

/**
 * @example
 * const figures = await runSoundness({ task, optimizer, maxCandidateEvals: 300, replicates: 3, main, progress });
 * figures.kaizen?.share; // share of accepted edits whose expected score did not rise
 */
export async function runSoundness(input: SoundnessInput): Promise<Record<string, SoundnessFigures>> {
  const { task, progress } = input;
  const runs: Record<string, MethodRuns[]> = Object.fromEntries(
    Object.entries(input.main).map(([method, main]) => [method, [main]]),
  );
  for (let replicate = 1; replicate <= input.replicates; replicate++) {
    progress(
      `${task.name}: soundness replicate ${replicate}/${input.replicates} (call seed ${replicateSeed(replicate)})`,
    );
    runs.kaizen?.push(await replicateKaizen(input, replicate));
    runs.random?.push(await replicateRandom(input, replicate));
  }
  progress(`${task.name}: expected scores on the fresh sample (${task.fresh.note})`);
  const scorer = new ExpectedScorer(task);
  const figures: Record<string, SoundnessFigures> = {};
  for (const [method, list] of Object.entries(runs)) {
    const report = await judgeEdits(
      scorer,
      list.flatMap((run) => run.edits),
    );
    const broken = list.flatMap((run) => run.broken);
    const brokenItems = broken.reduce((sum, count) => sum + count.broken, 0);
    const holdoutItems = broken.reduce((sum, count) => sum + count.n, 0);
    figures[method] = {
      sample: `${scorer.sampleSize} evaluations per prompt: ${task.fresh.note}`,
      runs: list.length,
      acceptedEdits: report.accepted,
      notImproving: report.unsound,
      share: report.unsoundShare,
      deltas: report.deltas,
      holdoutItemsBroken: holdoutItems === 0 ? null : brokenItems / holdoutItems,
    };
  }
  return figures;
}
