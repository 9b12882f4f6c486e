// What the loop tells the optimizer model and what it expects back: plain JSON in, one edit out.
//
// The request is sent as a JSON document inside the user message, so any capable model (and the offline simulator,
// which may read only this document) sees exactly the same facts: the current prompt's parts, the root cause with
// its criteria, failing and passing examples with the criteria's rationales.

/** An editable part of a prompt: the system message, the (last) user template, or one tool's description. */
export type EditablePart = 'system' | 'user' | `tool:${string}`;

export interface ReflectionPrompt {
  /** Null when the prompt has no system message (an edit of `system` then creates one). */
  readonly system: string | null;
  /** The last user message template (with its `{{variables}}`), or the whole text template. */
  readonly user: string | null;
  readonly tools: readonly { readonly name: string; readonly description: string }[];
  /** How many few-shot demonstrations the prompt carries. */
  readonly examples: number;
}

export interface ReflectionCriterion {
  readonly id: string;
  /** The checklist author's words for what the criterion means. */
  readonly description: string;
  /** The check kind (`json_valid`, `llm_judge`, `custom`, …). */
  readonly kind: string;
  /** Failure rate on the train items the current prompt was run on. */
  readonly failureRate: number;
}

export interface ReflectionExample {
  readonly itemId: string;
  /** The input, shortened (long values cut in the middle). */
  readonly input: string;
  /** The model's answer, shortened. */
  readonly output: string;
  /** Criteria of the cause that failed, with their rationales; empty for a passing example. */
  readonly failed: readonly { readonly criterionId: string; readonly rationale: string }[];
}

/**
 * A reflective rewrite request (GEPA-style): fix one root cause, changing as little as needed.
 * @example
 * const request: ReflectionRequest = { task: 'reflect', prompt, editableParts: ['system', 'user'],
 *   cause: { id: 'cause:json', criteria: [{ id: 'json', description: 'Answers with JSON only', kind: 'json_valid',
 *   failureRate: 0.9 }], drivers: [] }, failing: [...], passing: [...], guidance: REFLECTION_GUIDANCE };
 */
export interface ReflectionRequest {
  readonly task: 'reflect';
  readonly prompt: ReflectionPrompt;
  readonly editableParts: readonly EditablePart[];
  readonly cause: {
    readonly id: string;
    readonly criteria: readonly ReflectionCriterion[];
    /** Feature values that make the cause more likely, as `feature=value (lift ×2.1)`. */
    readonly drivers: readonly string[];
  };
  readonly failing: readonly ReflectionExample[];
  readonly passing: readonly ReflectionExample[];
  /** Edits already tried against this cause on this prompt that did not fix it (absent when none). */
  readonly triedBefore?: readonly TriedEdit[];
  readonly guidance: string;
}

/** An edit tried against the cause that did not help: the lines it added and what its minibatch showed. */
export interface TriedEdit {
  readonly part: EditablePart;
  readonly added: readonly string[];
  readonly outcome: string;
}

/**
 * A whole-prompt rewrite request without root causes (OPRO-style): earlier prompts with their scores and a few
 * input/expected-output exemplars. Used by the baselines the benchmark compares with.
 */
export interface RewriteRequest {
  readonly task: 'rewrite';
  readonly prompt: ReflectionPrompt;
  /** Earlier prompts (their system text) and validation scores, best last. */
  readonly history: readonly { readonly system: string; readonly score: number }[];
  readonly exemplars: readonly { readonly input: string; readonly expected: string }[];
  readonly guidance: string;
}

export type OptimizerRequest = ReflectionRequest | RewriteRequest;

/** The one edit the optimizer answers with. */
export interface ReflectionAnswer {
  readonly part: EditablePart;
  /** The full new text of that part. */
  readonly text: string;
  readonly rationale: string;
}

export const REFLECTION_GUIDANCE =
  'Change as little as needed to fix the failing criteria of this cause without breaking the passing examples. ' +
  'Keep every {{variable}} of the user template. Do not copy example-specific facts into the prompt. ' +
  'When triedBefore lists edits that did not fix the cause, do not repeat them: say it differently, more firmly. ' +
  'Answer with one JSON object: {"part": one of editableParts, "text": the full new text of that part, ' +
  '"rationale": why this fixes the cause}.';

export const REWRITE_GUIDANCE =
  'Write a better system prompt for this task: one that scores higher than every earlier prompt. ' +
  'Answer with one JSON object: {"part": "system", "text": the full new system prompt, "rationale": why}.';

/** JSON Schema of the answer, passed as structured output where the provider supports it. */
export const REFLECTION_ANSWER_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'object',
  properties: {
    part: { type: 'string' },
    text: { type: 'string' },
    rationale: { type: 'string' },
  },
  required: ['part', 'text', 'rationale'],
  additionalProperties: false,
};

export const OPTIMIZER_SYSTEM_PROMPT =
  'You improve the prompts of an LLM application. You get the current prompt, what goes wrong (checklist criteria ' +
  'with their descriptions and the rationales of failed checks) and examples. Propose one edit.';
