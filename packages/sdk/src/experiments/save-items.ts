// Sends an experiment's items in batches that stay under the API's 1 MiB body limit.
import type { KaizenApi } from '../api/create-kaizen-api.js';
import type { ExperimentItem } from './experiment-api-types.js';

/** Leaves room for the JSON around the items and for multi-byte characters counted as one. */
const BATCH_CHARACTERS = 256 * 1024;
const BATCH_ITEMS = 500;

/**
 * @example
 * await saveItems(api, experiment.id, items);
 */
export async function saveItems(api: KaizenApi, experimentId: string, items: readonly ExperimentItem[]): Promise<void> {
  let batch: ExperimentItem[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = JSON.stringify(item).length;
    if (batch.length > 0 && (size + itemSize > BATCH_CHARACTERS || batch.length >= BATCH_ITEMS)) {
      await api.experiments.addItems(experimentId, batch);
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += itemSize;
  }
  if (batch.length > 0) await api.experiments.addItems(experimentId, batch);
}
