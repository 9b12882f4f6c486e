// The optimization ports' answer cache over the store's response cache, scoped to one project: the same entries
// `kaizen eval` writes, so a run reuses answers an experiment already paid for, and a resumed run pays for none twice.
import { type AnswerCache, type CachedAnswer, isCachedAnswer } from '@kaizen/models';
import type { Store } from '@kaizen/store';

/**
 * @example
 * const cache = createStoreAnswerCache(store, projectId);
 * const hits = await cache.lookup(keys); // one query per 200 keys
 */
export function createStoreAnswerCache(store: Store, projectId: string): AnswerCache {
  return {
    async lookup(keys) {
      const found = new Map<string, CachedAnswer>();
      if (keys.length === 0) return found;
      // Malformed entries (another writer's format) are misses, never answers.
      for (const [key, value] of await store.responseCache.lookup(projectId, keys)) {
        if (isCachedAnswer(value)) found.set(key, value);
      }
      return found;
    },
    async put(entries) {
      if (entries.length > 0) await store.responseCache.put(projectId, entries);
    },
  };
}
