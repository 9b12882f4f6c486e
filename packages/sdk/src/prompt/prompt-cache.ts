// What prompt resolution remembers per client: labelled versions with their fetch time, failures, pushed versions.
import type { KaizenError, PromptVersion } from '@kaizen/core';

/**
 * @example
 * init({ url, apiKey, environment: 'production', promptCache: { ttlMs: 30_000, fetchTimeoutMs: 1_000 } });
 */
export interface PromptCacheOptions {
  /** How long a fetched label stays fresh, and how long a failed fetch is not retried. Default 60 000 ms. */
  readonly ttlMs?: number;
  /** Deadline of one label fetch; past it the fallback is used. Default 3 000 ms. */
  readonly fetchTimeoutMs?: number;
  /** The clock, in milliseconds; tests inject one to move time. Default `Date.now`. */
  readonly now?: () => number;
}

interface LabelEntry {
  /** Null when the server said no version carries the label (the in-code template is used). */
  readonly version: PromptVersion | null;
  readonly fetchedAt: number;
}

interface Failure {
  readonly error: KaizenError;
  readonly failedAt: number;
}

/**
 * Per-client memory of prompt resolution. One instance lives in each client `init` returns, so two clients (two
 * environments, two servers) never see each other's versions, and nothing is kept at module level.
 *
 * @example
 * const cache = new PromptCache({ ttlMs: 5_000 });
 * const client = { api, environment: 'staging', promptCache: cache };
 * await extractor.resolve(client);
 */
export class PromptCache {
  readonly ttlMs: number;
  readonly fetchTimeoutMs: number;
  readonly now: () => number;
  readonly #labels = new Map<string, LabelEntry>();
  readonly #failures = new Map<string, Failure>();
  readonly #inFlight = new Map<string, Promise<PromptVersion | null>>();
  readonly #pushed = new Map<string, number>();
  readonly #warned = new Set<string>();

  constructor(options: PromptCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 3_000;
    this.now = options.now ?? Date.now;
  }

  label(name: string, label: string): LabelEntry | undefined {
    return this.#labels.get(`${name}\u0000${label}`);
  }

  failure(name: string, label: string): Failure | undefined {
    return this.#failures.get(`${name}\u0000${label}`);
  }

  /**
   * Fetches a label once for all concurrent callers (a burst of requests after expiry makes one request), and
   * records the outcome: the version on success, the error on failure.
   */
  fetchLabel(name: string, label: string, fetch: () => Promise<PromptVersion | null>): Promise<PromptVersion | null> {
    const key = `${name}\u0000${label}`;
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running;
    const started = fetch().then(
      (version) => {
        this.#labels.set(key, { version, fetchedAt: this.now() });
        this.#failures.delete(key);
        this.#warned.delete(key);
        return version;
      },
      (error: KaizenError) => {
        this.#failures.set(key, { error, failedAt: this.now() });
        throw error;
      },
    );
    this.#inFlight.set(key, started);
    const forget = () => this.#inFlight.delete(key);
    started.then(forget, forget);
    return started;
  }

  /** Remembers which version number the server gave code content, so code fallbacks can still name it. */
  rememberPushed(name: string, hash: string, version: number): void {
    this.#pushed.set(`${name}\u0000${hash}`, version);
  }

  pushedVersion(name: string, hash: string): number | null {
    return this.#pushed.get(`${name}\u0000${hash}`) ?? null;
  }

  /** True the first time for a key since its last successful fetch: one warning per outage, not per call. */
  shouldWarn(name: string, label: string): boolean {
    const key = `${name}\u0000${label}`;
    if (this.#warned.has(key)) return false;
    this.#warned.add(key);
    return true;
  }
}
