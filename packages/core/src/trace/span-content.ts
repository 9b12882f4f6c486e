// A span's input or output as a convention read it, with the attribute keys whose whole content it now holds.
import type { Attributes } from './otlp-span.js';
import { toMessages } from './parse-messages.js';
import { isPlainMessages } from './plain-messages.js';
import { field, parseJson, toText } from './read-attributes.js';
import type { SpanIO } from './span.js';

/**
 * `keys`: the attributes `value` was read from, listed only when `value` holds everything they said (a string
 * kept as sent, or messages that isPlainMessages accepts). normalizeSpan leaves those keys out of the raw
 * attributes, so each piece of content is stored once; any other source attribute stays raw.
 */
export interface Content {
  readonly value: SpanIO;
  readonly keys: readonly string[];
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/** Content whose source attributes stay raw (events, values reshaped beyond a lossless reading). */
export function contentKeepingSources(value: SpanIO | undefined): Content | undefined {
  return value === undefined ? undefined : { value, keys: NO_KEYS };
}

/**
 * toSpanIO of the attribute `key`, with `key` as its source when nothing is lost: messages when it is (or parses
 * to) messages, otherwise the raw text, a JSON string exactly as sent. Undefined for nothing (absent, null, '').
 *
 * @example
 * contentOf('[{"role":"user","content":"Hi"}]', 'gen_ai.input.messages');
 * // { value: [{ role: 'user', content: 'Hi' }], keys: ['gen_ai.input.messages'] }
 */
export function contentOf(raw: unknown, key: string): Content | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') {
    const start = raw.trimStart()[0];
    const parsed = start === '[' || start === '{' ? parseJson(raw) : undefined;
    const messages = parsed !== undefined ? toMessages(parsed) : undefined;
    if (messages === undefined) return { value: raw, keys: [key] };
    return { value: messages, keys: isPlainMessages(parsed) ? [key] : NO_KEYS };
  }
  const messages = toMessages(raw);
  if (messages !== undefined) return { value: messages, keys: isPlainMessages(raw) ? [key] : NO_KEYS };
  return { value: toText(raw), keys: NO_KEYS };
}

/** contentOf the attribute `key`. */
export function readContent(attributes: Attributes, key: string): Content | undefined {
  return contentOf(field(attributes, key), key);
}

/**
 * A value used as text (tool arguments and results, JSON objects): a string is kept as sent and its key is the
 * source; anything else becomes JSON text and its attribute stays raw. Undefined for nothing.
 */
export function textContentOf(raw: unknown, key: string): Content | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  return typeof raw === 'string' ? { value: raw, keys: [key] } : { value: toText(raw), keys: NO_KEYS };
}

/** The same content with more source keys (all of them fully represented by it). */
export function withSourceKeys(content: Content, keys: readonly string[]): Content {
  return keys.length === 0 ? content : { value: content.value, keys: [...content.keys, ...keys] };
}
