// What agent criteria read from a span tree: tool calls, model calls, steps, the final answer text.
import type { Span, SpanIO, SpanKind } from '../trace/span.js';

/** A tool call seen in the trace: from a model's output (the arguments it chose) or a tool span (the execution). */
export interface ObservedToolCall {
  readonly name: string;
  /** As sent, usually a JSON string; null when the span did not record them. */
  readonly arguments: string | null;
  readonly id: string | null;
  readonly spanId: string;
}

const TOOL_NAME_KEYS = ['gen_ai.tool.name', 'ai.toolCall.name', 'tool.name', 'traceloop.entity.name'];
const TOOL_CALL_ID_KEYS = ['gen_ai.tool.call.id', 'ai.toolCall.id', 'tool_call.id'];

function firstString(span: Span, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

function byStart(spans: readonly Span[]): Span[] {
  return [...spans].sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
}

/** Spans of `kind` that have no descendant of the same kind: wrappers repeat their children and would count twice. */
export function leafSpansOfKind(spans: readonly Span[], kind: SpanKind): Span[] {
  const parentOf = new Map(spans.map((span) => [span.spanId, span.parentSpanId]));
  const wrappers = new Set<string>();
  for (const span of spans) {
    if (span.kind !== kind) continue;
    const seen = new Set([span.spanId]);
    let ancestor = span.parentSpanId;
    while (ancestor !== null && !seen.has(ancestor)) {
      wrappers.add(ancestor);
      seen.add(ancestor);
      ancestor = parentOf.get(ancestor) ?? null;
    }
  }
  return byStart(spans.filter((span) => span.kind === kind && !wrappers.has(span.spanId)));
}

/**
 * Tool calls in start order: those in model outputs, then tool spans not already seen by call id.
 * @example
 * observeToolCalls(spans).map((call) => call.name); // ['search', 'get_weather']
 */
export function observeToolCalls(spans: readonly Span[]): ObservedToolCall[] {
  const calls: ObservedToolCall[] = [];
  const seenIds = new Set<string>();
  const ordered = byStart(spans);
  for (const span of ordered) {
    if (span.kind !== 'llm' || span.output === null || typeof span.output === 'string') continue;
    for (const message of span.output) {
      for (const call of message.toolCalls ?? []) {
        if (call.id !== undefined) seenIds.add(call.id);
        calls.push({ name: call.name, arguments: call.arguments, id: call.id ?? null, spanId: span.spanId });
      }
    }
  }
  for (const span of ordered) {
    if (span.kind !== 'tool') continue;
    const id = firstString(span, TOOL_CALL_ID_KEYS);
    if (id !== null && seenIds.has(id)) continue;
    const name = firstString(span, TOOL_NAME_KEYS) ?? span.name.replace(/^execute_tool\s+/, '');
    calls.push({ name, arguments: typeof span.input === 'string' ? span.input : null, id, spanId: span.spanId });
  }
  return calls;
}

/**
 * The text of an input or output: a string as is; messages as their non-empty contents joined by newlines
 * (tool-call-only messages contribute nothing).
 * @example
 * spanText([{ role: 'assistant', content: 'Paris.' }]); // 'Paris.'
 */
export function spanText(io: SpanIO | null): string {
  if (io === null) return '';
  if (typeof io === 'string') return io;
  return io
    .map((message) => message.content)
    .filter((content) => content.trim() !== '')
    .join('\n');
}
