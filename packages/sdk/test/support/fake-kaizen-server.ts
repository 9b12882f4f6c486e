// A stand-in Kaizen server on 127.0.0.1:0: OTLP/protobuf ingest, the trace API and the prompt registry API.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PRICES, KaizenError, normalizeSpan, type OtlpSpan, summarizeTrace } from '@kaizen/core';
import { decodeOtlpProtobuf } from '@kaizen/server';
import { FakePromptRegistry } from './fake-prompt-registry.js';
import { routePrompts } from './route-prompts.js';

export interface FakeKaizen {
  readonly url: string;
  readonly apiKey: string;
  readonly registry: FakePromptRegistry;
  /** Every span received, decoded, in arrival order. */
  readonly spans: OtlpSpan[];
  /** `METHOD path` of every request, to count calls. */
  readonly requests: string[];
  /** When set, every `/api/*` route answers this status (503: down for maintenance, 500: a bug). */
  failWith: number | null;
  /** When set, `/v1/traces` answers this status and keeps nothing (400: not retried by exporters). */
  rejectSpansWith: number | null;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function traceApi(fake: FakeKaizen, path: string) {
  const spans = fake.spans.map((span) => normalizeSpan(span, { prices: DEFAULT_PRICES }));
  const traceId = /^\/api\/traces\/([0-9a-f]{32})$/.exec(path)?.[1];
  if (traceId !== undefined) {
    const ofTrace = spans.filter((span) => span.traceId === traceId);
    if (ofTrace.length === 0) throw new KaizenError('not_found', `no trace ${traceId}`);
    return { traceId, spans: ofTrace };
  }
  const ids = [...new Set(spans.map((span) => span.traceId))];
  return { items: ids.map((id) => summarizeTrace(spans.filter((span) => span.traceId === id))), nextCursor: null };
}

async function handle(fake: FakeKaizen, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake');
  fake.requests.push(`${request.method} ${url.pathname}`);
  if (request.headers.authorization !== `Bearer ${fake.apiKey}`) {
    throw new KaizenError('unauthorized', 'invalid API key');
  }
  const body = await readBody(request);
  if (url.pathname === '/v1/traces' && fake.rejectSpansWith !== null) {
    send(response, fake.rejectSpansWith, { error: { code: 'invalid_input', message: 'rejected on purpose' } });
    return;
  }
  if (url.pathname === '/v1/traces') {
    fake.spans.push(...decodeOtlpProtobuf(body).spans);
    response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    return;
  }
  if (fake.failWith !== null) {
    const code = fake.failWith === 429 ? 'overloaded' : fake.failWith === 503 ? 'unavailable' : 'internal';
    send(response, fake.failWith, { error: { code, message: 'the server is failing on purpose' } });
    return;
  }
  if (url.pathname.startsWith('/api/traces')) return send(response, 200, traceApi(fake, url.pathname));
  const json: unknown = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
  const answer = routePrompts(fake.registry, request.method ?? 'GET', url, json);
  if (answer === undefined) throw new KaizenError('not_found', `no route ${request.method} ${url.pathname}`);
  send(response, answer.status, answer.body);
}

const STATUS: Record<string, number> = { invalid_input: 400, unauthorized: 401, not_found: 404, conflict: 409 };

/**
 * @example
 * const fake = await startFakeKaizen();
 * const client = init({ url: fake.url, apiKey: fake.apiKey, environment: 'production' });
 */
export async function startFakeKaizen(): Promise<FakeKaizen> {
  const server = createServer((request, response) => {
    handle(fake, request, response).catch((error: unknown) => {
      const code = KaizenError.isInstance(error) ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      send(response, STATUS[code] ?? 500, { error: { code, message } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeKaizen = {
    url: `http://127.0.0.1:${port}`,
    apiKey: 'kz_test_key',
    registry: new FakePromptRegistry(),
    spans: [],
    requests: [],
    failWith: null,
    rejectSpansWith: null,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
