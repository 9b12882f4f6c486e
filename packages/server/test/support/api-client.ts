// Reads traces back through the HTTP API, as users and the CLI do.
import type { Span, TraceSummary } from '@kaizen/core';
import { expect } from 'vitest';

export interface TraceList {
  readonly items: TraceSummary[];
  readonly nextCursor: string | null;
}

export interface TraceDetail {
  readonly traceId: string;
  readonly spans: Span[];
}

async function getJson<T>(url: string, key: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  const text = await response.text();
  expect(response.status, `GET ${url}: ${text}`).toBe(200);
  return JSON.parse(text) as T;
}

export function listTraces(baseUrl: string, key: string, query: Record<string, string> = {}): Promise<TraceList> {
  const search = new URLSearchParams(query).toString();
  return getJson(`${baseUrl}/api/traces${search === '' ? '' : `?${search}`}`, key);
}

export function getTrace(baseUrl: string, key: string, traceId: string): Promise<TraceDetail> {
  return getJson(`${baseUrl}/api/traces/${traceId}`, key);
}

/** The trace's summary from the list, found by a filter wide enough to include it. */
export async function findTraceSummary(baseUrl: string, key: string, traceId: string): Promise<TraceSummary> {
  const list = await listTraces(baseUrl, key, { limit: '1000' });
  const summary = list.items.find((item) => item.traceId === traceId);
  if (summary === undefined) throw new Error(`trace ${traceId} is not in GET /api/traces`);
  return summary;
}

export function spanNamed(detail: TraceDetail, name: string): Span {
  const span = detail.spans.find((item) => item.name === name);
  if (span === undefined) {
    throw new Error(
      `no span named ${name} in trace ${detail.traceId}: ${detail.spans.map((item) => item.name).join(', ')}`,
    );
  }
  return span;
}
