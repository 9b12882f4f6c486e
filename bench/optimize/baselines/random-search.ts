// Baseline: random edits — a random operator on a random target each step, kept when the validation mean rises.
import {
  ablateSentences,
  addFewShotExample,
  criterionToInstruction,
  type PromptCandidate,
  type PromptContent,
  swapFewShotExample,
} from '@kaizen/core';
import type { CountedEvaluate } from '../counted-evaluate.js';
import type { BenchTask } from '../tasks/bench-task.js';
import { seededRandom } from '../tasks/split-items.js';
import { type BaselineOptions, type BaselineRun, GreedySearch } from './baseline-run.js';

const OPERATORS = ['instruction', 'add-few-shot', 'swap-few-shot', 'ablate'] as const;
/** Draws per step before giving up on finding an edit that changes the prompt. */
const MAX_DRAWS = 50;

function pick<T>(list: readonly T[], random: () => number): T | undefined {
  return list[Math.floor(random() * list.length)];
}

/** One random edit of `content`: which operator and which criterion, example or sentence are all drawn at random. */
function randomEdit(task: BenchTask, content: PromptContent, random: () => number): PromptCandidate | null {
  const operator = pick(OPERATORS, random);
  switch (operator) {
    case 'instruction': {
      // Any criterion, failing or not: the instruction its check suggests (no root cause behind the choice).
      const criterion = pick(task.checklist.criteria, random);
      return criterion === undefined ? null : criterionToInstruction(content, criterion);
    }
    case 'add-few-shot': {
      const item = pick(task.splits.train, random);
      const example = item === undefined ? null : task.fewShot(item);
      return example === null ? null : addFewShotExample(content, example);
    }
    case 'swap-few-shot': {
      const item = pick(task.splits.train, random);
      const example = item === undefined ? null : task.fewShot(item);
      if (example === null || content.examples.length === 0) return null;
      return swapFewShotExample(content, Math.floor(random() * content.examples.length), example);
    }
    case 'ablate':
      return pick(ablateSentences(content), random) ?? null;
    default:
      return null;
  }
}

/**
 * @example
 * const run = await randomSearch(task, countedEvaluate(task), { maxCandidateEvals: 300, seed: 1 });
 */
export async function randomSearch(
  task: BenchTask,
  counted: CountedEvaluate,
  options: BaselineOptions,
): Promise<BaselineRun> {
  const random = seededRandom(options.seed);
  const search = new GreedySearch(task, counted, options.maxCandidateEvals);
  await search.start();
  while (search.canEvaluate) {
    let candidate: PromptCandidate | null = null;
    for (let draw = 0; draw < MAX_DRAWS && candidate === null; draw++)
      candidate = randomEdit(task, search.best, random);
    if (candidate === null) break;
    await search.offer(candidate.content, candidate.edit.description);
    options.progress?.(
      `random: ${search.candidates} candidates, best validation ${search.bestScore.toFixed(3)} (${candidate.edit.operator})`,
    );
  }
  return search.result('random', 0);
}
