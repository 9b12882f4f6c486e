// Compiles label rules once: the first rule whose condition holds names an item's class.
import type { LabelCondition, LabelRule } from './checklist.js';
import type { CriterionStatus } from './results.js';

/** What a label condition sees of an item. */
export interface LabelFacts {
  readonly score: number | null;
  readonly passed: boolean;
  statusOf(criterionId: string): CriterionStatus | undefined;
}

type LabelPredicate = (facts: LabelFacts) => boolean;

function inUnit(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && value >= 0 && value <= 1);
}

function compileCondition(
  condition: LabelCondition,
  ids: ReadonlySet<string>,
  invalid: (message: string) => never,
): LabelPredicate {
  const compileList = (list: unknown): LabelPredicate[] => {
    if (!Array.isArray(list) || list.length === 0) invalid('all/any need a non-empty list');
    return list.map((inner: LabelCondition) => compileCondition(inner, ids, invalid));
  };
  if (typeof condition !== 'object' || condition === null) return invalid('a condition must be an object');
  if ('all' in condition) {
    const parts = compileList(condition.all);
    return (facts) => parts.every((part) => part(facts));
  }
  if ('any' in condition) {
    const parts = compileList(condition.any);
    return (facts) => parts.some((part) => part(facts));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, ids, invalid);
    return (facts) => !inner(facts);
  }
  if ('criterion' in condition) {
    const { criterion, status } = condition;
    if (!ids.has(criterion)) invalid(`unknown criterion "${criterion}"`);
    if (status !== 'passed' && status !== 'failed' && status !== 'skipped') {
      invalid('status must be "passed", "failed" or "skipped"');
    }
    return (facts) => facts.statusOf(criterion) === status;
  }
  if ('passed' in condition && typeof condition.passed === 'boolean') {
    const wanted = condition.passed;
    return (facts) => facts.passed === wanted;
  }
  if ('score' in condition && typeof condition.score === 'object' && condition.score !== null) {
    const { atLeast, below } = condition.score;
    if (!inUnit(atLeast) || !inUnit(below) || (atLeast === undefined && below === undefined)) {
      invalid('score needs atLeast and/or below, each in [0, 1]');
    }
    return (facts) =>
      facts.score !== null &&
      (atLeast === undefined || facts.score >= atLeast) &&
      (below === undefined || facts.score < below);
  }
  return invalid('a condition is { score }, { criterion, status }, { passed }, all, any or not');
}

/**
 * Returns the label of the first matching rule, or null; no rules give no function (nothing to run per item).
 * @example
 * const label = compileLabelRules([{ label: 'great', when: { score: { atLeast: 0.9 } } }], ids, invalid);
 * label?.({ score: 0.95, passed: true, statusOf: () => 'passed' }); // 'great'
 */
export function compileLabelRules(
  rules: readonly LabelRule[],
  ids: ReadonlySet<string>,
  invalid: (message: string) => never,
): ((facts: LabelFacts) => string | null) | null {
  if (!Array.isArray(rules)) invalid('labels must be a list of { label, when }');
  if (rules.length === 0) return null;
  const compiled = rules.map((rule, index) => {
    if (typeof rule.label !== 'string' || rule.label === '') invalid(`label rule ${index + 1} needs a non-empty label`);
    return {
      label: rule.label,
      when: compileCondition(rule.when, ids, (message) => invalid(`label "${rule.label}": ${message}`)),
    };
  });
  return (facts) => compiled.find((rule) => rule.when(facts))?.label ?? null;
}
