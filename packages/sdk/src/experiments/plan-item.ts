// What one dataset item sends to the model: the candidate's messages for its input, and the cache key of that call.
import { buildReplayMessages, type ChatTemplateMessage, type PromptVersion, type ReplayInput } from '@kaizen/core';
import type { CallParams } from '@kaizen/models';
import type { DatasetItem } from './dataset-api-types.js';
import { responseCacheKey } from './response-cache.js';

export interface ItemPlan {
  readonly item: DatasetItem;
  /** Null when the input does not fit the prompt (a missing variable): the item is an error without a call. */
  readonly messages: ChatTemplateMessage[] | null;
  readonly key: string | null;
  readonly error: string | null;
}

/** A dataset input as core's replay input: variables render the template, messages keep the conversation. */
function replayInputOf(item: DatasetItem): ReplayInput {
  return Array.isArray(item.input)
    ? { kind: 'messages', messages: item.input, spanId: '' }
    : { kind: 'variables', variables: item.input as Readonly<Record<string, unknown>>, spanId: '' };
}

/**
 * @example
 * const plan = await planItem(version, 'sim:schemaorg', { temperature: 0 }, item);
 * plan.messages; // the rendered chat messages
 */
export async function planItem(
  version: PromptVersion,
  model: string,
  params: CallParams,
  item: DatasetItem,
): Promise<ItemPlan> {
  let messages: ChatTemplateMessage[];
  try {
    messages = buildReplayMessages(version, replayInputOf(item));
  } catch (error) {
    return { item, messages: null, key: null, error: error instanceof Error ? error.message : String(error) };
  }
  const key = await responseCacheKey({ model, params, messages, outputSchema: version.outputSchema });
  return { item, messages, key, error: null };
}
