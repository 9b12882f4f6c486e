// custom (a TypeScript function) and llm_judge (a yes/no question, answered in the item's one judge call).
import type { CustomCheckResult } from '../custom-check-function.js';
import type { CheckFactory } from './check-factory.js';
import { direct } from './check-factory.js';
import { type CheckOutcome, describeValue, errored, errorMessage, failed, PASSED, passed } from './check-outcome.js';
import { stringOf } from './read-spec.js';

function toOutcome(result: CustomCheckResult): CheckOutcome {
  if (result === true) return PASSED;
  if (result === false) return failed('custom check returned false');
  if (typeof result === 'object' && result !== null && typeof result.passed === 'boolean') {
    const rationale = typeof result.rationale === 'string' ? result.rationale : null;
    if (result.passed) return passed(rationale);
    return failed(rationale ?? 'custom check did not pass');
  }
  return errored(`custom check returned ${describeValue(result)}, not a boolean or { passed, rationale }`);
}

function isThenable(value: unknown): value is PromiseLike<CustomCheckResult> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * A throw, a rejection or an answer of the wrong shape is `errored`.
 * @example { kind: 'custom', fn: (subject) => ({ passed: subject.output.length < 280, rationale: 'tweet length' }) }
 */
export const custom: CheckFactory<'custom'> = (spec, context) => {
  const fn = spec.fn;
  if (typeof fn !== 'function') return context.invalid('fn must be a function');
  return direct((item) => {
    try {
      const result = fn(item.subject);
      if (!isThenable(result)) return toOutcome(result);
      return Promise.resolve(result).then(toOutcome, (error: unknown) => errored(errorMessage(error)));
    } catch (error) {
      return errored(errorMessage(error));
    }
  });
};

/**
 * Compiled into the checklist's judge prompt; see `buildJudgeMessages`.
 * @example { kind: 'llm_judge', question: 'Does the answer cite a source from the input?' }
 */
export const llmJudge: CheckFactory<'llm_judge'> = (spec, context) => ({
  type: 'judge',
  question: stringOf(context, spec.question, 'question'),
});
