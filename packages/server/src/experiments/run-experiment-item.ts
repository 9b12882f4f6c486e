// One item of a server-side experiment: the answer from the response cache, or a model call whose answer is written to
// the cache before anything else happens (a killed worker loses at most the calls in flight), then the evaluator's
// verdict. A failed call is the item's error, never a failed criterion; an aborted one is no result at all.
import type { CompiledChecklist, DatasetItem, ExperimentItemRun } from '@kaizen/core';
import type { DatasetItemPlan } from '@kaizen/models';
import { type AnswerContext, answerOnce } from './answer-once.js';

type ExperimentItemPlan = DatasetItemPlan<DatasetItem>;

/** How an answer is got (answer-once.ts) and the evaluator that gives the verdict. */
export interface ExperimentItemContext extends AnswerContext {
  readonly compiled: CompiledChecklist;
}

function failedItem(itemId: string, error: string): ExperimentItemRun {
  return {
    itemId,
    output: null,
    error,
    cached: false,
    result: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
  };
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
    return failedItem(itemId, plan.error ?? 'the input does not fit the prompt');
  }
  const got = await answerOnce(context, plan.key, plan.messages);
  if ('failure' in got) return failedItem(itemId, got.failure);
  const { text, inputTokens, outputTokens, costUsd, latencyMs } = got.answer;
  const result = await context.compiled.evaluate({
    output: text,
    ...('expected' in plan.item ? { expected: plan.item.expected } : {}),
    input: plan.item.input,
    latencyMs,
    inputTokens,
    outputTokens,
    totalTokens: inputTokens === null || outputTokens === null ? null : inputTokens + outputTokens,
    costUsd,
    metadata: plan.item.metadata,
  });
  return {
    itemId,
    output: text,
    error: null,
    cached: got.cached,
    result,
    inputTokens,
    outputTokens,
    costUsd,
    latencyMs,
  };
}
