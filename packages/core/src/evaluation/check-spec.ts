// The check kinds a criterion can use: one discriminated union on `kind`, data only (plus `custom`'s function).

import type { CustomCheckFunction } from './custom-check-function.js';
import type { IfevalMode } from './ifeval/check-instruction.js';

/** `strict`: the whole output must be JSON. `extract`: the first JSON object/array in prose or a ``` fence. */
export type JsonMode = 'strict' | 'extract';

/** A value to compare with: a literal, or a JSON path into the subject's `expected` (`$` is `expected` itself). */
export type ExpectedSource = { readonly value: unknown } | { readonly expectedPath: string };

export interface JsonValidCheck {
  readonly kind: 'json_valid';
  /** Default `strict`. */
  readonly mode?: JsonMode;
}
export interface JsonSchemaCheck {
  readonly kind: 'json_schema';
  /** JSON Schema draft 2020-12; compiled once per checklist, formats (`date`, `email`, …) included. */
  readonly schema: Readonly<Record<string, unknown>> | boolean;
  readonly mode?: JsonMode;
}
export interface FieldEqualsCheck {
  readonly kind: 'field_equals';
  /** JSON path into the output's JSON (`$.a.b[0]`, `$['@type']`). */
  readonly path: string;
  readonly expected: ExpectedSource;
  /** Default true; false compares strings case-insensitively. */
  readonly caseSensitive?: boolean;
  readonly mode?: JsonMode;
}
export interface FieldMatchesCheck {
  readonly kind: 'field_matches';
  readonly path: string;
  /** A regular expression the field's string value must match; flags `g` and `y` are refused (stateful). */
  readonly pattern: string;
  readonly flags?: string;
  readonly mode?: JsonMode;
}
export interface RegexCheck {
  readonly kind: 'regex';
  readonly pattern: string;
  readonly flags?: string;
}
export interface ContainsCheck<K extends 'contains' | 'not_contains' = 'contains' | 'not_contains'> {
  readonly kind: K;
  /** `contains` passes when all (or, with `match: 'any'`, any) values occur; `not_contains` when none does. */
  readonly values: readonly string[];
  readonly match?: 'all' | 'any';
  /** Default true. */
  readonly caseSensitive?: boolean;
}
export interface EqualsCheck {
  readonly kind: 'equals';
  readonly expected: ExpectedSource;
  /** Default true: leading and trailing whitespace of both sides is ignored. */
  readonly trim?: boolean;
  readonly caseSensitive?: boolean;
}
export interface NumericRangeCheck {
  readonly kind: 'numeric_range';
  readonly path: string;
  /** Both bounds are required and inclusive: no default range that every number falls in. */
  readonly min: number;
  readonly max: number;
  readonly mode?: JsonMode;
}
export interface SetOverlapCheck {
  readonly kind: 'set_overlap';
  /** Path to an array (or a single value) in the output's JSON. */
  readonly path: string;
  readonly expected: ExpectedSource;
  /** At least one threshold is required; each in [0, 1]. */
  readonly minPrecision?: number;
  readonly minRecall?: number;
  readonly minF1?: number;
  /** Default true; false compares string values case-insensitively. */
  readonly caseSensitive?: boolean;
  readonly mode?: JsonMode;
}
export interface MaxLatencyCheck {
  readonly kind: 'max_latency_ms';
  readonly max: number;
}
export interface MaxTokensCheck {
  readonly kind: 'max_tokens';
  readonly max: number;
  /** Which count; default `total`. */
  readonly tokens?: 'total' | 'input' | 'output';
}
export interface MaxCostCheck {
  readonly kind: 'max_cost_usd';
  readonly max: number;
}
export interface OutputLanguageCheck {
  readonly kind: 'output_language';
  /** A langdetect code as `detectLanguage` returns it: `en`, `fr`, `zh-cn`, … */
  readonly language: string;
}
export interface CustomCheck {
  readonly kind: 'custom';
  readonly fn: CustomCheckFunction;
}
export interface LlmJudgeCheck {
  readonly kind: 'llm_judge';
  /** A yes/no question; "yes" passes. */
  readonly question: string;
}
export interface IfevalCheck {
  readonly kind: 'ifeval';
  /** An IFEval instruction id, e.g. `punctuation:no_comma`. */
  readonly instruction: string;
  readonly kwargs?: Readonly<Record<string, unknown>>;
  /** Default `strict`. */
  readonly mode?: IfevalMode;
}
export interface ToolCalledCheck<K extends 'tool_called' | 'tool_not_called' = 'tool_called' | 'tool_not_called'> {
  readonly kind: K;
  readonly tool: string;
}
export interface ToolArgsValidCheck {
  readonly kind: 'tool_args_valid';
  readonly tool: string;
  /** The tool's parameters as JSON Schema (draft 2020-12). */
  readonly schema: Readonly<Record<string, unknown>> | boolean;
}
export interface MaxStepsCheck<K extends 'max_steps' | 'max_model_calls' = 'max_steps' | 'max_model_calls'> {
  /** `max_steps` counts model calls plus tool executions; `max_model_calls` counts model calls only. */
  readonly kind: K;
  readonly max: number;
}
export interface TraceCheck<
  K extends 'no_span_error' | 'final_answer_present' = 'no_span_error' | 'final_answer_present',
> {
  readonly kind: K;
}

/**
 * What a criterion checks.
 * @example
 * const check: CheckSpec = { kind: 'field_equals', path: '$.answer', expected: { expectedPath: '$.answer' } };
 */
export type CheckSpec =
  | JsonValidCheck
  | JsonSchemaCheck
  | FieldEqualsCheck
  | FieldMatchesCheck
  | RegexCheck
  | ContainsCheck<'contains'>
  | ContainsCheck<'not_contains'>
  | EqualsCheck
  | NumericRangeCheck
  | SetOverlapCheck
  | MaxLatencyCheck
  | MaxTokensCheck
  | MaxCostCheck
  | OutputLanguageCheck
  | CustomCheck
  | LlmJudgeCheck
  | IfevalCheck
  | ToolCalledCheck<'tool_called'>
  | ToolCalledCheck<'tool_not_called'>
  | ToolArgsValidCheck
  | MaxStepsCheck<'max_steps'>
  | MaxStepsCheck<'max_model_calls'>
  | TraceCheck<'no_span_error'>
  | TraceCheck<'final_answer_present'>;

export type CheckKind = CheckSpec['kind'];

/** The spec of one kind. */
export type CheckOf<K extends CheckKind> = Extract<CheckSpec, { readonly kind: K }>;
