// The normalised span: one model for every convention Kaizen ingests (GenAI, OpenInference, AI SDK, OpenLLMetry, Langfuse).

export const SPAN_KINDS = ['llm', 'agent', 'tool', 'chain', 'retriever', 'embedding', 'other'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export const SPAN_STATUSES = ['ok', 'error'] as const;
export type SpanStatus = (typeof SPAN_STATUSES)[number];

/** One chat message. `content` is text; tool calls and other non-text parts are kept in `toolCalls`/`parts`. */
export interface Message {
  readonly role: string;
  readonly content: string;
  readonly toolCalls?: readonly ToolCall[];
  readonly toolCallId?: string;
  readonly name?: string;
}

export interface ToolCall {
  readonly id?: string;
  readonly name: string;
  /** The arguments as sent: usually a JSON string. */
  readonly arguments: string;
}

/** Either a list of chat messages or a plain string (a completion prompt, a tool argument, a chain input). */
export type SpanIO = readonly Message[] | string;

/**
 * A span after normalisation. This is also the JSON shape the API returns for a span.
 *
 * @example
 * const span: Span = { traceId: '4bf9…', spanId: '00f0…', kind: 'llm', model: 'gpt-4o-mini', inputTokens: 30, … };
 */
export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: SpanKind;
  /** ISO 8601 with millisecond precision (UTC). */
  readonly startTime: string;
  readonly endTime: string;
  /** From the nanosecond timestamps, so it keeps sub-millisecond precision. */
  readonly durationMs: number;
  readonly status: SpanStatus;
  readonly statusMessage: string | null;
  readonly model: string | null;
  readonly provider: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly totalTokens: number | null;
  /** Reported by the span, or computed from the price table; null when the model's price is unknown. */
  readonly costUsd: number | null;
  readonly input: SpanIO | null;
  readonly output: SpanIO | null;
  readonly promptName: string | null;
  readonly promptVersion: string | null;
  readonly environment: string | null;
  readonly sessionId: string | null;
  readonly userId: string | null;
  /**
   * Every span attribute as received (raw), plus the resource attributes, scope and events under the reserved keys
   * `kaizen.resource`, `kaizen.scope`, `kaizen.events` (RESERVED_ATTRIBUTE_KEYS in span-attributes.ts). Left out:
   * the content attributes whose whole content `input` or `output` holds (`gen_ai.input.messages`, …), so content is
   * stored once; one that holds more than the message model keeps (finish reasons, reasoning) stays (span-content.ts).
   */
  readonly attributes: Readonly<Record<string, unknown>>;
}
