// Applies a Redactor to every stored string of a normalised span: the last step before a span is encoded and stored.
import type { Message, Span, SpanIO, ToolCall } from '../span.js';
import type { Redactor } from './compile-redactor.js';
import type { RedactionCounts } from './text-rule.js';

function redactToolCall(redactor: Redactor, call: ToolCall, counts: RedactionCounts): ToolCall {
  const name = redactor.redactText(call.name, counts);
  const args = redactor.redactText(call.arguments, counts);
  const id = call.id === undefined ? undefined : redactor.redactText(call.id, counts);
  if (name === call.name && args === call.arguments && id === call.id) return call;
  return { ...call, name, arguments: args, ...(id !== undefined ? { id } : {}) };
}

function redactMessage(redactor: Redactor, message: Message, counts: RedactionCounts): Message {
  const content = redactor.redactText(message.content, counts);
  const name = message.name === undefined ? undefined : redactor.redactText(message.name, counts);
  const toolCallId = message.toolCallId === undefined ? undefined : redactor.redactText(message.toolCallId, counts);
  let toolCalls = message.toolCalls;
  if (toolCalls !== undefined) {
    const redacted = toolCalls.map((call) => redactToolCall(redactor, call, counts));
    if (redacted.some((call, index) => call !== toolCalls?.[index])) toolCalls = redacted;
  }
  if (
    content === message.content &&
    name === message.name &&
    toolCallId === message.toolCallId &&
    toolCalls === message.toolCalls
  ) {
    return message;
  }
  return {
    ...message,
    content,
    ...(name !== undefined ? { name } : {}),
    ...(toolCallId !== undefined ? { toolCallId } : {}),
    ...(toolCalls !== undefined ? { toolCalls } : {}),
  };
}

function redactIo(redactor: Redactor, io: SpanIO | null, counts: RedactionCounts): SpanIO | null {
  if (io === null) return null;
  if (typeof io === 'string') return redactor.redactText(io, counts);
  let copy: Message[] | undefined;
  for (let index = 0; index < io.length; index++) {
    const message = io[index] as Message;
    const next = redactMessage(redactor, message, counts);
    if (next !== message && copy === undefined) copy = io.slice(0, index);
    copy?.push(next);
  }
  return copy ?? io;
}

function redactNullable(redactor: Redactor, text: string | null, counts: RedactionCounts): string | null {
  return text === null ? null : redactor.redactText(text, counts);
}

/**
 * The span with every stored string redacted: name, status message, model, provider, prompt name and version,
 * environment, session and user ids, input and output (message contents, names, tool call names, ids and
 * arguments), and the attributes at every depth (resource, scope and events included, key rules applied). Ids,
 * times, kind and status are structural and left as they are. Returns the same span when nothing changed.
 *
 * @example
 * const counts = {};
 * const stored = redactSpan(compileRedactor(config), normalizeSpan(otlpSpan, { prices }), counts);
 */
export function redactSpan(redactor: Redactor, span: Span, counts: RedactionCounts): Span {
  if (!redactor.enabled) return span;
  const name = redactor.redactText(span.name, counts);
  const statusMessage = redactNullable(redactor, span.statusMessage, counts);
  const model = redactNullable(redactor, span.model, counts);
  const provider = redactNullable(redactor, span.provider, counts);
  const input = redactIo(redactor, span.input, counts);
  const output = redactIo(redactor, span.output, counts);
  const promptName = redactNullable(redactor, span.promptName, counts);
  const promptVersion = redactNullable(redactor, span.promptVersion, counts);
  const environment = redactNullable(redactor, span.environment, counts);
  const sessionId = redactNullable(redactor, span.sessionId, counts);
  const userId = redactNullable(redactor, span.userId, counts);
  const attributes = redactor.redactValue(span.attributes, counts) as Span['attributes'];
  const unchanged =
    name === span.name &&
    statusMessage === span.statusMessage &&
    model === span.model &&
    provider === span.provider &&
    input === span.input &&
    output === span.output &&
    promptName === span.promptName &&
    promptVersion === span.promptVersion &&
    environment === span.environment &&
    sessionId === span.sessionId &&
    userId === span.userId &&
    attributes === span.attributes;
  if (unchanged) return span;
  return {
    ...span,
    name,
    statusMessage,
    model,
    provider,
    input,
    output,
    promptName,
    promptVersion,
    environment,
    sessionId,
    userId,
    attributes,
  };
}
