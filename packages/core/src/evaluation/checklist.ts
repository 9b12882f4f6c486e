// The checklist model: named, weighted criteria, an explicit pass threshold and optional label rules.
import type { CheckSpec } from './check-spec.js';
import type { EvaluationSubject } from './evaluation-subject.js';

/**
 * When a criterion applies; otherwise it is `skipped` with the condition as reason. Paths read the subject
 * (`$.metadata.tier`, `$.input.language`, `$.expected.kind`); `criterion` refers to an earlier, non-judged criterion.
 */
export type AppliesWhen =
  | { readonly path: string; readonly equals: unknown }
  | { readonly path: string; readonly in: readonly unknown[] }
  | { readonly path: string; readonly exists: boolean }
  | { readonly criterion: string; readonly status: 'passed' | 'failed' }
  | { readonly all: readonly AppliesWhen[] }
  | { readonly any: readonly AppliesWhen[] }
  | { readonly not: AppliesWhen }
  | ((subject: EvaluationSubject) => boolean);

export interface Criterion {
  /** Unique within the checklist; results, labels and comparisons refer to it. */
  readonly id: string;
  /** What the criterion means, for people (the judge gets `question`). */
  readonly description: string;
  /** Greater than 0. */
  readonly weight: number;
  readonly check: CheckSpec;
  readonly appliesWhen?: AppliesWhen;
}

/** A condition on an item's results, for label rules. `score` bounds: `atLeast` inclusive, `below` exclusive. */
export type LabelCondition =
  | { readonly score: { readonly atLeast?: number; readonly below?: number } }
  | { readonly criterion: string; readonly status: 'passed' | 'failed' | 'skipped' }
  | { readonly passed: boolean }
  | { readonly all: readonly LabelCondition[] }
  | { readonly any: readonly LabelCondition[] }
  | { readonly not: LabelCondition };

/** The first rule whose condition holds names the item's label. */
export interface LabelRule {
  readonly label: string;
  readonly when: LabelCondition;
}

/**
 * @example
 * const checklist: Checklist = {
 *   name: 'extraction',
 *   passThreshold: 0.8,
 *   criteria: [
 *     { id: 'json', description: 'Answers with JSON only', weight: 2, check: { kind: 'json_valid' } },
 *     { id: 'polite', description: 'Polite', weight: 1, check: { kind: 'llm_judge', question: 'Is the answer polite?' } },
 *   ],
 *   labels: [{ label: 'broken', when: { criterion: 'json', status: 'failed' } }],
 * };
 */
export interface Checklist {
  readonly name: string;
  readonly description?: string;
  readonly criteria: readonly Criterion[];
  /** Required, in [0, 1]: an item passes when its score reaches it (and no criterion errored). */
  readonly passThreshold: number;
  readonly labels?: readonly LabelRule[];
}
