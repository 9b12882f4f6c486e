// Writes an OTLP error response: google.rpc.Status in the request's format, with the status from the one table.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusJson, statusProtobuf } from '../otlp/export-response.js';
import type { OtlpFormat } from './content-negotiation.js';
import { errorHeaders, toErrorResponse } from './error-status.js';

export function sendOtlpError(
  request: IncomingMessage,
  response: ServerResponse,
  format: OtlpFormat,
  error: unknown,
  logger: (line: string) => void,
): void {
  const answer = toErrorResponse(error);
  if (answer.unexpected)
    logger(`ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body =
    format === 'json'
      ? statusJson(answer.status.grpc, answer.message)
      : statusProtobuf(answer.status.grpc, answer.message);
  const headers: Record<string, string | number> = {
    ...errorHeaders(answer),
    'content-type': format === 'json' ? 'application/json' : 'application/x-protobuf',
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  };
  // An unread body (rejected before or while reading it) must not be drained on a kept-alive socket: close instead.
  if (!request.complete) headers.connection = 'close';
  response.writeHead(answer.status.http, headers);
  response.end(body);
}
