// Scores a final instruction on items (the holdout) with the same task model and messages GEPA's student used.
import { callModel } from '@kaizen/models';
import type { AxGepaEvaluation, AxGepaItem, AxGepaTaskSetup } from './ax-gepa-types.js';
import { taskMessages } from './task-messages.js';

export interface InstructionScore {
  /** Mean item score; items whose score is null (or whose call failed) are left out, as in Kaizen's loop. */
  readonly score: number;
  /** Share of items the checklist passed. */
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
  setup: AxGepaTaskSetup<Item> & { readonly passed?: (evaluation: AxGepaEvaluation) => boolean },
  items: readonly Item[],
): Promise<InstructionScore> {
  const scored: InstructionScore['items'][number][] = [];
  let calls = 0;
  let passedCount = 0;
  for (const item of items) {
    try {
      const result = await callModel({
        model: setup.taskModel,
        messages: taskMessages(instruction, setup.userTemplate, item),
        ...(setup.taskParams !== undefined ? { params: setup.taskParams } : {}),
      });
      calls++;
      const evaluation = await setup.evaluate(result.text, item);
      const passed = setup.passed?.(evaluation) ?? evaluation.results.every((result) => result.status !== 'failed');
      if (passed) passedCount++;
      scored.push({ itemId: item.itemId, score: evaluation.score, output: result.text, error: null, evaluation });
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
