// Decides whether parsed messages say nothing more than the Messages made from them, so their raw attribute can go.
import { toToolCall } from './parse-messages.js';
import { asRecord, type UnknownRecord } from './read-attributes.js';

const TEXT_PART_TYPES: ReadonlySet<string> = new Set(['text', 'input_text', 'output_text']);
const TOOL_CALL_PART_TYPES: ReadonlySet<string> = new Set(['tool_call', 'tool-call', 'tool_use', 'function']);
const TOOL_CALL_KEYS: ReadonlySet<string> = new Set([
  'type',
  'id',
  'toolCallId',
  'name',
  'toolName',
  'function',
  'arguments',
  'input',
  'args',
]);

const isNothing = (value: unknown): boolean => value === undefined || value === null;

/** A non-empty string: anything else (numbers, blanks) would be coerced or dropped by the parser. */
const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** How many of `keys` the record sets: aliases of one field, of which the parser reads only the first. */
function countSet(record: UnknownRecord, keys: readonly string[]): number {
  let count = 0;
  for (const key of keys) if (Object.hasOwn(record, key) && !isNothing(record[key])) count += 1;
  return count;
}

function isPlainToolCall(value: unknown): boolean {
  const call = asRecord(value);
  if (call === undefined || toToolCall(call) === undefined) return false;
  for (const key of Object.keys(call)) if (!TOOL_CALL_KEYS.has(key) && !isNothing(call[key])) return false;
  const fn = call.function;
  if (!isNothing(fn)) {
    const record = asRecord(fn);
    if (record === undefined || Object.keys(record).some((key) => key !== 'name' && key !== 'arguments')) return false;
  }
  const fnRecord = asRecord(fn) ?? {};
  const names = countSet(call, ['name', 'toolName']) + countSet(fnRecord, ['name']);
  const args = countSet(call, ['arguments', 'input', 'args']) + countSet(fnRecord, ['arguments']);
  const ids = countSet(call, ['id', 'toolCallId']);
  const id = call.id ?? call.toolCallId;
  const type = call.type;
  return names === 1 && args <= 1 && ids <= 1 && (isNothing(id) || isText(id)) && (isNothing(type) || isText(type));
}

/** Texts a part contributes (0 or 1), or -1 when the message model would lose some of it. */
function plainPart(part: unknown): number {
  if (isNothing(part)) return 0;
  if (typeof part === 'string') return 1;
  const record = asRecord(part);
  if (record === undefined) return -1;
  const type = record.type;
  if (typeof type === 'string' && TOOL_CALL_PART_TYPES.has(type)) return isPlainToolCall(record) ? 0 : -1;
  if (!isNothing(type) && !(typeof type === 'string' && TEXT_PART_TYPES.has(type))) return -1;
  let texts = 0;
  for (const key of Object.keys(record)) {
    if (key === 'type') continue;
    if ((key !== 'text' && key !== 'content') || typeof record[key] !== 'string') return -1;
    texts += 1;
  }
  return texts === 1 ? 1 : -1;
}

/** Texts a `content` or `parts` value contributes, or -1. */
function plainContent(value: unknown): number {
  if (isNothing(value)) return 0;
  if (typeof value === 'string') return 1;
  if (!Array.isArray(value)) return plainPart(value);
  let texts = 0;
  for (const part of value) {
    const count = plainPart(part);
    if (count < 0) return -1;
    texts += count;
  }
  return texts;
}

function isPlainMessage(value: unknown): boolean {
  const record = asRecord(value);
  if (record === undefined || !isText(record.role)) return false;
  let texts = 0;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (isNothing(field)) continue;
    switch (key) {
      case 'role':
        break;
      case 'name':
      case 'tool_call_id':
      case 'toolCallId':
        if (!isText(field)) return false;
        break;
      case 'content':
      case 'parts': {
        const count = plainContent(field);
        if (count < 0) return false;
        texts += count;
        break;
      }
      case 'tool_calls':
      case 'toolCalls':
        if (!Array.isArray(field) || !field.every(isPlainToolCall)) return false;
        break;
      default:
        return false;
    }
  }
  // Several texts are joined with newlines (their boundaries lost); aliases of one field are read once.
  return (
    texts <= 1 &&
    countSet(record, ['tool_calls', 'toolCalls']) <= 1 &&
    countSet(record, ['tool_call_id', 'toolCallId']) <= 1
  );
}

/**
 * True when `value` — what toMessages is given — is a non-empty list of messages that toMessages turns into
 * Messages without losing anything: each has a role, at most one text (from `content` or text parts), tool calls
 * with a name and one set of arguments, and no other fields (no finish reason, reasoning, images or tool results,
 * which the Message model does not keep). Only then may the raw attribute be left out of the span's attributes.
 *
 * @example
 * isPlainMessages([{ role: 'user', parts: [{ type: 'text', content: 'Hi' }] }]); // true
 * isPlainMessages([{ role: 'assistant', parts: [{ type: 'text', content: 'Hi' }], finish_reason: 'stop' }]); // false
 */
export function isPlainMessages(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainMessage);
}

/**
 * True when partsText(value) is all of value (e.g. `gen_ai.system_instructions`): a list holding one text part
 * (a string, or `{type: 'text', content}` with non-blank text) and nothing else.
 *
 * @example
 * isPlainPartsText([{ type: 'text', content: 'Be brief.' }]); // true
 */
export function isPlainPartsText(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 1) return false;
  const part: unknown = value[0];
  if (typeof part === 'string') return true;
  const record = asRecord(part);
  return record !== undefined && plainPart(record) === 1 && (isText(record.content) || isText(record.text));
}
