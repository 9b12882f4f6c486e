// Resolves an API key to its project through the store, with a short in-memory cache: auth is on the ingest hot path.
import type { Project, Store } from '@kaizen/store';
import { hashApiKey } from '@kaizen/store';

export interface ApiKeyResolverOptions {
  readonly store: Pick<Store, 'findProjectByKeyHash'>;
  /** How long a valid key is trusted without asking the store again. */
  readonly ttlMs?: number;
  /** How long an unknown key stays unknown: short, so a key created a moment ago works almost at once. */
  readonly negativeTtlMs?: number;
  /** Bound on cached keys, so a flood of random keys cannot grow memory. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface CacheEntry {
  readonly project: Project | null;
  readonly expiresAt: number;
}

export interface ApiKeyResolver {
  /** The key's project, or null for an unknown key. Store failures propagate (they become 503, never 401). */
  resolve(key: string): Promise<Project | null>;
}

export function createApiKeyResolver(options: ApiKeyResolverOptions): ApiKeyResolver {
  const ttlMs = options.ttlMs ?? 30_000;
  const negativeTtlMs = options.negativeTtlMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // Keyed by the hash, so raw keys are not kept in memory longer than the request that carried them.
  const cache = new Map<string, CacheEntry>();
  const pending = new Map<string, Promise<Project | null>>();

  async function lookUp(hash: string): Promise<Project | null> {
    try {
      const project = await options.store.findProjectByKeyHash(hash);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(hash, { project, expiresAt: now() + (project === null ? negativeTtlMs : ttlMs) });
      return project;
    } finally {
      pending.delete(hash);
    }
  }

  return {
    async resolve(key) {
      const hash = hashApiKey(key);
      const cached = cache.get(hash);
      if (cached !== undefined && cached.expiresAt > now()) return cached.project;
      // Concurrent requests with the same key share one store lookup.
      let lookup = pending.get(hash);
      if (lookup === undefined) {
        lookup = lookUp(hash);
        pending.set(hash, lookup);
      }
      return lookup;
    },
  };
}
