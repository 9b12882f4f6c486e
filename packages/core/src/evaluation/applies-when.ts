// Compiles a criterion's `appliesWhen` once into a predicate over the item and the earlier criteria's statuses.
import type { AppliesWhen } from './checklist.js';
import { jsonEqual } from './deep-equal.js';
import type { EvaluationSubject } from './evaluation-subject.js';
import { compileJsonPath, MISSING, readJsonPath } from './json-path.js';
import type { CriterionStatus } from './results.js';

export type StatusOf = (criterionId: string) => CriterionStatus | undefined;
export type AppliesPredicate = (subject: EvaluationSubject, statusOf: StatusOf) => boolean;

export interface AppliesWhenScope {
  /** Ids a `criterion` condition may name: earlier, non-judged criteria. */
  readonly referable: ReadonlySet<string>;
  invalid(message: string): never;
}

function compilePath(source: unknown, scope: AppliesWhenScope) {
  try {
    return compileJsonPath(source as string);
  } catch (error) {
    return scope.invalid(`appliesWhen: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function compileList(list: unknown, scope: AppliesWhenScope): AppliesPredicate[] {
  if (!Array.isArray(list) || list.length === 0) scope.invalid('appliesWhen: all/any need a non-empty list');
  return list.map((inner: AppliesWhen) => compileAppliesWhen(inner, scope));
}

/**
 * @example
 * const applies = compileAppliesWhen({ path: '$.metadata.tier', equals: 'pro' }, scope);
 * applies({ output: '', metadata: { tier: 'pro' } }, () => undefined); // true
 */
export function compileAppliesWhen(condition: AppliesWhen, scope: AppliesWhenScope): AppliesPredicate {
  if (typeof condition === 'function') return (subject) => condition(subject) === true;
  if (typeof condition !== 'object' || condition === null) return scope.invalid('appliesWhen must be an object');
  if ('all' in condition) {
    const parts = compileList(condition.all, scope);
    return (subject, statusOf) => parts.every((part) => part(subject, statusOf));
  }
  if ('any' in condition) {
    const parts = compileList(condition.any, scope);
    return (subject, statusOf) => parts.some((part) => part(subject, statusOf));
  }
  if ('not' in condition) {
    const inner = compileAppliesWhen(condition.not, scope);
    return (subject, statusOf) => !inner(subject, statusOf);
  }
  if ('criterion' in condition) {
    const { criterion, status } = condition;
    if (!scope.referable.has(criterion)) {
      scope.invalid(`appliesWhen names "${criterion}", which is not an earlier, non-judged criterion`);
    }
    if (status !== 'passed' && status !== 'failed') scope.invalid('appliesWhen status must be "passed" or "failed"');
    return (_subject, statusOf) => statusOf(criterion) === status;
  }
  if ('path' in condition) {
    const path = compilePath(condition.path, scope);
    const read = (subject: EvaluationSubject): unknown => readJsonPath(subject, path);
    if ('equals' in condition) return (subject) => jsonEqual(read(subject), condition.equals);
    if ('in' in condition && Array.isArray(condition.in)) {
      const options = condition.in;
      return (subject) => options.some((option) => jsonEqual(read(subject), option));
    }
    if ('exists' in condition && typeof condition.exists === 'boolean') {
      const exists = condition.exists;
      return (subject) => {
        const value = read(subject);
        return (value !== MISSING && value !== undefined) === exists;
      };
    }
  }
  return scope.invalid(
    'appliesWhen needs { path, equals | in | exists }, { criterion, status }, all, any, not or a function',
  );
}
