// How a Span maps to a row of the `spans` table and back, the same for both dialects.
import { KaizenError, type Span, type SpanIO, type SpanKind, type SpanStatus } from '@kaizen/core';
import { isoToMicros, microsToIso } from './time.js';

/** A value as the drivers bind it. */
export type SqlValue = string | number | null;

/** Every column but project_id (bound once per statement), in the order `spanToValues` produces them. */
export const SPAN_COLUMNS = [
  'trace_id',
  'span_id',
  'parent_span_id',
  'name',
  'kind',
  'start_time',
  'end_time',
  'duration_ms',
  'status',
  'status_message',
  'model',
  'provider',
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'cost_usd',
  'prompt_name',
  'prompt_version',
  'environment',
  'session_id',
  'user_id',
  'input',
  'output',
  'attributes',
] as const;

const HEAVY_COLUMNS: ReadonlySet<string> = new Set(['input', 'output', 'attributes']);

/** What summarizeTrace needs: everything but the payloads, so re-reading a trace stays cheap. */
export const LIGHT_SPAN_COLUMNS = SPAN_COLUMNS.filter((column) => !HEAVY_COLUMNS.has(column));

/** A `spans` row as read back; the column types are the schema's, so the drivers already return these types. */
export interface SpanRecord {
  readonly trace_id: string;
  readonly span_id: string;
  readonly parent_span_id: string | null;
  readonly name: string;
  readonly kind: string;
  readonly start_time: number;
  readonly end_time: number;
  readonly duration_ms: number;
  readonly status: string;
  readonly status_message: string | null;
  readonly model: string | null;
  readonly provider: string | null;
  readonly input_tokens: number | null;
  readonly output_tokens: number | null;
  readonly total_tokens: number | null;
  readonly cost_usd: number | null;
  readonly input?: string | null;
  readonly output?: string | null;
  readonly prompt_name: string | null;
  readonly prompt_version: string | null;
  readonly environment: string | null;
  readonly session_id: string | null;
  readonly user_id: string | null;
  readonly attributes?: string;
}

function toJson(value: unknown, field: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new KaizenError('invalid_input', `span ${field} is not serialisable as JSON: ${String(error)}`, {
      cause: error,
    });
  }
}

/** The span's values in SPAN_COLUMNS order. Throws `invalid_input` on an unparseable time or unserialisable JSON. */
export function spanToValues(span: Span): SqlValue[] {
  return [
    span.traceId,
    span.spanId,
    span.parentSpanId,
    span.name,
    span.kind,
    isoToMicros(span.startTime, 'startTime'),
    isoToMicros(span.endTime, 'endTime'),
    span.durationMs,
    span.status,
    span.statusMessage,
    span.model,
    span.provider,
    span.inputTokens,
    span.outputTokens,
    span.totalTokens,
    span.costUsd,
    span.promptName,
    span.promptVersion,
    span.environment,
    span.sessionId,
    span.userId,
    span.input === null ? null : toJson(span.input, 'input'),
    span.output === null ? null : toJson(span.output, 'output'),
    toJson(span.attributes, 'attributes'),
  ];
}

function parseIo(text: string | null | undefined): SpanIO | null {
  // Written by spanToValues from a SpanIO, so the parsed value has that shape.
  return text === null || text === undefined ? null : (JSON.parse(text) as SpanIO);
}

/**
 * A Span from a row. Rows read with LIGHT_SPAN_COLUMNS give `input`/`output` null and empty attributes, which is
 * all summarizeTrace looks at.
 */
export function recordToSpan(record: SpanRecord): Span {
  return {
    traceId: record.trace_id,
    spanId: record.span_id,
    parentSpanId: record.parent_span_id,
    name: record.name,
    // CHECK constraints in the schema hold these to SPAN_KINDS and SPAN_STATUSES.
    kind: record.kind as SpanKind,
    startTime: microsToIso(record.start_time),
    endTime: microsToIso(record.end_time),
    durationMs: record.duration_ms,
    status: record.status as SpanStatus,
    statusMessage: record.status_message,
    model: record.model,
    provider: record.provider,
    inputTokens: record.input_tokens,
    outputTokens: record.output_tokens,
    totalTokens: record.total_tokens,
    costUsd: record.cost_usd,
    input: parseIo(record.input),
    output: parseIo(record.output),
    promptName: record.prompt_name,
    promptVersion: record.prompt_version,
    environment: record.environment,
    sessionId: record.session_id,
    userId: record.user_id,
    attributes:
      record.attributes === undefined ? {} : (JSON.parse(record.attributes) as Readonly<Record<string, unknown>>),
  };
}
