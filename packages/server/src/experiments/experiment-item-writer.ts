// Appends an experiment's item results in small chunks, one write at a time, as they come: a killed worker loses at
// most one chunk of results (their answers are in the cache already). Items are keyed by (experiment, item id) in the
// store and a batch with an id already there is refused whole, so a chunk that meets items another execution added
// is re-sent without them: two executions of one experiment never store an item twice.
import { type ExperimentItemRun, KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';

/** Small enough that a kill loses little, large enough that a 10,000-item run makes ~400 writes, not 10,000. */
const CHUNK_ITEMS = 25;
/** Characters of JSON per chunk: a few large outputs make a chunk on their own. */
const CHUNK_CHARACTERS = 256 * 1024;
/** Conflicts in a row before giving up: each one means another execution added items in between. */
const MAX_CONFLICTS = 5;

export interface ExperimentItemWriter {
  /** Buffers the item; resolves once it is written when this fills a chunk (so a failed write reaches the caller). */
  add(item: ExperimentItemRun): Promise<void>;
  /** Writes what is buffered and waits for every write. */
  flush(): Promise<void>;
  /** Items this writer stored (not those another execution stored first). */
  readonly added: number;
}

export interface ExperimentItemWriterOptions {
  readonly store: Store;
  readonly projectId: string;
  readonly experimentId: string;
  /** Item ids the experiment holds already; the writer adds the ones it stores, and those it finds stored. */
  readonly stored: Set<string>;
}

/**
 * @example
 * const writer = createExperimentItemWriter({ store, projectId, experimentId, stored: new Set(ids) });
 * await writer.add(item); await writer.flush(); writer.added;
 */
export function createExperimentItemWriter(options: ExperimentItemWriterOptions): ExperimentItemWriter {
  const { store, projectId, experimentId, stored } = options;
  let buffer: ExperimentItemRun[] = [];
  let characters = 0;
  let added = 0;
  let tail: Promise<void> = Promise.resolve();

  async function write(batch: readonly ExperimentItemRun[]): Promise<void> {
    let pending = batch.filter((item) => !stored.has(item.itemId));
    for (let conflicts = 0; pending.length > 0; conflicts++) {
      try {
        await store.experiments.addItems(projectId, experimentId, pending);
        for (const item of pending) stored.add(item.itemId);
        added += pending.length;
        return;
      } catch (error) {
        // Anything but "already there" (or "finished", which the re-read below cannot fix) is the caller's to handle.
        if (!KaizenError.isInstance(error) || error.code !== 'conflict' || conflicts >= MAX_CONFLICTS) throw error;
        const experiment = await store.experiments.get(projectId, experimentId);
        if (experiment?.status !== 'running') throw error;
        for (const item of await store.experiments.listItems(projectId, experimentId)) stored.add(item.itemId);
        pending = pending.filter((item) => !stored.has(item.itemId));
      }
    }
  }

  function send(): Promise<void> {
    if (buffer.length === 0) return tail;
    const batch = buffer;
    buffer = [];
    characters = 0;
    tail = tail.then(() => write(batch));
    return tail;
  }

  return {
    add(item) {
      buffer.push(item);
      characters += JSON.stringify(item).length;
      return buffer.length >= CHUNK_ITEMS || characters >= CHUNK_CHARACTERS ? send() : Promise.resolve();
    },
    flush: send,
    get added() {
      return added;
    },
  };
}
