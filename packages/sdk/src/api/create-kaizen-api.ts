// The typed Kaizen HTTP API client: traces and the prompt registry, errors as KaizenError.
import type { Span, TraceSummary } from '@kaizen/core';
import { createHttpRequest, type HttpOptions } from './http-request.js';
import { createPromptsApi, type PromptsApi, type ReadOptions } from './prompts-api.js';

/** Filters of `GET /api/traces`; all optional, `cursor` is the `nextCursor` of the previous page. */
export interface TraceListQuery {
  readonly from?: string;
  readonly to?: string;
  readonly environment?: string;
  readonly model?: string;
  readonly promptName?: string;
  readonly promptVersion?: string;
  readonly status?: string;
  readonly q?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface TracePage {
  readonly items: readonly TraceSummary[];
  readonly nextCursor: string | null;
}

export interface TraceDetail {
  readonly traceId: string;
  readonly spans: readonly Span[];
}

export interface KaizenApi {
  listTraces(query?: TraceListQuery, options?: ReadOptions): Promise<TracePage>;
  getTrace(traceId: string, options?: ReadOptions): Promise<TraceDetail>;
  readonly prompts: PromptsApi;
}

export type KaizenApiOptions = HttpOptions;

/**
 * @example
 * const api = createKaizenApi({ url: 'http://127.0.0.1:4318', apiKey: process.env.KAIZEN_API_KEY ?? '' });
 * const { items } = await api.listTraces({ environment: 'production', promptName: 'extractor', limit: 20 });
 * const trace = await api.getTrace(items[0].traceId);
 */
export function createKaizenApi(options: KaizenApiOptions): KaizenApi {
  const request = createHttpRequest(options);
  return {
    listTraces: (query = {}, read = {}) =>
      request('GET', '/api/traces', { query: { ...query }, ...(read.signal ? { signal: read.signal } : {}) }),
    getTrace: (traceId, read = {}) =>
      request('GET', `/api/traces/${encodeURIComponent(traceId)}`, read.signal ? { signal: read.signal } : {}),
    prompts: createPromptsApi(request),
  };
}
