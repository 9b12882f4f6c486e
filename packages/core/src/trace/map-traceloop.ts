// Reads OpenLLMetry (Traceloop) attributes: entity input/output, association properties, total tokens, prompts.
import type { ConventionFields } from './convention-fields.js';
import type { OtlpSpan } from './otlp-span.js';
import { firstNumber, firstText } from './read-attributes.js';
import { readContent } from './span-content.js';

const ASSOCIATION = 'traceloop.association.properties.';

/**
 * OpenLLMetry fields. `traceloop.entity.input|output` are JSON strings of a workflow/task's arguments and result
 * (`{"inputs":…}`, `{"outputs":…}`): messages when they are messages, otherwise kept exactly as sent. Its LLM spans
 * carry `gen_ai.*` (read by mapGenAi) plus `llm.usage.total_tokens`. Session and user come from association
 * properties (`session_id`, `user_id`, or camelCase); prompt linkage from its prompt registry keys.
 *
 * @example
 * mapTraceloop(span).sessionId; // traceloop.association.properties.session_id
 */
export function mapTraceloop(span: OtlpSpan): ConventionFields {
  const attributes = span.attributes;
  return {
    input: readContent(attributes, 'traceloop.entity.input'),
    output: readContent(attributes, 'traceloop.entity.output'),
    totalTokens: firstNumber(attributes, ['llm.usage.total_tokens']),
    promptName: firstText(attributes, ['traceloop.prompt.key']),
    promptVersion: firstText(attributes, ['traceloop.prompt.version']),
    sessionId: firstText(attributes, [`${ASSOCIATION}session_id`, `${ASSOCIATION}sessionId`]),
    userId: firstText(attributes, [`${ASSOCIATION}user_id`, `${ASSOCIATION}userId`]),
  };
}
