// A local HTTP server that answers with recorded provider responses, in order, and keeps what it was sent.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedResponse } from './recording.js';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>/v1`, the shape both OpenAI and Anthropic clients expect as base URL. */
  readonly baseURL: string;
  readonly requests: readonly ReceivedRequest[];
  close(): Promise<void>;
}

/** Headers that described the upstream transfer, not the body we send (bodies in the fixtures are decoded). */
const HOP_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length', 'connection']);

function bodyOf(response: RecordedResponse): string {
  if (response.sse_raw !== undefined) return response.sse_raw;
  if (response.json !== undefined) return JSON.stringify(response.json);
  return response.text ?? '';
}

function contentTypeOf(response: RecordedResponse): string {
  if (response.sse_raw !== undefined) return 'text/event-stream';
  return response.headers['content-type'] ?? 'application/json';
}

/**
 * Serves `responses` one per request; a request beyond them gets a 500 whose message names the problem, so an
 * unexpected extra call fails the test loudly instead of hanging.
 */
export async function startReplayServer(responses: readonly RecordedResponse[]): Promise<ReplayServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, reply) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      });
      const next = responses[requests.length - 1];
      if (next === undefined) {
        reply.writeHead(500, { 'content-type': 'application/json' });
        reply.end(JSON.stringify({ error: { message: `replay server: no recorded response #${requests.length}` } }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(next.headers)) if (!HOP_HEADERS.has(key)) headers[key] = value;
      headers['content-type'] = contentTypeOf(next);
      reply.writeHead(next.status, headers);
      reply.end(bodyOf(next));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
