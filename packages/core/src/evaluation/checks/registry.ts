// The exhaustive table of check kinds: a kind added to CheckSpec does not compile until it has a factory here.
import { maxCost, maxLatency, maxTokens } from './budget-checks.js';
import type { CheckRegistry } from './check-factory.js';
import { custom, llmJudge } from './custom-checks.js';
import { fieldEquals, fieldMatches } from './field-checks.js';
import { jsonSchema, jsonValid } from './json-checks.js';
import { ifeval, outputLanguage } from './language-checks.js';
import { numericRange } from './numeric-range.js';
import { setOverlapCheck } from './set-overlap.js';
import { contains, equals, regex } from './text-checks.js';
import { finalAnswerPresent, maxSteps, noSpanError, toolArgsValid, toolCalled } from './trace-checks.js';

/**
 * Factory per check kind.
 * @example
 * const compiled = CHECKS.regex({ kind: 'regex', pattern: '^ok' }, context);
 */
export const CHECKS = {
  json_valid: jsonValid,
  json_schema: jsonSchema,
  field_equals: fieldEquals,
  field_matches: fieldMatches,
  regex,
  contains,
  not_contains: contains,
  equals,
  numeric_range: numericRange,
  set_overlap: setOverlapCheck,
  max_latency_ms: maxLatency,
  max_tokens: maxTokens,
  max_cost_usd: maxCost,
  output_language: outputLanguage,
  custom,
  llm_judge: llmJudge,
  ifeval,
  tool_called: toolCalled,
  tool_not_called: toolCalled,
  tool_args_valid: toolArgsValid,
  max_steps: maxSteps,
  max_model_calls: maxSteps,
  no_span_error: noSpanError,
  final_answer_present: finalAnswerPresent,
} as const satisfies CheckRegistry;

/**
 * The kinds in the registry, for validating specs that come from JSON.
 * @example
 * CHECK_KINDS.includes('json_schema'); // true
 */
export const CHECK_KINDS = Object.keys(CHECKS) as readonly (keyof typeof CHECKS)[];
