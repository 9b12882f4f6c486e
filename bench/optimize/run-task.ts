// One task of the bench: Kaizen's loop, the baselines and GEPA on the same evaluate port and budget, then the
// holdout figures, the budget to reach the best competitor, and the soundness of every accepted edit.
import { type EvaluatedItem, estimatePromptTokens, type OptimizerPort, type PromptContent } from '@kaizen/core';
import type { BaselineRun } from './baselines/baseline-run.js';
import { oproRewrite } from './baselines/opro-rewrite.js';
import { randomSearch } from './baselines/random-search.js';
import { type CountedEvaluate, contentKey, countedEvaluate, meanScore } from './counted-evaluate.js';
import type { MethodFigures, TaskFigures } from './figures.js';
import type { GepaAdapter } from './gepa-hook.js';
import { runKaizen } from './run-kaizen.js';
import { asEdits, type MethodRuns, runSoundness } from './run-soundness.js';
import { brokenCount, brokenShare } from './soundness.js';
import type { BenchTask, SimulatedModel } from './tasks/bench-task.js';

export interface TaskRunOptions {
  readonly maxCandidateEvals: number;
  /** Null without an optimizer model: Kaizen then runs without reflection and the rewrite baseline is skipped. */
  readonly optimizer: OptimizerPort | null;
  readonly optimizerModel: SimulatedModel | null;
  readonly gepa: GepaAdapter | null;
  /** Extra runs of Kaizen and the random baseline for the soundness figures. */
  readonly replicates: number;
  readonly progress: (line: string) => void;
}

/** Holdout results per prompt, measured once each on a reporting port that no method's budget counts. */
class HoldoutMeter {
  private readonly port: CountedEvaluate;
  private readonly memo = new Map<string, Promise<readonly EvaluatedItem[]>>();

  constructor(private readonly task: BenchTask) {
    this.port = countedEvaluate(task);
  }

  items(content: PromptContent): Promise<readonly EvaluatedItem[]> {
    const key = contentKey(content);
    let found = this.memo.get(key);
    if (found === undefined) {
      found = this.port.evaluate(content, this.task.splits.holdout).then((batch) => batch.items);
      this.memo.set(key, found);
    }
    return found;
  }

  async score(content: PromptContent): Promise<number> {
    return meanScore({ items: [...(await this.items(content))], cost: NO_COST });
  }
}

const NO_COST = { calls: 0, paidCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };

async function baselineFigures(
  task: BenchTask,
  run: BaselineRun,
  counted: CountedEvaluate,
  holdout: HoldoutMeter,
): Promise<MethodFigures> {
  return {
    method: run.method,
    candidateEvals: counted.candidateEvals(),
    taskModelCalls: counted.searchCalls(),
    optimizerCalls: run.optimizerCalls,
    validationBefore: run.validationBefore,
    validationAfter: run.validationAfter,
    holdoutBefore: await holdout.score(task.start),
    holdoutAfter: await holdout.score(run.best),
    promptTokensBefore: estimatePromptTokens(task.start),
    promptTokensAfter: estimatePromptTokens(run.best),
    holdoutItemsBroken: brokenShare(await holdout.items(task.start), await holdout.items(run.best)),
  };
}

async function gepaFigures(
  task: BenchTask,
  adapter: GepaAdapter,
  optimizerModel: SimulatedModel,
  maxCandidateEvals: number,
  holdout: HoldoutMeter,
  progress: (line: string) => void,
): Promise<MethodFigures> {
  const gepa = await adapter({ task, optimizerModel, maxCandidateEvals, seed: 1, progress });
  const validation = countedEvaluate(task);
  const score = async (content: PromptContent) => meanScore(await validation.evaluate(content, task.splits.validation));
  return {
    method: 'gepa',
    candidateEvals: gepa.candidateEvals,
    taskModelCalls: gepa.taskModelCalls,
    optimizerCalls: gepa.optimizerCalls,
    validationBefore: await score(task.start),
    validationAfter: await score(gepa.best),
    holdoutBefore: await holdout.score(task.start),
    holdoutAfter: await holdout.score(gepa.best),
    promptTokensBefore: estimatePromptTokens(task.start),
    promptTokensAfter: estimatePromptTokens(gepa.best),
    holdoutItemsBroken: brokenShare(await holdout.items(task.start), await holdout.items(gepa.best)),
    ...(gepa.uncachedTaskModelCalls === null || gepa.uncachedTaskModelCalls === gepa.taskModelCalls
      ? {}
      : {
          note:
            `task calls counted through an answer cache like every method's; ax itself made ` +
            `${gepa.uncachedTaskModelCalls} (it runs a (prompt, item) pair again instead of reusing the answer)`,
        }),
  };
}

/**
 * @example
 * const figures = await runTask(schemaorgTask(), { maxCandidateEvals: 300, optimizer, optimizerModel, gepa: null, progress });
 */
export async function runTask(task: BenchTask, options: TaskRunOptions): Promise<TaskFigures> {
  const { maxCandidateEvals, progress } = options;
  const holdout = new HoldoutMeter(task);
  const name = task.name;

  progress(`${name}: Kaizen loop`);
  const kaizenCounted = countedEvaluate(task);
  const kaizen = await runKaizen(task, kaizenCounted, options.optimizer, {
    maxCandidateEvals,
    progress: (line) => progress(`${name}: ${line}`),
  });
  const result = kaizen.result;
  const best = result.candidates.find((candidate) => candidate.id === result.bestId);
  if (best === undefined || result.holdout === null)
    throw new Error(`${name}: the loop returned no best or no holdout`);

  progress(`${name}: random-edit baseline`);
  const randomCounted = countedEvaluate(task);
  const random = await randomSearch(task, randomCounted, {
    maxCandidateEvals,
    seed: 1,
    progress: (line) => progress(`${name}: ${line}`),
  });
  const baselines: Record<string, MethodFigures | { skipped: string }> = {
    random: await baselineFigures(task, random, randomCounted, holdout),
  };
  let rewrite: BaselineRun | null = null;
  if (options.optimizer === null) {
    baselines.rewrite = { skipped: 'no optimizer model' };
  } else {
    progress(`${name}: OPRO-style rewrite baseline`);
    const rewriteCounted = countedEvaluate(task);
    rewrite = await oproRewrite(task, rewriteCounted, options.optimizer, {
      maxCandidateEvals,
      seed: 1,
      progress: (line) => progress(`${name}: ${line}`),
    });
    baselines.rewrite = await baselineFigures(task, rewrite, rewriteCounted, holdout);
  }
  if (options.gepa === null) {
    baselines.gepa = { skipped: 'bench/optimize/ax-gepa/index.ts is not there yet' };
  } else if (options.optimizerModel === null) {
    baselines.gepa = { skipped: 'no optimizer model' };
  } else {
    progress(`${name}: GEPA (@ax-llm/ax)`);
    baselines.gepa = await gepaFigures(task, options.gepa, options.optimizerModel, maxCandidateEvals, holdout, (line) =>
      progress(`${name}: gepa: ${line}`),
    ).catch((error: unknown) => {
      // The adapter is written apart and may be mid-change: its failure is reported, not fatal to the bench.
      const message = error instanceof Error ? error.message : String(error);
      progress(`${name}: GEPA failed: ${message}`);
      return { skipped: `the adapter failed: ${message}` };
    });
  }

  const kaizenFigures: MethodFigures = {
    method: 'kaizen',
    candidateEvals: kaizenCounted.candidateEvals(),
    taskModelCalls: kaizenCounted.searchCalls(),
    optimizerCalls: result.spend.optimizerCalls,
    validationBefore: result.validation.before.score,
    validationAfter: result.validation.after.score,
    holdoutBefore: result.holdout.before.score,
    holdoutAfter: result.holdout.after.score,
    promptTokensBefore: estimatePromptTokens(task.start),
    promptTokensAfter: best.promptTokens,
    holdoutItemsBroken: result.holdout.after.n === 0 ? 0 : result.holdout.itemsBroken / result.holdout.after.n,
  };

  // The best competitor's final holdout score, and when Kaizen's accepted best first reached it (holdout measured
  // for each accepted candidate after the run, for reporting only).
  const competitors = Object.values(baselines).flatMap((figures) => ('method' in figures ? [figures] : []));
  const top = competitors.reduce<MethodFigures | null>(
    (found, figures) => (found === null || figures.holdoutAfter > found.holdoutAfter ? figures : found),
    null,
  );
  let evalsToReach: number | null = null;
  let callsToReach: number | null = null;
  if (top !== null) {
    if (kaizenFigures.holdoutBefore >= top.holdoutAfter) {
      evalsToReach = 0;
      callsToReach = 0;
    } else {
      for (const acceptance of kaizen.acceptances) {
        if ((await holdout.score(acceptance.candidate.content)) >= top.holdoutAfter) {
          evalsToReach = acceptance.candidateEvals;
          callsToReach = acceptance.searchCalls;
          break;
        }
      }
    }
  }

  const main: Record<string, MethodRuns> = {
    kaizen: {
      edits: kaizen.acceptances.map((acceptance) => ({
        parent: acceptance.parent,
        child: acceptance.candidate.content,
        kind: acceptance.candidate.acceptance?.kind === 'compression' ? 'compression' : 'improvement',
      })),
      broken: [{ broken: result.holdout.itemsBroken, n: result.holdout.after.n }],
    },
    random: {
      edits: asEdits(random.accepted),
      broken: [brokenCount(await holdout.items(task.start), await holdout.items(random.best))],
    },
  };
  if (rewrite !== null) {
    main.rewrite = {
      edits: asEdits(rewrite.accepted),
      broken: [brokenCount(await holdout.items(task.start), await holdout.items(rewrite.best))],
    };
  }
  const soundness = await runSoundness({
    task,
    optimizer: options.optimizer,
    maxCandidateEvals,
    replicates: options.replicates,
    main,
    progress,
  });

  return {
    task: name,
    model: task.modelNote,
    split: {
      train: task.splits.train.length,
      validation: task.splits.validation.length,
      holdout: task.splits.holdout.length,
    },
    status: result.status,
    rounds: result.rounds,
    kaizen: kaizenFigures,
    holdoutRegressions: result.holdout.criteria.filter((criterion) => criterion.regressed).length,
    baselines,
    bestCompetitor:
      top === null ? null : { method: top.method, holdoutAfter: top.holdoutAfter, taskModelCalls: top.taskModelCalls },
    evalsToReachBestBaseline: evalsToReach,
    callsToReachBestBaseline: callsToReach,
    soundness,
  };
}
