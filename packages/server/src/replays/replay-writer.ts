// Writes replayed traces in small chunks, one write at a time: the chunk's shadow spans first (into the store, as the
// ingest path writes spans), then its experiment items. A kill in between leaves spans without items: the next
// execution replays those traces again from the cache, and rewriting a span under the same (trace id, span id) is a
// duplicate the store skips, never a second trace. Items go through the experiments' writer (keyed, conflict-safe).
import type { ExperimentItemRun, Span } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import { createExperimentItemWriter } from '../experiments/experiment-item-writer.js';

/** Traces per chunk: a kill loses at most this many items' writes (their answers are in the cache already). */
const CHUNK_TRACES = 25;

export interface ReplayWriter {
  /** Buffers one replayed trace; resolves once written when it fills a chunk (a failed write reaches the caller). */
  add(span: Span | null, item: ExperimentItemRun): Promise<void>;
  /** Writes what is buffered and waits for every write. */
  flush(): Promise<void>;
  /** Items this writer stored. */
  readonly added: number;
}

export interface ReplayWriterOptions {
  readonly store: Store;
  readonly projectId: string;
  readonly experimentId: string;
  /** Item ids (source trace ids) the experiment holds already; grows as items are stored. */
  readonly stored: Set<string>;
}

/**
 * @example
 * const writer = createReplayWriter({ store, projectId, experimentId, stored });
 * await writer.add(span, item); await writer.flush();
 */
export function createReplayWriter(options: ReplayWriterOptions): ReplayWriter {
  const { store, projectId } = options;
  const items = createExperimentItemWriter(options);
  let buffer: { span: Span | null; item: ExperimentItemRun }[] = [];
  let tail: Promise<void> = Promise.resolve();

  async function write(batch: readonly { span: Span | null; item: ExperimentItemRun }[]): Promise<void> {
    const spans = batch.flatMap((entry) => (entry.span === null ? [] : [entry.span]));
    if (spans.length > 0) await store.insertSpans(projectId, spans);
    for (const entry of batch) await items.add(entry.item);
    await items.flush();
  }

  function send(): Promise<void> {
    if (buffer.length === 0) return tail;
    const batch = buffer;
    buffer = [];
    tail = tail.then(() => write(batch));
    return tail;
  }

  return {
    add(span, item) {
      buffer.push({ span, item });
      return buffer.length >= CHUNK_TRACES ? send() : Promise.resolve();
    },
    flush: send,
    get added() {
      return items.added;
    },
  };
}
