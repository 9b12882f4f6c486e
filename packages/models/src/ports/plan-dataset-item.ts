// What one dataset item sends to the model, and the answer-cache key of that call: shared by the SDK's runExperiment
// and the server's experiment and replay runs, so the same item renders, and is cached, the same way everywhere.
import {
  buildReplayMessages,
  type ChatTemplateMessage,
  type DatasetInput,
  type PromptVersion,
  type ReplayInput,
} from '@kaizen/core';
import type { CallParams } from '../call-params.js';
import { answerCacheKey } from './answer-cache.js';

export interface DatasetItemPlan<Item> {
  readonly item: Item;
  /** Null when the input does not fit the prompt (a missing variable): the item is an error without a call. */
  readonly messages: ChatTemplateMessage[] | null;
  readonly key: string | null;
  readonly error: string | null;
}

/** A dataset input as core's replay input: variables render the template, messages keep the conversation. */
function replayInputOf(input: DatasetInput): ReplayInput {
  return Array.isArray(input)
    ? { kind: 'messages', messages: input, spanId: '' }
    : { kind: 'variables', variables: input as Readonly<Record<string, unknown>>, spanId: '' };
}

/**
 * @example
 * const plan = await planDatasetItem(version, 'sim:schemaorg', readCallParams(version.params), item);
 * plan.messages; plan.key; // the rendered chat messages and their cache key
 */
export async function planDatasetItem<Item extends { readonly input: DatasetInput }>(
  version: PromptVersion,
  model: string,
  params: CallParams,
  item: Item,
): Promise<DatasetItemPlan<Item>> {
  let messages: ChatTemplateMessage[];
  try {
    messages = buildReplayMessages(version, replayInputOf(item.input));
  } catch (error) {
    return { item, messages: null, key: null, error: error instanceof Error ? error.message : String(error) };
  }
  const key = await answerCacheKey({ model, params, messages, outputSchema: version.outputSchema });
  return { item, messages, key, error: null };
}
