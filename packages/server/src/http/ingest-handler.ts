// The raw node:http handler of the OTLP routes: auth, limits, decode, normalise, one durable insert, then the ack.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KaizenError } from '@kaizen/core';
import type { Store } from '@kaizen/store';
import type { BatchProcessor } from '../ingest/process-batch.js';
import { attachModelCalls } from '../metrics/ingest-metrics.js';
import { describeRejections, type RejectedSpan } from '../otlp/decode-result.js';
import { exportResponseJson, exportResponseProtobuf, type PartialSuccess } from '../otlp/export-response.js';
import type { ApiKeyResolver } from './api-key-resolver.js';
import type { ConcurrencyGate } from './concurrency-gate.js';
import { bodyEncoding, type OtlpFormat, otlpFormat } from './content-negotiation.js';
import { extractApiKey } from './credentials.js';
import { ClientAbortedError, decodeBody, readBody } from './read-body.js';
import { sendOtlpError } from './send-otlp-error.js';

export interface IngestHandlerOptions {
  readonly store: Store;
  readonly resolver: ApiKeyResolver;
  readonly gate: ConcurrencyGate;
  readonly processor: BatchProcessor;
  readonly maxBodyBytes: number;
  readonly maxInflatedBytes: number;
  readonly logger: (line: string) => void;
}

export type RawHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function createIngestHandler(options: IngestHandlerOptions): RawHandler {
  async function authenticate(request: IncomingMessage): Promise<string> {
    const key = extractApiKey(request.headers);
    if (key === null) {
      throw new KaizenError(
        'unauthorized',
        'missing API key: send "Authorization: Bearer <key>" or "x-kaizen-api-key"',
      );
    }
    const project = await options.resolver.resolve(key);
    if (project === null) throw new KaizenError('unauthorized', 'invalid API key');
    return project.id;
  }

  async function ingest(request: IncomingMessage, response: ServerResponse, format: OtlpFormat): Promise<void> {
    const projectId = await authenticate(request);
    const encoding = bodyEncoding(request.headers['content-encoding']);
    if (!options.gate.tryAcquire()) {
      throw new KaizenError('overloaded', 'too many concurrent export requests: retry after the Retry-After delay');
    }
    try {
      // Up to twice the limit is read before the 413, so a slightly oversized batch gets its answer (readBody).
      const raw = await readBody(request, options.maxBodyBytes, 2 * options.maxBodyBytes);
      const body = await decodeBody(raw, encoding, options.maxInflatedBytes);
      const batch = await options.processor.process(format, body);
      attachModelCalls(batch.spans, batch.modelCalls);
      // The ack waits for the store: a 2xx means the spans are durable (the store resolves after its commit).
      if (batch.spans.rows.length > 0) await options.store.insertSpans(projectId, batch.spans);
      sendExportResponse(response, format, partialSuccess(batch.rejected));
    } finally {
      options.gate.release();
    }
  }

  return (request, response) => {
    const format = otlpFormat(request.headers['content-type']);
    const handled =
      format === null
        ? authenticate(request).then(() => {
            throw new KaizenError(
              'unsupported_media_type',
              `Content-Type "${request.headers['content-type'] ?? ''}" is not supported: send application/json or application/x-protobuf`,
            );
          })
        : ingest(request, response, format);
    handled.catch((error: unknown) => {
      if (error instanceof ClientAbortedError) {
        response.destroy();
        return;
      }
      sendOtlpError(request, response, format ?? 'json', error, options.logger);
    });
  };
}

function partialSuccess(rejected: readonly RejectedSpan[]): PartialSuccess | null {
  if (rejected.length === 0) return null;
  return { rejectedSpans: rejected.length, errorMessage: describeRejections(rejected) };
}

function sendExportResponse(response: ServerResponse, format: OtlpFormat, partial: PartialSuccess | null): void {
  const body = format === 'json' ? exportResponseJson(partial) : exportResponseProtobuf(partial);
  response.writeHead(200, {
    'content-type': format === 'json' ? 'application/json' : 'application/x-protobuf',
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  });
  response.end(body);
}
