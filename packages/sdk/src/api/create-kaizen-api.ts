// The typed Kaizen HTTP API client: traces, the prompt registry, datasets, experiments, the response cache,
// optimization runs and replays run on the server; errors as KaizenError.
import type { Span, TraceSummary } from '@kaizen/core';
import { createDatasetsApi, type DatasetsApi } from './datasets-api.js';
import { type CacheApi, createCacheApi, createExperimentsApi, type ExperimentsApi } from './experiments-api.js';
import { createHttpRequest, type HttpOptions } from './http-request.js';
import { createOptimizationsApi, type OptimizationsApi } from './optimizations-api.js';
import { createPromptsApi, type PromptsApi, type ReadOptions } from './prompts-api.js';
import { createReplaysApi, type ReplaysApi } from './replays-api.js';

export type { ReplaysApi, StartReplayInput } from './replays-api.js';

/**
 * Filters of `GET /api/traces`; all optional, `cursor` is the `nextCursor` of the previous page.
 *
 * @example
 * const query: TraceListQuery = { environment: 'production', promptName: 'extractor', status: 'error', limit: 50 };
 */
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

/**
 * One page of trace summaries, newest first.
 *
 * @example
 * let page = await api.listTraces({ limit: 100 });
 * while (page.nextCursor) page = await api.listTraces({ limit: 100, cursor: page.nextCursor });
 */
export interface TracePage {
  readonly items: readonly TraceSummary[];
  readonly nextCursor: string | null;
}

/**
 * Every stored span of one trace, normalised (see Span in @kaizen/core).
 *
 * @example
 * const { spans } = await api.getTrace(traceId);
 * spans.filter((span) => span.promptName === 'extractor');
 */
export interface TraceDetail {
  readonly traceId: string;
  readonly spans: readonly Span[];
}

/**
 * The Kaizen HTTP API: traces, and the prompt registry under `prompts`. Every failure is a KaizenError.
 *
 * @example
 * const api: KaizenApi = kaizen.api; // or createKaizenApi({ url, apiKey })
 * await api.prompts.setLabel('extractor', 'production', 3, { actor: 'release-bot' });
 */
export interface KaizenApi {
  listTraces(query?: TraceListQuery, options?: ReadOptions): Promise<TracePage>;
  getTrace(traceId: string, options?: ReadOptions): Promise<TraceDetail>;
  readonly prompts: PromptsApi;
  readonly datasets: DatasetsApi;
  readonly experiments: ExperimentsApi;
  /** The response cache experiments read and fill. */
  readonly cache: CacheApi;
  /** Optimization runs: start, watch, cancel, resume. */
  readonly optimizations: OptimizationsApi;
  /** Shadow replays run on the server: start one, then follow it as an experiment. */
  readonly replays: ReplaysApi;
}

/**
 * @example
 * const options: KaizenApiOptions = { url: 'http://127.0.0.1:4318', apiKey: 'kz_…', timeoutMs: 5_000 };
 */
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
    datasets: createDatasetsApi(request, options),
    experiments: createExperimentsApi(request),
    cache: createCacheApi(request),
    optimizations: createOptimizationsApi(request),
    replays: createReplaysApi(request),
  };
}
