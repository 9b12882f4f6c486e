// What one dataset item sends to the model, rendered exactly as the SDK's runExperiment renders it (core's
// buildReplayMessages: variables render the template, messages keep the conversation under the system prompt), and
// the response-cache key of that call (the models package's answerCacheKey, the key kaizen eval and optimizations use).
import {
  buildReplayMessages,
  type ChatTemplateMessage,
  type DatasetItem,
  type PromptVersion,
  type ReplayInput,
} from '@kaizen/core';
import { answerCacheKey, type CallParams } from '@kaizen/models';

export interface ExperimentItemPlan {
  readonly item: DatasetItem;
  /** Null when the input does not fit the prompt (a missing variable): the item is an error without a call. */
  readonly messages: ChatTemplateMessage[] | null;
  readonly key: string | null;
  readonly error: string | null;
}

/** A dataset input as core's replay input (the SDK's plan-item.ts maps it the same way). */
function replayInputOf(item: DatasetItem): ReplayInput {
  return Array.isArray(item.input)
    ? { kind: 'messages', messages: item.input, spanId: '' }
    : { kind: 'variables', variables: item.input as Readonly<Record<string, unknown>>, spanId: '' };
}

/**
 * @example
 * const plan = await planExperimentItem(version, 'sim:schemaorg', readCallParams(version.params), item);
 * plan.messages; plan.key; // the rendered chat messages and their cache key
 */
export async function planExperimentItem(
  version: PromptVersion,
  model: string,
  params: CallParams,
  item: DatasetItem,
): Promise<ExperimentItemPlan> {
  let messages: ChatTemplateMessage[];
  try {
    messages = buildReplayMessages(version, replayInputOf(item));
  } catch (error) {
    return { item, messages: null, key: null, error: error instanceof Error ? error.message : String(error) };
  }
  const key = await answerCacheKey({ model, params, messages, outputSchema: version.outputSchema });
  return { item, messages, key, error: null };
}
