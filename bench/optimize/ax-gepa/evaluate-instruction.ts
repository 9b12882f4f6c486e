// Scores a final instruction on items (the holdout) with the same task runner GEPA's student used.
import type { AxGepaEvaluation, AxGepaItem, AxGepaTask } from './ax-gepa-types.js';
import { taskRunnerOf } from './task-runner.js';

export interface InstructionScore {
  /** Mean item score; items whose score is null (or whose call failed) are left out, as in Kaizen's loop. */
  readonly score: number;
  /** Share of items with no failed criterion (or, with `passed`, that it accepts). */
  readonly passRate: number;
  readonly items: readonly {
    readonly itemId: string;
    readonly score: number | null;
    readonly output: string | null;
    readonly error: string | null;
    readonly evaluation: AxGepaEvaluation | null;
  }[];
  readonly taskModelCalls: number;
}

/**
 * @example
 * const holdout = await evaluateInstruction(result.instruction, { userTemplate, taskModel, evaluate }, holdoutItems);
 * holdout.score; holdout.taskModelCalls;
 */
export async function evaluateInstruction<Item extends AxGepaItem>(
  instruction: string,
  task: AxGepaTask<Item>,
  items: readonly Item[],
  passed: (evaluation: AxGepaEvaluation) => boolean = (evaluation) =>
    evaluation.results.every((result) => result.status !== 'failed'),
): Promise<InstructionScore> {
  const run = taskRunnerOf(task);
  const scored: InstructionScore['items'][number][] = [];
  let calls = 0;
  let passedCount = 0;
  for (const item of items) {
    try {
      const answer = await run(instruction, item);
      calls++;
      if (passed(answer.evaluation)) passedCount++;
      const { evaluation, output } = answer;
      scored.push({ itemId: item.itemId, score: evaluation.score, output, error: null, evaluation });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scored.push({ itemId: item.itemId, score: null, output: null, error: message, evaluation: null });
    }
  }
  const scores = scored.flatMap((item) => (item.score === null ? [] : [item.score]));
  return {
    score: scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + score, 0) / scores.length,
    passRate: items.length === 0 ? 0 : passedCount / items.length,
    items: scored,
    taskModelCalls: calls,
  };
}
