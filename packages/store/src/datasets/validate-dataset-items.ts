// Checks a version's items before anything is written: ids, inputs, metadata, splits. Every problem names the item.
import { KaizenError } from '@kaizen/core';
import { DATASET_SPLITS, type DatasetItemInput } from './dataset-types.js';

export const MAX_DATASET_ITEMS = 100_000;
const MAX_ITEM_ID_LENGTH = 256;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problem(index: number, itemId: unknown, message: string): KaizenError {
  const which = typeof itemId === 'string' && itemId !== '' ? `item "${itemId.slice(0, 80)}"` : `item ${index + 1}`;
  return new KaizenError('invalid_input', `${which}: ${message}`);
}

/**
 * @example
 * validateDatasetItems([{ itemId: 'a', input: { html: '<p>' } }]); // ok
 * validateDatasetItems([{ itemId: 'a', input: 'text' }]); // throws invalid_input: item "a": input must be …
 */
export function validateDatasetItems(items: readonly DatasetItemInput[]): void {
  if (!Array.isArray(items) || items.length === 0) {
    throw new KaizenError('invalid_input', 'a dataset version needs at least one item');
  }
  if (items.length > MAX_DATASET_ITEMS) {
    throw new KaizenError('invalid_input', `a dataset version holds at most ${MAX_DATASET_ITEMS} items`);
  }
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const itemId = item?.itemId;
    if (typeof itemId !== 'string' || itemId === '' || itemId.length > MAX_ITEM_ID_LENGTH) {
      throw problem(index, itemId, `itemId must be a string of 1 to ${MAX_ITEM_ID_LENGTH} characters`);
    }
    if (seen.has(itemId)) throw problem(index, itemId, 'itemId appears more than once in the version');
    seen.add(itemId);
    const input: unknown = item.input;
    const messages = Array.isArray(input);
    if (!isPlainObject(input) && !messages) {
      throw problem(index, itemId, 'input must be an object of variables or an array of messages');
    }
    if (messages) {
      if (input.length === 0) throw problem(index, itemId, 'input messages must not be empty');
      for (const message of input) {
        if (!isPlainObject(message) || typeof message.role !== 'string' || typeof message.content !== 'string') {
          throw problem(index, itemId, 'each input message needs a string role and content');
        }
      }
    }
    if (item.metadata !== undefined && !isPlainObject(item.metadata)) {
      throw problem(index, itemId, 'metadata must be an object');
    }
    const source = item.sourceTraceId;
    if (source !== undefined && source !== null && (typeof source !== 'string' || source === '')) {
      throw problem(index, itemId, 'sourceTraceId must be a non-empty string or null');
    }
    if (item.split !== undefined && !(DATASET_SPLITS as readonly unknown[]).includes(item.split)) {
      throw problem(index, itemId, `split must be one of ${DATASET_SPLITS.join(', ')}`);
    }
  }
}
