// Validates a TraceQuery once, so both dialects build their SQL from the same checked values.
import { KaizenError } from '@kaizen/core';
import { isoToMicros } from '../rows/time.js';
import type { TraceQuery } from '../store.js';
import { decodeTraceCursor, type TraceCursor } from './trace-cursor.js';

export const DEFAULT_TRACE_LIMIT = 50;
export const MAX_TRACE_LIMIT = 1000;

export interface TraceListFilter {
  readonly fromMicros: number | null;
  readonly toMicros: number | null;
  readonly environment: string | null;
  readonly status: 'ok' | 'error' | null;
  readonly model: string | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
  /** A LIKE pattern with `\` as escape character, already wrapped in `%…%`. */
  readonly searchPattern: string | null;
  readonly limit: number;
  readonly after: TraceCursor | null;
}

/** `%`, `_` and the escape character itself match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function parseLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_TRACE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRACE_LIMIT) {
    throw new KaizenError('invalid_input', `limit must be an integer from 1 to ${MAX_TRACE_LIMIT}, got ${limit}`);
  }
  return limit;
}

/**
 * @example
 * parseTraceQuery({ status: 'error', limit: 20 }); // { status: 'error', limit: 20, fromMicros: null, … }
 */
export function parseTraceQuery(query: TraceQuery): TraceListFilter {
  if (query.status !== undefined && query.status !== 'ok' && query.status !== 'error') {
    throw new KaizenError('invalid_input', `status must be "ok" or "error", got "${String(query.status)}"`);
  }
  return {
    fromMicros: query.from === undefined ? null : isoToMicros(query.from, 'from'),
    toMicros: query.to === undefined ? null : isoToMicros(query.to, 'to'),
    environment: query.environment ?? null,
    status: query.status ?? null,
    model: query.model ?? null,
    promptName: query.promptName ?? null,
    promptVersion: query.promptVersion ?? null,
    // Input and output are stored as JSON text, so search for the text the way JSON writes it (quotes, newlines).
    searchPattern:
      query.q === undefined || query.q === '' ? null : `%${escapeLike(JSON.stringify(query.q).slice(1, -1))}%`,
    limit: parseLimit(query.limit),
    after: query.cursor === undefined ? null : decodeTraceCursor(query.cursor),
  };
}
