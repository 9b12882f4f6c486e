// The model response cache: answers stored under a key the client computes (sha256 of model, params, messages and
// output schema), so re-running an unchanged item returns the stored answer instead of calling the model.

export interface CacheEntry {
  /** 64 lowercase hex characters. */
  readonly key: string;
  /** The stored answer, opaque to the store (the SDK keeps text, usage, cost and latency in it). */
  readonly value: unknown;
}

export interface ResponseCacheStore {
  /** The entries found, by key; keys without an entry are absent. */
  lookup(projectId: string, keys: readonly string[]): Promise<Map<string, unknown>>;
  /** Writes entries, replacing any stored under the same key. */
  put(projectId: string, entries: readonly CacheEntry[]): Promise<{ stored: number }>;
}

export const CACHE_KEY_PATTERN = /^[0-9a-f]{64}$/;
