// The one function every API call goes through: auth header, JSON in and out, timeouts, errors as KaizenError.
import { KaizenError } from '@kaizen/core';
import { errorFromResponse } from './error-from-response.js';

/**
 * Where the server is and how to reach it.
 *
 * @example
 * const options: HttpOptions = { url: 'https://kaizen.internal', apiKey: process.env.KAIZEN_API_KEY ?? '', fetch: myFetch };
 */
export interface HttpOptions {
  /** Base URL of the Kaizen server, e.g. `http://127.0.0.1:4318`. */
  readonly url: string;
  readonly apiKey: string;
  /** Replaces the global `fetch` (tests, proxies, custom agents). */
  readonly fetch?: typeof fetch;
  /** Per-request limit; a request past it fails with `unavailable`. Default 10 000 ms. */
  readonly timeoutMs?: number;
}

/** Per-request options: JSON body, query string, cancellation. */
export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** Cancels the request; combined with the timeout. */
  readonly signal?: AbortSignal;
}

/** Sends one request and returns the parsed JSON answer, or throws a KaizenError. */
export type HttpRequest = <T>(method: string, path: string, options?: RequestOptions) => Promise<T>;

function searchOf(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.size > 0 ? `?${params.toString()}` : '';
}

/**
 * @example
 * const request = createHttpRequest({ url: 'http://127.0.0.1:4318', apiKey: process.env.KAIZEN_API_KEY ?? '' });
 * const trace = await request<{ traceId: string }>('GET', '/api/traces/4bf92f3577b34da6a3ce929d0e0e4736');
 */
export function createHttpRequest(options: HttpOptions): HttpRequest {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async <T>(method: string, path: string, request: RequestOptions = {}): Promise<T> => {
    const what = `${method} ${path}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
    const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      // Looked up at call time, so a fetch replaced after createKaizenApi (test mocks) is still used.
      const doFetch = options.fetch ?? globalThis.fetch;
      response = await doFetch(`${base}${path}${searchOf(request.query)}`, {
        method,
        headers,
        signal,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
      text = await response.text();
    } catch (error) {
      // The caller's own cancellation is theirs to handle: pass it through unchanged.
      if (request.signal?.aborted === true) throw error;
      const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : 'cannot connect';
      throw new KaizenError(
        'unavailable',
        `${what}: ${reason} to Kaizen at ${base}. Is the server (\`kaizen serve\`) running, and is this its URL?`,
        {
          cause: error,
        },
      );
    }
    if (!response.ok) throw errorFromResponse(response.status, text, what);
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new KaizenError('unavailable', `${what}: the answer is not JSON (is ${base} a Kaizen server?)`, {
        cause: error,
      });
    }
  };
}
