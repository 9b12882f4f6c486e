// Retries a provider call on transient failures with exponential backoff, jitter and the server's Retry-After.
import { APICallError } from '@ai-sdk/provider';

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  readonly retries: number;
  readonly baseDelayMs: number;
  /** Upper bound of any single wait, Retry-After included. */
  readonly maxDelayMs: number;
  readonly isRetryable?: (error: unknown) => boolean;
  /** Injected in tests so no real time passes. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Returns [0, 1); injected in tests for a fixed jitter. */
  readonly random?: () => number;
  /** Stops waiting and retrying once aborted. */
  readonly signal?: AbortSignal;
  /** Called before each wait, e.g. to log or count retries. */
  readonly onRetry?: (event: { readonly attempt: number; readonly delayMs: number; readonly error: unknown }) => void;
}

export const DEFAULT_RETRY_OPTIONS = { retries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 } as const;

/** Error codes of dropped connections and socket timeouts (Node, undici, Bun). */
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ConnectionRefused',
  'ConnectionClosed',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function hasNetworkCode(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * 408, 429 and 5xx (Anthropic's 529 "overloaded" included), dropped connections and timeouts. Never other 4xx: a bad
 * request, a wrong key or an unknown model fails the same way every time. An abort by the caller is never retried.
 *
 * @example
 * isRetryableError(new APICallError({ message: 'rate limited', url, requestBodyValues: {}, statusCode: 429 })); // true
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof Error && error.name === 'AbortError') return false;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status !== undefined) return status === 408 || status === 429 || status >= 500;
    // No status: the SDK could not reach the server; it marks network failures retryable.
    return error.isRetryable || hasNetworkCode(error);
  }
  if (error instanceof Error && error.name === 'TimeoutError') return true;
  return hasNetworkCode(error);
}

/**
 * The wait the server asked for, in ms: `retry-after-ms` (OpenAI), else `retry-after` as seconds or an HTTP date.
 * Undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs(new APICallError({ …, responseHeaders: { 'retry-after': '2' } })); // 2000
 */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  if (!APICallError.isInstance(error) || error.responseHeaders === undefined) return undefined;
  const headers = Object.fromEntries(Object.entries(error.responseHeaders).map(([k, v]) => [k.toLowerCase(), v]));
  const milliseconds = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Sleeps `ms`, waking early with the abort reason when `signal` fires.
 *
 * @example
 * await sleep(500, request.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Equal jitter: half the exponential step fixed, half random, so concurrent callers spread out but never retry at once. */
function backoffMs(attempt: number, options: RetryOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}

/**
 * Runs `fn`, retrying transient failures. The wait before retry n (0-based) is the server's Retry-After when it sent
 * one, else `baseDelayMs * 2^n` with jitter; either is capped at `maxDelayMs`. The last error is rethrown as is.
 *
 * @example
 * const text = await withRetry(() => callProvider(), { retries: 3, baseDelayMs: 500, maxDelayMs: 10_000 });
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const isRetryable = options.isRetryable ?? isRetryableError;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.retries || options.signal?.aborted || !isRetryable(error)) throw error;
      const requested = retryAfterMs(error);
      const delayMs = Math.min(options.maxDelayMs, requested ?? backoffMs(attempt, options, random));
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await wait(delayMs, options.signal);
    }
  }
}
