// Reads OpenTelemetry GenAI semantic-convention attributes (current and deprecated names) and content events.
import type { ConventionFields } from './convention-fields.js';
import { genAiEventInput, genAiEventOutput } from './map-genai-events.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { makeMessage, partsText, toMessages, toSpanIO, withContentParts } from './parse-messages.js';
import { field, firstNumber, firstText, readJson, toText } from './read-attributes.js';
import type { SpanIO } from './span.js';
import { unflatten } from './unflatten.js';

/** The event that carries content in GenAI semconv ≥ 1.37, with the same attributes a span would have. */
const DETAILS_EVENT = 'gen_ai.client.inference.operation.details';

/** Current form: `gen_ai.input.messages` (+ `gen_ai.system_instructions` as a leading system message). */
function structuredInput(attributes: Attributes): SpanIO | undefined {
  const input = toSpanIO(field(attributes, 'gen_ai.input.messages'));
  const instructions = field(attributes, 'gen_ai.system_instructions');
  if (instructions === undefined || instructions === null || instructions === '') return input;
  const system = makeMessage('system', partsText(readJson(instructions) ?? instructions));
  if (input === undefined) return [system];
  // A raw (unparseable) input string cannot take a message in front of it; it is kept as sent.
  return typeof input === 'string' ? input : [system, ...input];
}

/** Flattened `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`, then the obsolete plain `gen_ai.prompt` string. */
function legacyContent(attributes: Attributes, key: 'gen_ai.prompt' | 'gen_ai.completion'): SpanIO | undefined {
  const flattened = unflatten(attributes, key);
  const messages = Array.isArray(flattened) ? toMessages(flattened.map(withContentParts)) : undefined;
  return messages ?? toSpanIO(field(attributes, key));
}

/** `gen_ai.tool.call.arguments|result` of `execute_tool` spans, as sent (usually JSON). */
function toolValue(attributes: Attributes, key: string): string | undefined {
  const value = field(attributes, key);
  return value === undefined || value === null || value === '' ? undefined : toText(value);
}

/**
 * GenAI semconv fields. Content, first found: span attributes in the current form, the same on the
 * `gen_ai.client.inference.operation.details` event, the 1.28–1.36 per-message events, the ≤ 1.27
 * `gen_ai.content.*` events, flattened `gen_ai.prompt.N.*`, the plain `gen_ai.prompt` string, tool call values.
 *
 * @example
 * mapGenAi(span).inputTokens; // from gen_ai.usage.input_tokens, or the older gen_ai.usage.prompt_tokens
 */
export function mapGenAi(span: OtlpSpan): ConventionFields {
  const attributes = span.attributes;
  const details = span.events.find((event) => event.name === DETAILS_EVENT)?.attributes;
  return {
    input:
      structuredInput(attributes) ??
      (details !== undefined ? structuredInput(details) : undefined) ??
      genAiEventInput(span.events) ??
      legacyContent(attributes, 'gen_ai.prompt') ??
      toolValue(attributes, 'gen_ai.tool.call.arguments'),
    output:
      toSpanIO(field(attributes, 'gen_ai.output.messages')) ??
      (details !== undefined ? toSpanIO(field(details, 'gen_ai.output.messages')) : undefined) ??
      genAiEventOutput(span.events) ??
      legacyContent(attributes, 'gen_ai.completion') ??
      toolValue(attributes, 'gen_ai.tool.call.result'),
    inputTokens: firstNumber(attributes, ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens']),
    outputTokens: firstNumber(attributes, ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens']),
    totalTokens: firstNumber(attributes, ['gen_ai.usage.total_tokens']),
    cacheReadTokens: firstNumber(attributes, [
      'gen_ai.usage.cache_read.input_tokens',
      'gen_ai.usage.cache_read_input_tokens',
    ]),
    costUsd: firstNumber(attributes, ['gen_ai.usage.cost']),
    sessionId: firstText(attributes, ['gen_ai.conversation.id']),
  };
}
