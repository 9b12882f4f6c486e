import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { isRetryableError, retryAfterMs, withRetry } from './retry.js';

function apiError(statusCode: number | undefined, responseHeaders?: Record<string, string>, isRetryable?: boolean) {
  return new APICallError({
    message: `status ${statusCode}`,
    url: 'https://api.example/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(responseHeaders !== undefined ? { responseHeaders } : {}),
    ...(isRetryable !== undefined ? { isRetryable } : {}),
  });
}

/** A fake clock: records the waits and returns at once. */
function fakeSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Fails with the given errors in turn, then succeeds. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const fn = async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return 'ok';
  };
  return { fn, calls: () => calls };
}

const options = { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('isRetryableError', () => {
  it.each([408, 429, 500, 502, 503, 529])('retries HTTP %i', (status) => {
    expect(isRetryableError(apiError(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries HTTP %i', (status) => {
    // Even when the SDK itself would (it marks 409 retryable).
    expect(isRetryableError(apiError(status, undefined, true))).toBe(false);
  });

  it('retries connection failures and timeouts, not aborts', () => {
    expect(isRetryableError(apiError(undefined, undefined, true))).toBe(true);
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(isRetryableError(new TypeError('fetch failed', { cause: reset }))).toBe(true);
    expect(isRetryableError(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isRetryableError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isRetryableError(new Error('bug'))).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads retry-after-ms, retry-after seconds and HTTP dates', () => {
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(apiError(429, { 'Retry-After': '2' }))).toBe(2_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(apiError(503, { 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3_000);
    expect(retryAfterMs(apiError(429, { 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(apiError(429))).toBeUndefined();
    expect(retryAfterMs(new Error('x'))).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('backs off exponentially with jitter on 429 and 5xx, then succeeds', async () => {
    const clock = fakeSleep();
    const call = failing(apiError(429), apiError(500), apiError(503));
    const result = await withRetry(call.fn, { ...options, sleep: clock.sleep, random: () => 0.5 });
    expect(result).toBe('ok');
    expect(call.calls()).toBe(4);
    // Equal jitter: step/2 + 0.5 × step/2 for steps 100, 200, 400.
    expect(clock.waits).toEqual([75, 150, 300]);
  });

  it('keeps each wait between half and all of the capped step', async () => {
    const clock = fakeSleep();
    const call = failing(apiError(500), apiError(500), apiError(500), apiError(500), apiError(500));
    await withRetry(call.fn, { ...options, retries: 5, sleep: clock.sleep, random: () => 0.999 });
    expect(clock.waits.map(Math.round)).toEqual([100, 200, 400, 800, 1000]);
  });

  it('waits what Retry-After asks, capped at maxDelayMs', async () => {
    const clock = fakeSleep();
    const call = failing(apiError(429, { 'retry-after': '0.5' }), apiError(429, { 'retry-after': '60' }));
    await withRetry(call.fn, { ...options, sleep: clock.sleep, random: () => 0 });
    expect(clock.waits).toEqual([500, 1_000]);
  });

  it('does not retry 400, 401 or 404', async () => {
    for (const status of [400, 401, 404]) {
      const clock = fakeSleep();
      const call = failing(apiError(status));
      await expect(withRetry(call.fn, { ...options, sleep: clock.sleep })).rejects.toMatchObject({
        statusCode: status,
      });
      expect([call.calls(), clock.waits.length]).toEqual([1, 0]);
    }
  });

  it('gives up after `retries` retries and rethrows the last error', async () => {
    const clock = fakeSleep();
    const last = apiError(503);
    const call = failing(apiError(500), apiError(502), last);
    await expect(withRetry(call.fn, { ...options, retries: 2, sleep: clock.sleep })).rejects.toBe(last);
    expect(call.calls()).toBe(3);
  });

  it('stops once the caller aborts', async () => {
    const controller = new AbortController();
    const call = failing(apiError(500), apiError(500));
    const sleep = async () => controller.abort();
    await expect(withRetry(call.fn, { ...options, sleep, signal: controller.signal })).rejects.toBeInstanceOf(
      APICallError,
    );
    expect(call.calls()).toBe(2);
  });

  it('reports each retry', async () => {
    const events: number[] = [];
    const call = failing(apiError(429, { 'retry-after-ms': '10' }));
    await withRetry(call.fn, { ...options, sleep: async () => {}, onRetry: (event) => events.push(event.delayMs) });
    expect(events).toEqual([10]);
  });
});
