// A small typed client for the Kaizen HTTP API, used by the commands that talk to a running server.
import { KaizenError, type Span, type TraceSummary } from '@kaizen/core';

export interface ApiClientOptions {
  readonly url: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
}

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

export interface ApiClient {
  listTraces(query: TraceListQuery): Promise<{ items: TraceSummary[]; nextCursor: string | null }>;
  getTrace(traceId: string): Promise<{ traceId: string; spans: Span[] }>;
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;

  async function getJson<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { headers: { authorization: `Bearer ${options.apiKey}` } });
    } catch (error) {
      throw new KaizenError(
        'unavailable',
        `Cannot reach Kaizen at ${base}. Is \`kaizen serve\` running? Set KAIZEN_URL to its address.`,
        { cause: error },
      );
    }
    const text = await response.text();
    if (!response.ok) {
      let body: ErrorBody = {};
      try {
        body = JSON.parse(text) as ErrorBody;
      } catch {
        // Not our JSON error body (a proxy's HTML page, say): report the status alone.
      }
      const message = body.error?.message ?? `HTTP ${response.status}`;
      if (response.status === 401) {
        throw new KaizenError(
          'unauthorized',
          `${message}. Set KAIZEN_API_KEY (create one with \`kaizen keys create\`).`,
        );
      }
      if (response.status === 404) throw new KaizenError('not_found', message);
      throw new KaizenError(response.status === 400 ? 'invalid_input' : 'unavailable', message);
    }
    return JSON.parse(text) as T;
  }

  return {
    listTraces(query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return getJson(`/api/traces${search}`);
    },
    getTrace(traceId) {
      return getJson(`/api/traces/${encodeURIComponent(traceId)}`);
    },
  };
}
