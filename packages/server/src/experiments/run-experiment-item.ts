// One item of a server-side experiment: the answer from the response cache, or a model call whose answer is written to
// the cache before anything else happens (a killed worker loses at most the calls in flight), then the evaluator's
// verdict. A failed call is the item's error, never a failed criterion; an aborted one is no result at all.
import type { CompiledChecklist, DatasetItem, ExperimentItemRun } from '@kaizen/core';
import { type DatasetItemPlan, experimentItemRun, scoreAnswer } from '@kaizen/models';
import { type AnswerContext, answerOnce } from './answer-once.js';

type ExperimentItemPlan = DatasetItemPlan<DatasetItem>;

/** How an answer is got (answer-once.ts) and the evaluator that gives the verdict. */
export interface ExperimentItemContext extends AnswerContext {
  readonly compiled: CompiledChecklist;
}

/**
 * Throws only when the run must stop: the signal aborted (the item is not done) or the cache could not be written.
 * @example
 * const item = await runExperimentItem(context, plan); // { itemId, output, result: { score, passed, … }, cached, … }
 */
export async function runExperimentItem(
  context: ExperimentItemContext,
  plan: ExperimentItemPlan,
): Promise<ExperimentItemRun> {
  const { itemId } = plan.item;
  if (plan.messages === null || plan.key === null) {
    return experimentItemRun(itemId, { error: plan.error ?? 'the input does not fit the prompt' });
  }
  const got = await answerOnce(context, plan.key, plan.messages);
  if ('failure' in got) return experimentItemRun(itemId, { error: got.failure });
  return scoreAnswer(context.compiled, plan.item, got.answer, got.cached);
}
