// Turns the message shapes real exporters send (GenAI parts, OpenAI, AI SDK, Anthropic) into Kaizen messages.
import { asRecord, asText, field, parseJson, toText, type UnknownRecord } from './read-attributes.js';
import type { Message, SpanIO, ToolCall } from './span.js';

/**
 * Builds a message, leaving out the optional fields that are empty (the model uses exact optional properties).
 *
 * @example
 * makeMessage('assistant', '', { toolCalls: [{ name: 'weather', arguments: '{"city":"Paris"}' }] });
 */
export function makeMessage(
  role: string,
  content: string,
  extra: { toolCalls?: readonly ToolCall[]; toolCallId?: string | undefined; name?: string | undefined } = {},
): Message {
  return {
    role,
    content,
    ...(extra.toolCalls !== undefined && extra.toolCalls.length > 0 ? { toolCalls: extra.toolCalls } : {}),
    ...(extra.toolCallId !== undefined ? { toolCallId: extra.toolCallId } : {}),
    ...(extra.name !== undefined ? { name: extra.name } : {}),
  };
}

/**
 * One tool call from any of the shapes in use: GenAI `{id,name,arguments}`, OpenAI `{id,function:{name,arguments}}`,
 * AI SDK `{toolCallId,toolName,input|args}`, Anthropic `{id,name,input}`. Undefined when it has no name.
 *
 * @example
 * toToolCall({ toolCallId: 'call_1', toolName: 'weather', input: { city: 'Paris' } });
 * // { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }
 */
export function toToolCall(value: unknown): ToolCall | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const fn = asRecord(field(record, 'function'));
  const name = asText(fn !== undefined ? field(fn, 'name') : undefined) ?? asText(field(record, 'name'));
  const toolName = name ?? asText(field(record, 'toolName'));
  if (toolName === undefined) return undefined;
  const rawArguments =
    (fn !== undefined ? field(fn, 'arguments') : undefined) ??
    field(record, 'arguments') ??
    field(record, 'input') ??
    field(record, 'args');
  const id = asText(field(record, 'id')) ?? asText(field(record, 'toolCallId'));
  return { ...(id !== undefined ? { id } : {}), name: toolName, arguments: toText(rawArguments) };
}

/** Text of a `system_instructions`-like value: a string, or the text parts of a part list. */
export function partsText(value: unknown): string {
  if (!Array.isArray(value)) return toText(value);
  const texts: string[] = [];
  for (const part of value) {
    if (typeof part === 'string') texts.push(part);
    const record = asRecord(part);
    if (record === undefined) continue;
    const text = asText(field(record, 'content')) ?? asText(field(record, 'text'));
    if (text !== undefined) texts.push(text);
  }
  return texts.join('\n');
}

/** AI SDK 5 wraps tool output as `{type:'json'|'text', value}`; older versions and other SDKs send it bare. */
function toolOutputText(value: unknown): string {
  const record = asRecord(value);
  const type = record !== undefined ? field(record, 'type') : undefined;
  if (record !== undefined && typeof type === 'string' && Object.hasOwn(record, 'value')) {
    return toText(field(record, 'value'));
  }
  return toText(value);
}

interface Collected {
  readonly texts: string[];
  readonly toolCalls: ToolCall[];
  readonly results: { id: string | undefined; text: string }[];
}

function collectPart(part: unknown, into: Collected): void {
  if (typeof part === 'string') {
    into.texts.push(part);
    return;
  }
  const record = asRecord(part);
  if (record === undefined) return;
  const type = asText(field(record, 'type'));
  switch (type) {
    case 'tool_call':
    case 'tool-call':
    case 'tool_use':
    case 'function': {
      const call = toToolCall(record);
      if (call !== undefined) into.toolCalls.push(call);
      return;
    }
    case 'tool_call_response':
      into.results.push({
        id: asText(field(record, 'id')),
        text: toText(field(record, 'response') ?? field(record, 'result')),
      });
      return;
    case 'tool-result':
      into.results.push({
        id: asText(field(record, 'toolCallId')),
        text: toolOutputText(field(record, 'output') ?? field(record, 'result')),
      });
      return;
    case 'tool_result':
      into.results.push({ id: asText(field(record, 'tool_use_id')), text: partsText(field(record, 'content')) });
      return;
    case 'reasoning':
    case 'thinking':
    case 'redacted_thinking':
      // Not the message's answer; the raw attributes keep it.
      return;
    default: {
      // text, input_text, output_text, or an untyped `{text}` / `{content}` part; images and blobs have neither.
      const text = field(record, 'text') ?? field(record, 'content');
      if (typeof text === 'string') into.texts.push(text);
    }
  }
}

function collectContent(value: unknown, into: Collected): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) for (const part of value) collectPart(part, into);
  else if (typeof value === 'object') collectPart(value, into);
  else into.texts.push(toText(value));
}

/** One message record → usually one message; a tool message answering several calls → one message per answer. */
function parseMessage(record: UnknownRecord): Message[] | undefined {
  const role = asText(field(record, 'role'));
  if (role === undefined) return undefined;
  const collected: Collected = { texts: [], toolCalls: [], results: [] };
  collectContent(field(record, 'parts'), collected);
  collectContent(field(record, 'content'), collected);
  const rawCalls = field(record, 'tool_calls') ?? field(record, 'toolCalls');
  if (Array.isArray(rawCalls)) {
    for (const raw of rawCalls) {
      const call = toToolCall(raw);
      if (call !== undefined) collected.toolCalls.push(call);
    }
  }
  const name = asText(field(record, 'name'));
  const explicitId = asText(field(record, 'tool_call_id')) ?? asText(field(record, 'toolCallId'));
  const text = collected.texts.join('\n');
  const { results, toolCalls } = collected;
  const only = results[0];
  if (results.length === 0 || (results.length === 1 && only !== undefined)) {
    const content = only === undefined ? text : [text, only.text].filter((part) => part !== '').join('\n');
    return [makeMessage(role, content, { toolCalls, toolCallId: only?.id ?? explicitId, name })];
  }
  const messages = results.map((result) => makeMessage(role, result.text, { toolCallId: result.id, name }));
  return text === '' && toolCalls.length === 0 ? messages : [makeMessage(role, text, { toolCalls, name }), ...messages];
}

/**
 * Python instrumentations (OpenLLMetry's flattened keys, per-message events) often write multi-part content as a
 * JSON string of parts. Such a string is read as parts; any other string stays text.
 *
 * @example
 * withContentParts({ role: 'user', content: '[{"type":"text","text":"Hi"}]' }); // content: [{ type: 'text', text: 'Hi' }]
 */
export function withContentParts(value: unknown): unknown {
  const message = asRecord(value);
  const content = message !== undefined ? field(message, 'content') : undefined;
  if (message === undefined || typeof content !== 'string' || !content.trimStart().startsWith('[')) return value;
  const parts = parseJson(content);
  const isParts =
    Array.isArray(parts) &&
    parts.length > 0 &&
    parts.every((part) => {
      const typed = asRecord(part);
      return typed !== undefined && typeof field(typed, 'type') === 'string';
    });
  return isParts ? { ...message, content: parts } : value;
}

/**
 * Messages from a parsed value: an array of message objects, one message object, or `{ system?, messages }` (an
 * Anthropic or AI SDK request). Undefined when the value is not messages — callers then keep it as raw text.
 *
 * @example
 * toMessages([{ role: 'user', parts: [{ type: 'text', content: 'Hi' }] }]); // [{ role: 'user', content: 'Hi' }]
 * toMessages({ inputs: { question: 'Hi' } }); // undefined
 */
export function toMessages(value: unknown): Message[] | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const messages: Message[] = [];
    for (const item of value) {
      const record = asRecord(item);
      const parsed = record !== undefined ? parseMessage(record) : undefined;
      // One non-message element means this is some other list (documents, values): not messages.
      if (parsed === undefined) return undefined;
      messages.push(...parsed);
    }
    return messages;
  }
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const nested = field(record, 'messages');
  if (Array.isArray(nested)) {
    const messages = toMessages(nested);
    if (messages === undefined) return undefined;
    const system = field(record, 'system');
    return system === undefined || system === null ? messages : [makeMessage('system', partsText(system)), ...messages];
  }
  return parseMessage(record);
}

/**
 * Input or output from a value of unknown shape: messages when it is (or parses to) messages, otherwise the raw
 * text — a JSON string stays exactly as sent. Undefined for nothing (undefined, null, empty string).
 *
 * @example
 * toSpanIO('[{"role":"user","content":"Hi"}]'); // [{ role: 'user', content: 'Hi' }]
 * toSpanIO('{"inputs":{"q":"Hi"}}'); // '{"inputs":{"q":"Hi"}}'
 */
export function toSpanIO(value: unknown): SpanIO | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const start = value.trimStart()[0];
    const parsed = start === '[' || start === '{' ? parseJson(value) : undefined;
    return (parsed !== undefined ? toMessages(parsed) : undefined) ?? value;
  }
  return toMessages(value) ?? toText(value);
}
