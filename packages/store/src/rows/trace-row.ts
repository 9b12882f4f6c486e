// How a TraceSummary maps to a row of the `traces` table and back, the same for both dialects.
import type { SpanStatus, TraceSummary } from '@kaizen/core';
import type { SqlValue } from './span-row.js';
import { isoToMicros, microsToIso } from './time.js';

/** Every column but project_id, in the order `summaryToValues` produces them. */
export const TRACE_COLUMNS = [
  'trace_id',
  'root_name',
  'start_time',
  'end_time',
  'duration_ms',
  'models',
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'cost_usd',
  'status',
  'environment',
  'prompt_name',
  'prompt_version',
  'session_id',
  'user_id',
  'span_count',
] as const;

export interface TraceRecord {
  readonly trace_id: string;
  readonly root_name: string;
  readonly start_time: number;
  readonly end_time: number;
  readonly duration_ms: number;
  readonly models: string;
  readonly input_tokens: number | null;
  readonly output_tokens: number | null;
  readonly total_tokens: number | null;
  readonly cost_usd: number | null;
  readonly status: string;
  readonly environment: string | null;
  readonly prompt_name: string | null;
  readonly prompt_version: string | null;
  readonly session_id: string | null;
  readonly user_id: string | null;
  readonly span_count: number;
}

export function summaryToValues(summary: TraceSummary): SqlValue[] {
  return [
    summary.traceId,
    summary.rootName,
    isoToMicros(summary.startTime, 'startTime'),
    isoToMicros(summary.endTime, 'endTime'),
    summary.durationMs,
    JSON.stringify(summary.models),
    summary.inputTokens,
    summary.outputTokens,
    summary.totalTokens,
    summary.costUsd,
    summary.status,
    summary.environment,
    summary.promptName,
    summary.promptVersion,
    summary.sessionId,
    summary.userId,
    summary.spanCount,
  ];
}

export function recordToSummary(record: TraceRecord): TraceSummary {
  return {
    traceId: record.trace_id,
    rootName: record.root_name,
    startTime: microsToIso(record.start_time),
    endTime: microsToIso(record.end_time),
    durationMs: record.duration_ms,
    // Written by summaryToValues from a string array.
    models: JSON.parse(record.models) as string[],
    inputTokens: record.input_tokens,
    outputTokens: record.output_tokens,
    totalTokens: record.total_tokens,
    costUsd: record.cost_usd,
    // A CHECK constraint holds status to SPAN_STATUSES.
    status: record.status as SpanStatus,
    environment: record.environment,
    promptName: record.prompt_name,
    promptVersion: record.prompt_version,
    sessionId: record.session_id,
    userId: record.user_id,
    spanCount: record.span_count,
  };
}
