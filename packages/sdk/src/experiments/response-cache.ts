// The client side of the response cache: keys from (model, params, messages, output schema), lookups in batches
// before a run, writes buffered and sent in batches while it runs.
import { answerCacheKey, type CachedAnswer, isCachedAnswer } from '@kaizen/models';
import type { CacheApi } from '../api/experiments-api.js';

// One definition of the cached answer and its key, shared with the optimization ports: an optimization reuses what
// an experiment paid for, and the other way round.
export { type CachedAnswer, isCachedAnswer };

const LOOKUP_BATCH = 200;
const WRITE_BATCH = 50;

/**
 * @example
 * const key = await responseCacheKey({ model: 'sim:schemaorg', params: { temperature: 0 }, messages, outputSchema: null });
 */
export const responseCacheKey = answerCacheKey;

export interface ResponseCache {
  /** The cached answers among `keys` (malformed entries are treated as misses). */
  lookup(keys: readonly string[]): Promise<Map<string, CachedAnswer>>;
  /** Buffers a write; sent once enough are buffered, and by flush(). */
  put(key: string, answer: CachedAnswer): Promise<void>;
  flush(): Promise<void>;
}

/**
 * @example
 * const cache = createResponseCache(api.cache);
 * const hits = await cache.lookup(keys);
 * await cache.put(key, answer); await cache.flush();
 */
export function createResponseCache(api: CacheApi): ResponseCache {
  let pending: { key: string; value: CachedAnswer }[] = [];
  const send = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await api.put(batch);
  };
  return {
    async lookup(keys) {
      const found = new Map<string, CachedAnswer>();
      const unique = [...new Set(keys)];
      for (let start = 0; start < unique.length; start += LOOKUP_BATCH) {
        const { hits } = await api.lookup(unique.slice(start, start + LOOKUP_BATCH));
        for (const [key, value] of Object.entries(hits)) if (isCachedAnswer(value)) found.set(key, value);
      }
      return found;
    },
    async put(key, value) {
      pending.push({ key, value });
      if (pending.length >= WRITE_BATCH) await send();
    },
    flush: send,
  };
}
