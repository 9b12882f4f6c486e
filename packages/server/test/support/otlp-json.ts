// Hand-made OTLP/JSON request bodies, for the tests that need exact control over what is sent (limits, bad input).
import { randomBytes } from 'node:crypto';

export const newTraceId = (): string => randomBytes(16).toString('hex');
export const newSpanId = (): string => randomBytes(8).toString('hex');

export interface JsonSpanInput {
  readonly traceId?: unknown;
  readonly spanId?: unknown;
  readonly parentSpanId?: unknown;
  readonly name?: unknown;
  readonly startMs?: number;
  readonly durationMs?: number;
  readonly attributes?: Record<string, string | number>;
}

const nanos = (ms: number): string => (BigInt(Math.round(ms)) * 1_000_000n).toString();

export function jsonSpan(input: JsonSpanInput = {}): Record<string, unknown> {
  const start = input.startMs ?? Date.UTC(2025, 5, 1);
  return {
    traceId: input.traceId ?? newTraceId(),
    spanId: input.spanId ?? newSpanId(),
    ...(input.parentSpanId !== undefined ? { parentSpanId: input.parentSpanId } : {}),
    name: 'name' in input ? input.name : 'chat gpt-4o',
    kind: 3,
    startTimeUnixNano: nanos(start),
    endTimeUnixNano: nanos(start + (input.durationMs ?? 100)),
    attributes: Object.entries(input.attributes ?? { 'gen_ai.request.model': 'gpt-4o' }).map(([key, value]) => ({
      key,
      value: typeof value === 'string' ? { stringValue: value } : { intValue: value },
    })),
  };
}

export function jsonRequest(spans: readonly Record<string, unknown>[], resource: Record<string, string> = {}): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: {
          attributes: Object.entries(resource).map(([key, value]) => ({ key, value: { stringValue: value } })),
        },
        scopeSpans: [{ scope: { name: 'test' }, spans }],
      },
    ],
  });
}

/** POSTs an OTLP body; JSON unless `contentType` says otherwise. */
export function postTraces(
  url: string,
  key: string | null,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/v1/traces`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key !== null ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body,
  });
}
