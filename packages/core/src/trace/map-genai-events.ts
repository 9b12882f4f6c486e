// Reads GenAI content sent as span events: per-message events (semconv 1.28–1.36) and gen_ai.content.* (≤ 1.27).
import type { Attributes, OtlpEvent } from './otlp-span.js';
import { toMessages, toSpanIO, withContentParts } from './parse-messages.js';
import { asRecord, asText, field, readJson, type UnknownRecord } from './read-attributes.js';
import type { Message, SpanIO } from './span.js';

const ROLE_OF_EVENT: Readonly<Record<string, string>> = {
  'gen_ai.system.message': 'system',
  'gen_ai.user.message': 'user',
  'gen_ai.assistant.message': 'assistant',
  'gen_ai.tool.message': 'tool',
};

/** The log-record form puts the message in `body` (structured or JSON); span events put its fields in attributes. */
function eventBody(attributes: Attributes): UnknownRecord {
  return asRecord(readJson(field(attributes, 'body'))) ?? attributes;
}

function toEventMessages(record: UnknownRecord, defaultRole: string): Message[] | undefined {
  const role = asText(field(record, 'role')) ?? defaultRole;
  return toMessages(
    withContentParts({
      role,
      content: field(record, 'content'),
      tool_calls: readJson(field(record, 'tool_calls')),
      // A tool message names the call it answers in `id`.
      tool_call_id: field(record, 'tool_call_id') ?? (role === 'tool' ? field(record, 'id') : undefined),
      name: field(record, 'name'),
    }),
  );
}

function contentEvent(events: readonly OtlpEvent[], eventName: string, key: string): SpanIO | undefined {
  const event = events.find((candidate) => candidate.name === eventName);
  return event !== undefined ? toSpanIO(field(event.attributes, key)) : undefined;
}

/**
 * Input messages from `gen_ai.{system,user,assistant,tool}.message` events in order, else the
 * `gen_ai.content.prompt` event's `gen_ai.prompt`.
 *
 * @example
 * genAiEventInput([{ name: 'gen_ai.user.message', timeUnixNano: '1', attributes: { content: 'Hi' } }]);
 * // [{ role: 'user', content: 'Hi' }]
 */
export function genAiEventInput(events: readonly OtlpEvent[]): SpanIO | undefined {
  const messages: Message[] = [];
  for (const event of events) {
    const role = Object.hasOwn(ROLE_OF_EVENT, event.name) ? ROLE_OF_EVENT[event.name] : undefined;
    if (role === undefined) continue;
    messages.push(...(toEventMessages(eventBody(event.attributes), role) ?? []));
  }
  if (messages.length > 0) return messages;
  return contentEvent(events, 'gen_ai.content.prompt', 'gen_ai.prompt');
}

/**
 * Output messages from `gen_ai.choice` events (their `message`, structured or JSON), else the
 * `gen_ai.content.completion` event's `gen_ai.completion`.
 *
 * @example
 * genAiEventOutput([{ name: 'gen_ai.choice', timeUnixNano: '1', attributes: { message: '{"content":"Hello"}' } }]);
 * // [{ role: 'assistant', content: 'Hello' }]
 */
export function genAiEventOutput(events: readonly OtlpEvent[]): SpanIO | undefined {
  const messages: Message[] = [];
  for (const event of events) {
    if (event.name !== 'gen_ai.choice') continue;
    const body = eventBody(event.attributes);
    const message = asRecord(readJson(field(body, 'message'))) ?? body;
    messages.push(...(toEventMessages(message, 'assistant') ?? []));
  }
  if (messages.length > 0) return messages;
  return contentEvent(events, 'gen_ai.content.completion', 'gen_ai.completion');
}
