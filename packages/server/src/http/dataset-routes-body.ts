// Reads a dataset file sent as the raw request body (JSONL, CSV or a JSON array), with its own, larger size limit:
// real pages make datasets of many megabytes, while JSON API bodies stay at 1 MiB.
import { KaizenError } from '@kaizen/core';
import type { DatasetFileFormat } from '@kaizen/store';
import type { Context } from 'hono';

export const MAX_DATASET_FILE_BYTES = 64 * 1024 * 1024;

const FORMAT_BY_TYPE: Readonly<Record<string, DatasetFileFormat>> = {
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'text/csv': 'csv',
  'application/json': 'json',
};

/** The file's format: the `format` query parameter, else the Content-Type. */
export function datasetFileFormat(c: Context): DatasetFileFormat {
  const named = c.req.query('format');
  if (named !== undefined) {
    if (named === 'jsonl' || named === 'csv' || named === 'json') return named;
    throw new KaizenError('invalid_input', `query parameter "format": expected jsonl, csv or json, got "${named}"`);
  }
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FORMAT_BY_TYPE[type];
  if (format === undefined) {
    throw new KaizenError(
      'unsupported_media_type',
      `send the file as application/x-ndjson, text/csv or application/json, or name it with ?format= (got "${type.slice(0, 80)}")`,
    );
  }
  return format;
}

/** The body as UTF-8 text, refused as soon as it passes the limit (a missing Content-Length does not bypass it). */
export async function readDatasetFile(c: Context, maxBytes = MAX_DATASET_FILE_BYTES): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxBytes) throw new KaizenError('payload_too_large', `dataset file over ${maxBytes} bytes`);
  const body = c.req.raw.body;
  if (body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new KaizenError('payload_too_large', `dataset file over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new KaizenError('invalid_input', 'the dataset file is not valid UTF-8');
  }
}
