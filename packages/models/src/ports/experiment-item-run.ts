// One experiment item as stored: built the same way by the SDK's runExperiment and the server's experiment and replay
// runs — an item without an answer (a failed call, an input that does not fit), or an answer and its verdict.
import type { CompiledChecklist, DatasetInput, ExperimentItemRun } from '@kaizen/core';
import type { CachedAnswer } from './answer-cache.js';

/**
 * An item with every field empty but those given: `{ error }` for one without an answer.
 * @example
 * experimentItemRun('item-1', { error: 'model call failed: timeout' });
 */
export function experimentItemRun(itemId: string, fields: Partial<ExperimentItemRun> = {}): ExperimentItemRun {
  return {
    itemId,
    output: null,
    error: null,
    cached: false,
    result: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
    ...fields,
  };
}

export interface ScoredDatasetItem {
  readonly itemId: string;
  readonly input: DatasetInput;
  readonly expected?: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * The answer, its usage, and the checklist's verdict on it.
 * @example
 * const item = await scoreAnswer(compiled, plan.item, answer, cached); // { itemId, output, result: { score, … }, … }
 */
export async function scoreAnswer(
  compiled: CompiledChecklist,
  item: ScoredDatasetItem,
  answer: CachedAnswer,
  cached: boolean,
): Promise<ExperimentItemRun> {
  const { text, inputTokens, outputTokens, costUsd, latencyMs } = answer;
  const result = await compiled.evaluate({
    output: text,
    ...('expected' in item ? { expected: item.expected } : {}),
    input: item.input,
    latencyMs,
    inputTokens,
    outputTokens,
    totalTokens: inputTokens === null || outputTokens === null ? null : inputTokens + outputTokens,
    costUsd,
    metadata: item.metadata,
  });
  return experimentItemRun(item.itemId, {
    output: text,
    cached,
    result,
    inputTokens,
    outputTokens,
    costUsd,
    latencyMs,
  });
}
