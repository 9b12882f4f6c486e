// Reads Content-Type and Content-Encoding of OTLP requests; anything we cannot decode is a 415.
import { KaizenError } from '@kaizen/core';
import type { OtlpFormat } from '../ingest/process-batch.js';

export type { OtlpFormat };
export type BodyEncoding = 'identity' | 'gzip' | 'deflate';

/** The body format, or null for a content type OTLP/HTTP does not define (parameters like charset are ignored). */
export function otlpFormat(contentType: string | undefined): OtlpFormat | null {
  if (contentType === undefined) return null;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType === 'application/json') return 'json';
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  return null;
}

export function bodyEncoding(contentEncoding: string | undefined): BodyEncoding {
  if (contentEncoding === undefined) return 'identity';
  const encoding = contentEncoding.trim().toLowerCase();
  if (encoding === '' || encoding === 'identity' || encoding === 'none') return 'identity';
  if (encoding === 'gzip' || encoding === 'x-gzip') return 'gzip';
  if (encoding === 'deflate') return 'deflate';
  throw new KaizenError(
    'unsupported_media_type',
    `Content-Encoding "${contentEncoding}" is not supported: send gzip, deflate or an uncompressed body`,
  );
}
