// The model calls of an encoded ingest batch, read from the column values the batch worker already produced.
import type { Span } from '@kaizen/core';
import { type EncodedSpans, encodeSpans } from '@kaizen/store';

/** What the LLM metrics count of one model call. */
export interface ModelCall {
  readonly model: string | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
  readonly environment: string | null;
  readonly durationMs: number;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
}

type ColumnName = keyof typeof PROBE_MARKERS;

/**
 * Marker values of a probe span: encoding it shows where each column sits in a row. @kaizen/store keeps its column
 * order private, and this way the metrics follow it should it change instead of silently reading the wrong column.
 */
const PROBE_MARKERS = {
  spanId: 'aaaaaaaaaaaaaaab',
  parentSpanId: 'aaaaaaaaaaaaaaac',
  kind: 'llm',
  durationMs: 7001.5,
  model: '\u0001model',
  inputTokens: 7002,
  outputTokens: 7003,
  costUsd: 7004.5,
  promptName: '\u0001prompt',
  promptVersion: '\u0001version',
  environment: '\u0001environment',
} as const;

function probeColumns(): Readonly<Record<ColumnName, number>> {
  const span: Span = {
    traceId: 'a'.repeat(32),
    name: '\u0001name',
    startTime: '2025-01-01T00:00:00.000Z',
    endTime: '2025-01-01T00:00:07.001Z',
    status: 'ok',
    statusMessage: null,
    provider: null,
    totalTokens: 7099,
    input: null,
    output: null,
    sessionId: null,
    userId: null,
    attributes: {},
    ...PROBE_MARKERS,
  };
  const row = encodeSpans([span]).rows[0] ?? [];
  const columns = {} as Record<ColumnName, number>;
  for (const [name, marker] of Object.entries(PROBE_MARKERS) as [ColumnName, string | number][]) {
    const index = row.indexOf(marker);
    if (index < 0) throw new Error(`metrics: encoded spans no longer carry the ${name} column as a plain value`);
    columns[name] = index;
  }
  return columns;
}

const COLUMN = probeColumns();
const MODEL_KINDS: ReadonlySet<unknown> = new Set(['llm', 'embedding']);

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function hasUsage(row: readonly unknown[]): boolean {
  return row[COLUMN.inputTokens] != null || row[COLUMN.outputTokens] != null || row[COLUMN.costUsd] != null;
}

/**
 * Spans of the batch whose usage a descendant in the batch also carries (summarizeTrace's rule): an aggregate such
 * as a generation wrapping its retries. Span ids are random 64-bit values, so one map over the batch serves every
 * trace in it.
 */
function aggregatesOf(rows: readonly (readonly unknown[])[]): Set<unknown> {
  const parentOf = new Map<unknown, unknown>();
  for (const row of rows) parentOf.set(row[COLUMN.spanId], row[COLUMN.parentSpanId]);
  const aggregates = new Set<unknown>();
  for (const row of rows) {
    if (!MODEL_KINDS.has(row[COLUMN.kind]) || !hasUsage(row)) continue;
    // A walk longer than the batch is a cycle in bad data: stop there.
    let steps = rows.length;
    let ancestor = row[COLUMN.parentSpanId];
    while (ancestor != null && steps > 0 && parentOf.has(ancestor)) {
      aggregates.add(ancestor);
      ancestor = parentOf.get(ancestor);
      steps -= 1;
    }
  }
  return aggregates;
}

/**
 * The batch's model calls (spans of kind `llm` or `embedding`), each once: a span repeated in the batch counts as
 * its first copy (the one the store writes), and a model span whose descendant in the batch carries usage is an
 * aggregate and is skipped. Agent and chain spans are never counted: frameworks repeat their model calls' summed
 * usage there (the AI SDK's `ai.generateText`, `invoke_agent`), and their children may come in an earlier batch.
 *
 * @example
 * for (const call of modelCalls(batch.spans)) tokens.inc({ model: call.model ?? '' }, call.inputTokens ?? 0);
 */
export function modelCalls(spans: EncodedSpans): ModelCall[] {
  const rows = spans.rows;
  let modelRows = 0;
  for (const row of rows) if (MODEL_KINDS.has(row[COLUMN.kind])) modelRows += 1;
  if (modelRows === 0) return [];
  // Only a batch with two model spans can hold one inside the other.
  const aggregates = modelRows > 1 ? aggregatesOf(rows) : null;
  const seen = new Set<unknown>();
  const calls: ModelCall[] = [];
  for (const row of rows) {
    if (!MODEL_KINDS.has(row[COLUMN.kind])) continue;
    const spanId = row[COLUMN.spanId];
    if (seen.has(spanId) || aggregates?.has(spanId) === true) continue;
    seen.add(spanId);
    calls.push({
      model: text(row[COLUMN.model]),
      promptName: text(row[COLUMN.promptName]),
      promptVersion: text(row[COLUMN.promptVersion]),
      environment: text(row[COLUMN.environment]),
      durationMs: number(row[COLUMN.durationMs]) ?? 0,
      inputTokens: number(row[COLUMN.inputTokens]),
      outputTokens: number(row[COLUMN.outputTokens]),
      costUsd: number(row[COLUMN.costUsd]),
    });
  }
  return calls;
}
