// Reads the attributes the Langfuse SDKs set explicitly: observation/trace input and output, usage, cost, prompt.
import type { ConventionFields } from './convention-fields.js';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { asNumber, asRecord, field, firstText, readJson, type UnknownRecord } from './read-attributes.js';
import { readContent } from './span-content.js';

function jsonRecord(attributes: Attributes, key: string): UnknownRecord | undefined {
  return asRecord(readJson(field(attributes, key)));
}

function firstNumberIn(record: UnknownRecord | undefined, keys: readonly string[]): number | undefined {
  if (record === undefined) return undefined;
  for (const key of keys) {
    const value = asNumber(field(record, key));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `cost_details` has `total`, or per-kind amounts (`input`, `output`, …) that add up to it. */
function totalCost(details: UnknownRecord | undefined): number | undefined {
  if (details === undefined) return undefined;
  const total = asNumber(field(details, 'total'));
  if (total !== undefined) return total;
  let sum: number | undefined;
  for (const key of Object.keys(details)) {
    const amount = asNumber(field(details, key));
    if (amount !== undefined) sum = (sum ?? 0) + amount;
  }
  return sum;
}

/**
 * Langfuse fields. Input/output: `langfuse.observation.input|output`, set on purpose for this span. `usage_details` JSON keys: `input|prompt_tokens|input_tokens`, `output|completion_tokens|
 * output_tokens`, `total|total_tokens`; cached input from `input_cached_tokens|cache_read_input_tokens`, added to
 * Langfuse's `input`, which leaves them out.
 *
 * @example
 * mapLangfuse(span).costUsd; // langfuse.observation.cost_details '{"total":0.0021}' → 0.0021
 */
export function mapLangfuse(span: OtlpSpan): ConventionFields {
  const attributes = span.attributes;
  const usage = jsonRecord(attributes, 'langfuse.observation.usage_details');
  const cached = firstNumberIn(usage, ['input_cached_tokens', 'cache_read_input_tokens']);
  // Langfuse's own `input` excludes cached tokens (its integrations subtract them); Kaizen counts all input tokens.
  const langfuseInput = firstNumberIn(usage, ['input']);
  return {
    input: readContent(attributes, 'langfuse.observation.input'),
    output: readContent(attributes, 'langfuse.observation.output'),
    inputTokens:
      langfuseInput !== undefined
        ? langfuseInput + (cached ?? 0)
        : firstNumberIn(usage, ['prompt_tokens', 'input_tokens']),
    outputTokens: firstNumberIn(usage, ['output', 'completion_tokens', 'output_tokens']),
    totalTokens: firstNumberIn(usage, ['total', 'total_tokens']),
    cacheReadTokens: cached,
    costUsd: totalCost(jsonRecord(attributes, 'langfuse.observation.cost_details')),
    promptName: firstText(attributes, ['langfuse.observation.prompt.name']),
    promptVersion: firstText(attributes, ['langfuse.observation.prompt.version']),
    sessionId: firstText(attributes, ['langfuse.session.id', 'langfuse.trace.session_id']),
    userId: firstText(attributes, ['langfuse.user.id', 'langfuse.trace.user_id']),
  };
}

/**
 * `langfuse.trace.input|output`: the input and output of the whole trace, set on whichever span was active when the
 * application called `updateTrace`. That span's own content, in any convention, describes it better, so this is
 * the last resort (normalizeSpan puts it after every other convention).
 *
 * @example
 * mapLangfuseTrace(span).input?.value; // langfuse.trace.input '{"ticketId":"T-1"}' → '{"ticketId":"T-1"}'
 */
export function mapLangfuseTrace(span: OtlpSpan): ConventionFields {
  return {
    input: readContent(span.attributes, 'langfuse.trace.input'),
    output: readContent(span.attributes, 'langfuse.trace.output'),
  };
}
