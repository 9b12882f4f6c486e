// A stand-in OTLP/protobuf receiver on 127.0.0.1:0 that keeps the raw spans it gets, or refuses them on demand.
// Only the tracing tests use it: they look at spans as exported and need a server that rejects spans and then
// takes them again, which the real server does not do on demand. Prompt and trace API tests use the real server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OtlpSpan } from '@kaizen/core';
import { decodeOtlpProtobuf } from '@kaizen/server';

export interface OtlpReceiver {
  readonly url: string;
  readonly apiKey: string;
  /** Every span received, decoded, in arrival order. */
  readonly spans: OtlpSpan[];
  /** When set, `/v1/traces` answers this status and keeps nothing (400: not retried by exporters). */
  rejectSpansWith: number | null;
  close(): Promise<void>;
}

async function receive(receiver: OtlpReceiver, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (request.url !== '/v1/traces' || receiver.rejectSpansWith !== null) {
    const status = receiver.rejectSpansWith ?? 404;
    const body = { error: { code: 'invalid_input', message: 'rejected on purpose' } };
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  receiver.spans.push(...decodeOtlpProtobuf(Buffer.concat(chunks)).spans);
  response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
}

/**
 * @example
 * const receiver = await startOtlpReceiver();
 * const client = init({ url: receiver.url, apiKey: receiver.apiKey, environment: 'production' });
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const server = createServer((request, response) => {
    receive(receiver, request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: OtlpReceiver = {
    url: `http://127.0.0.1:${port}`,
    apiKey: 'kz_test_key',
    spans: [],
    rejectSpansWith: null,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
