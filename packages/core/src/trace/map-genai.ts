// Reads OpenTelemetry GenAI semantic-convention attributes (current and deprecated names) and content events.
import type { ConventionFields } from './convention-fields.js';
import { genAiEventInput, genAiEventOutput } from './map-genai-events.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { makeMessage, partsText, toMessages, toSpanIO, withContentParts } from './parse-messages.js';
import { isPlainMessages, isPlainPartsText } from './plain-messages.js';
import { field, firstNumber, firstText, readJson } from './read-attributes.js';
import { type Content, contentKeepingSources, readContent, textContentOf } from './span-content.js';
import { unflatten } from './unflatten.js';

/** The event that carries content in GenAI semconv ≥ 1.37, with the same attributes a span would have. */
const DETAILS_EVENT = 'gen_ai.client.inference.operation.details';

const SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';

/** Current form: `gen_ai.input.messages` (+ `gen_ai.system_instructions` as a leading system message). */
function structuredInput(attributes: Attributes): Content | undefined {
  const input = readContent(attributes, 'gen_ai.input.messages');
  const instructions = field(attributes, SYSTEM_INSTRUCTIONS);
  if (instructions === undefined || instructions === null || instructions === '') return input;
  const parsed = readJson(instructions);
  const system = makeMessage('system', partsText(parsed ?? instructions));
  // Plain text, or one text part: the system message then says all the attribute said.
  const whole = (typeof instructions === 'string' && parsed === undefined) || isPlainPartsText(parsed);
  const instructionKeys = whole ? [SYSTEM_INSTRUCTIONS] : [];
  if (input === undefined) return { value: [system], keys: instructionKeys };
  // A raw (unparseable) input string cannot take a message in front of it; it is kept as sent.
  if (typeof input.value === 'string') return input;
  return { value: [system, ...input.value], keys: [...input.keys, ...instructionKeys] };
}

/** Flattened `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`, then the obsolete plain `gen_ai.prompt` string. */
function legacyContent(attributes: Attributes, key: 'gen_ai.prompt' | 'gen_ai.completion'): Content | undefined {
  const used: string[] = [];
  const flattened = unflatten(attributes, key, used);
  if (Array.isArray(flattened)) {
    const records = flattened.map(withContentParts);
    const messages = toMessages(records);
    if (messages !== undefined) return { value: messages, keys: isPlainMessages(records) ? used : [] };
  }
  return readContent(attributes, key);
}

/** `gen_ai.tool.call.arguments|result` of `execute_tool` spans, as sent (usually JSON). */
function toolValue(attributes: Attributes, key: string): Content | undefined {
  return textContentOf(field(attributes, key), key);
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
    // Content found on events stays in `kaizen.events` as well: only span attributes are left out once read.
    input:
      structuredInput(attributes) ??
      (details !== undefined ? contentKeepingSources(structuredInput(details)?.value) : undefined) ??
      contentKeepingSources(genAiEventInput(span.events)) ??
      legacyContent(attributes, 'gen_ai.prompt') ??
      toolValue(attributes, 'gen_ai.tool.call.arguments'),
    output:
      readContent(attributes, 'gen_ai.output.messages') ??
      (details !== undefined ? contentKeepingSources(toSpanIO(field(details, 'gen_ai.output.messages'))) : undefined) ??
      contentKeepingSources(genAiEventOutput(span.events)) ??
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
