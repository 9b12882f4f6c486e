// Limits failed web sign-ins per client address and per key prefix: a sliding window of failures, bounded memory.
import { isIPv4 } from 'node:net';

export interface SignInLimiterOptions {
  /** Failed attempts allowed per window, for one address and for one key prefix. Default 10. */
  readonly maxFailures?: number;
  /** Default 60 s. */
  readonly windowMs?: number;
  /** Addresses and prefixes remembered at most; the least recently seen go first. Default 10,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

export interface SignInAttempt {
  /** The client's address as the socket saw it (IPv6 is limited per /64, the block one host usually holds). */
  readonly address: string;
  /** The key as sent: only its public prefix is kept (see keyPrefix). */
  readonly key: string;
}

export interface SignInLimiter {
  /** Seconds until this attempt may be made, or 0 when it may be made now. */
  retryAfterSeconds(attempt: SignInAttempt): number;
  /** Counts a failed attempt against its address and its key prefix. */
  recordFailure(attempt: SignInAttempt): void;
}

/** As long as the prefix stores keep and show (`generateApiKey`): guesses at one known key share it. */
export const KEY_PREFIX_LENGTH = 10;

export function keyPrefix(key: string): string {
  return key.trim().slice(0, KEY_PREFIX_LENGTH);
}

/** `::ffff:1.2.3.4` as `1.2.3.4`; an IPv6 address as its /64 (an attacker there holds 2^64 addresses). */
export function clientKey(address: string): string {
  const mapped = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIPv4(mapped) || !mapped.includes(':')) return mapped;
  const [head = '', tail] = mapped.split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Failures are never cleared by a success: a caller holding one valid key must not reset its address's count
 * between guesses at others. They simply age out of the window.
 *
 * @example
 * const limiter = createSignInLimiter();
 * const wait = limiter.retryAfterSeconds({ address, key }); // > 0: answer 429 with Retry-After: wait
 */
export function createSignInLimiter(options: SignInLimiterOptions = {}): SignInLimiter {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // Map order is insertion order: re-inserting on every use keeps the least recently seen first, to evict.
  const failures = new Map<string, number[]>();

  function recent(id: string, at: number): number[] {
    const times = failures.get(id);
    if (times === undefined) return [];
    const kept = times.filter((time) => time > at - windowMs);
    if (kept.length === 0) failures.delete(id);
    else if (kept.length !== times.length) failures.set(id, kept);
    return kept;
  }

  function ids(attempt: SignInAttempt): string[] {
    return [`address ${clientKey(attempt.address)}`, `prefix ${keyPrefix(attempt.key)}`];
  }

  return {
    retryAfterSeconds(attempt) {
      const at = now();
      let waitMs = 0;
      for (const id of ids(attempt)) {
        const times = recent(id, at);
        if (times.length >= maxFailures) {
          // Allowed again once enough of the failures have left the window.
          const freedAt = (times[times.length - maxFailures] ?? at) + windowMs;
          waitMs = Math.max(waitMs, freedAt - at);
        }
      }
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
    },
    recordFailure(attempt) {
      const at = now();
      for (const id of ids(attempt)) {
        const times = recent(id, at);
        failures.delete(id);
        // Only the newest maxFailures matter for the verdict: older ones are dropped, so an entry stays small.
        failures.set(id, [...times.slice(Math.max(0, times.length - maxFailures + 1)), at]);
        if (failures.size > maxEntries) {
          const oldest = failures.keys().next().value;
          if (oldest !== undefined) failures.delete(oldest);
        }
      }
    },
  };
}
