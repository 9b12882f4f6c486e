// Reads OpenInference (Arize Phoenix) attributes: flattened messages, input/output values, token counts, context.
import type { ConventionFields } from './convention-fields.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { toMessages } from './parse-messages.js';
import { isPlainMessages } from './plain-messages.js';
import { asNumber, asRecord, asText, field, firstNumber, firstText, readJson } from './read-attributes.js';
import { type Content, readContent } from './span-content.js';
import { unflatten } from './unflatten.js';

const MESSAGE_FIELDS: ReadonlySet<string> = new Set([
  'role',
  'content',
  'contents',
  'tool_calls',
  'tool_call_id',
  'name',
]);

/** A wrapper unwrapMessage replaces by its `key` field holds nothing else; a value without that field is itself. */
function unwrapsWhole(value: unknown, key: string): boolean {
  const record = asRecord(value);
  return record === undefined || !Object.hasOwn(record, key) || Object.keys(record).every((name) => name === key);
}

/** A flattened message whose every field unwrapMessage carries over, so isPlainMessages can judge the rest. */
function carriesAllFields(item: unknown): boolean {
  const wrapper = asRecord(item);
  if (wrapper === undefined || !unwrapsWhole(wrapper, 'message')) return false;
  const message = asRecord(field(wrapper, 'message')) ?? wrapper;
  const contents = field(message, 'contents');
  const calls = field(message, 'tool_calls');
  return (
    Object.keys(message).every((name) => MESSAGE_FIELDS.has(name)) &&
    (!Array.isArray(contents) || contents.every((entry) => unwrapsWhole(entry, 'message_content'))) &&
    (!Array.isArray(calls) || calls.every((entry) => unwrapsWhole(entry, 'tool_call')))
  );
}

/** `{message:{role, content, contents:[{message_content}], tool_calls:[{tool_call}]}}` → a plain message record. */
function unwrapMessage(item: unknown): unknown {
  const wrapper = asRecord(item);
  const message = (wrapper !== undefined ? asRecord(field(wrapper, 'message')) : undefined) ?? wrapper;
  if (message === undefined) return item;
  const unwrap = (list: unknown, key: string): unknown =>
    Array.isArray(list)
      ? list.map((entry) => {
          const record = asRecord(entry);
          return (record !== undefined ? field(record, key) : undefined) ?? entry;
        })
      : undefined;
  return {
    role: field(message, 'role'),
    content: field(message, 'content'),
    parts: unwrap(field(message, 'contents'), 'message_content'),
    tool_calls: unwrap(field(message, 'tool_calls'), 'tool_call'),
    tool_call_id: field(message, 'tool_call_id'),
    name: field(message, 'name'),
  };
}

function flattenedMessages(attributes: Attributes, prefix: string): Content | undefined {
  const used: string[] = [];
  const flattened = unflatten(attributes, prefix, used);
  if (!Array.isArray(flattened)) return undefined;
  const records = flattened.map(unwrapMessage);
  const messages = toMessages(records);
  if (messages === undefined) return undefined;
  return { value: messages, keys: flattened.every(carriesAllFields) && isPlainMessages(records) ? used : [] };
}

/** `input.value` is parsed only when its mime type does not say plain text: text that looks like JSON stays text. */
function value(attributes: Attributes, key: 'input' | 'output'): Content | undefined {
  const valueKey = `${key}.value`;
  const raw = field(attributes, valueKey);
  if (asText(field(attributes, `${key}.mime_type`)) === 'text/plain' && typeof raw === 'string') {
    return raw === '' ? undefined : { value: raw, keys: [valueKey] };
  }
  return readContent(attributes, valueKey);
}

/** Session or user id from the `metadata` JSON string, where LangChain/LlamaIndex users put them. */
function fromMetadata(attributes: Attributes, keys: readonly string[]): string | undefined {
  const metadata = asRecord(readJson(field(attributes, 'metadata')));
  if (metadata === undefined) return undefined;
  for (const key of keys) {
    const text = asText(field(metadata, key));
    if (text !== undefined) return text;
  }
  return undefined;
}

function cost(attributes: Attributes): number | undefined {
  const total = asNumber(field(attributes, 'llm.cost.total'));
  if (total !== undefined) return total;
  const prompt = asNumber(field(attributes, 'llm.cost.prompt'));
  const completion = asNumber(field(attributes, 'llm.cost.completion'));
  return prompt === undefined && completion === undefined ? undefined : (prompt ?? 0) + (completion ?? 0);
}

/**
 * OpenInference fields. Content: `llm.input_messages.*` before `input.value` (and the same for output): on an LLM span
 * `input.value` is the raw provider request body, while the messages are what was said; the raw body stays in the
 * attributes. Chain, tool and retriever spans have only `input.value`, which is then used.
 *
 * @example
 * mapOpenInference(span).inputTokens; // from llm.token_count.prompt
 */
export function mapOpenInference(span: OtlpSpan): ConventionFields {
  const attributes = span.attributes;
  return {
    input: flattenedMessages(attributes, 'llm.input_messages') ?? value(attributes, 'input'),
    output: flattenedMessages(attributes, 'llm.output_messages') ?? value(attributes, 'output'),
    inputTokens: firstNumber(attributes, ['llm.token_count.prompt']),
    outputTokens: firstNumber(attributes, ['llm.token_count.completion']),
    totalTokens: firstNumber(attributes, ['llm.token_count.total']),
    cacheReadTokens: firstNumber(attributes, ['llm.token_count.prompt_details.cache_read']),
    costUsd: cost(attributes),
    promptVersion: firstText(attributes, ['llm.prompt_template.version']),
    sessionId:
      firstText(attributes, ['session.id']) ??
      fromMetadata(attributes, ['session_id', 'sessionId', 'session.id', 'langfuse_session_id', 'thread_id']),
    userId:
      firstText(attributes, ['user.id']) ??
      fromMetadata(attributes, ['user_id', 'userId', 'user.id', 'langfuse_user_id']),
  };
}
