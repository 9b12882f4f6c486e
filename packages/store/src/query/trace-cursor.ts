// The opaque keyset cursor of the trace list: the last row's (start_time, trace_id), base64url-encoded JSON.
import { KaizenError } from '@kaizen/core';

export interface TraceCursor {
  readonly startTime: number;
  readonly traceId: string;
}

export function encodeTraceCursor(cursor: TraceCursor): string {
  return Buffer.from(JSON.stringify([cursor.startTime, cursor.traceId]), 'utf8').toString('base64url');
}

/** Throws `invalid_input` for anything encodeTraceCursor did not make. */
export function decodeTraceCursor(text: string): TraceCursor {
  const invalid = () =>
    new KaizenError('invalid_input', 'cursor is not valid: pass the nextCursor of a previous page unchanged');
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalid();
  const [startTime, traceId]: unknown[] = value;
  if (typeof startTime !== 'number' || !Number.isSafeInteger(startTime) || typeof traceId !== 'string') {
    throw invalid();
  }
  return { startTime, traceId };
}
