// The signature of a custom TypeScript check.
import type { EvaluationSubject } from './evaluation-subject.js';

/** What a custom check may answer: a verdict, or a verdict with a rationale. */
export type CustomCheckResult = boolean | { readonly passed: boolean; readonly rationale?: string };

/**
 * A throw or a rejection records the criterion as `errored`, not failed.
 * @example
 * const shortAnswer: CustomCheckFunction = (subject) => subject.output.length < 200;
 */
export type CustomCheckFunction = (subject: EvaluationSubject) => CustomCheckResult | Promise<CustomCheckResult>;
