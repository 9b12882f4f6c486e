// The ingest path's hook: after a batch is committed, name the traces it touched. No I/O, and it cannot fail ingest.
import type { Span } from '@kaizen/core';
import type { EncodedSpans, Store } from '@kaizen/store';

/** Called after `insertSpans` resolved with at least one new span. */
export type SpansStoredListener = (projectId: string, traceIds: readonly string[]) => void;

function traceIdsOf(spans: readonly Span[] | EncodedSpans): string[] {
  // Encoded batches (the ingest path's) already list their traces once each.
  if (!Array.isArray(spans)) return (spans as EncodedSpans).traces.map((trace) => trace.traceId);
  return [...new Set((spans as readonly Span[]).map((span) => span.traceId))];
}

/**
 * The store with `insertSpans` reporting committed batches to `listener`; every other member is the store's own.
 * A retry that stored nothing new reports nothing, and a throwing listener is reported to `onError`, never to the
 * exporter: its spans are durable either way.
 *
 * @example
 * const ingestStore = observeStoredSpans(store, (projectId, traceIds) => worker.notify(projectId, traceIds), log);
 */
export function observeStoredSpans(
  store: Store,
  listener: SpansStoredListener,
  onError: (error: unknown) => void,
): Store {
  const insertSpans: Store['insertSpans'] = async (projectId, spans) => {
    const result = await store.insertSpans(projectId, spans);
    if (result.inserted > 0) {
      try {
        listener(projectId, traceIdsOf(spans));
      } catch (error) {
        onError(error);
      }
    }
    return result;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'insertSpans') return insertSpans;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
