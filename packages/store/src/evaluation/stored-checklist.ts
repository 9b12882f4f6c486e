// The storable form of a checklist: plain JSON, with custom code checks kept as references to kaizen.config.ts.
import {
  type AppliesWhen,
  type Checklist,
  type CheckSpec,
  type Criterion,
  type CustomCheck,
  type CustomCheckFunction,
  KaizenError,
  type LabelRule,
} from '@kaizen/core';

/** A custom check as stored: its code stays in kaizen.config.ts, found again by `name` (the criterion id). */
export interface StoredCustomCheck {
  readonly kind: 'custom';
  readonly name: string;
}

export type StoredCheckSpec = Exclude<CheckSpec, CustomCheck> | StoredCustomCheck;

/** `AppliesWhen` without its function form, which cannot be stored. */
export type StoredAppliesWhen =
  | { readonly path: string; readonly equals: unknown }
  | { readonly path: string; readonly in: readonly unknown[] }
  | { readonly path: string; readonly exists: boolean }
  | { readonly criterion: string; readonly status: 'passed' | 'failed' }
  | { readonly all: readonly StoredAppliesWhen[] }
  | { readonly any: readonly StoredAppliesWhen[] }
  | { readonly not: StoredAppliesWhen };

export interface StoredCriterion {
  readonly id: string;
  readonly description: string;
  readonly weight: number;
  readonly check: StoredCheckSpec;
  readonly appliesWhen?: StoredAppliesWhen;
}

/** What the evaluator registry holds: a Checklist that is JSON all the way down. */
export interface StoredChecklist {
  readonly name: string;
  readonly description?: string;
  readonly criteria: readonly StoredCriterion[];
  readonly passThreshold: number;
  readonly labels?: readonly LabelRule[];
}

function storedAppliesWhen(condition: AppliesWhen, where: string): StoredAppliesWhen {
  if (typeof condition === 'function') {
    throw new KaizenError(
      'invalid_input',
      `${where}: an appliesWhen function cannot be registered on the server; use a declarative condition ` +
        '({ path, equals } / { criterion, status } / all / any / not)',
    );
  }
  if ('all' in condition) return { all: condition.all.map((item) => storedAppliesWhen(item, where)) };
  if ('any' in condition) return { any: condition.any.map((item) => storedAppliesWhen(item, where)) };
  if ('not' in condition) return { not: storedAppliesWhen(condition.not, where) };
  return condition;
}

/**
 * The checklist as the registry stores it: every custom check becomes `{ kind: 'custom', name: <criterion id> }`.
 * Throws `invalid_input` for what cannot be stored (an `appliesWhen` function).
 *
 * @example
 * const stored = toStoredChecklist(config.evaluators.extractor);
 * await api.evaluators.push('extractor', stored);
 */
export function toStoredChecklist(checklist: Checklist): StoredChecklist {
  const criteria = checklist.criteria.map((criterion): StoredCriterion => {
    const where = `checklist "${checklist.name}", criterion "${criterion.id}"`;
    const check: StoredCheckSpec =
      criterion.check.kind === 'custom' ? { kind: 'custom', name: criterion.id } : criterion.check;
    return {
      id: criterion.id,
      description: criterion.description,
      weight: criterion.weight,
      check,
      ...(criterion.appliesWhen !== undefined ? { appliesWhen: storedAppliesWhen(criterion.appliesWhen, where) } : {}),
    };
  });
  return {
    name: checklist.name,
    ...(checklist.description !== undefined ? { description: checklist.description } : {}),
    criteria,
    passThreshold: checklist.passThreshold,
    ...(checklist.labels !== undefined ? { labels: checklist.labels } : {}),
  };
}

/**
 * A runnable checklist from a stored one. `customCheck(name)` returns the implementation of a custom check; one it
 * does not know becomes a check that throws, so that criterion is `errored` with `missing` as reason, never failed.
 *
 * @example
 * const checklist = fromStoredChecklist(stored, (name) => implementations.get(name), (name) => `no code for ${name}`);
 * const compiled = compileChecklist(checklist, { judge });
 */
export function fromStoredChecklist(
  stored: StoredChecklist,
  customCheck: (name: string) => CustomCheckFunction | undefined,
  missing: (name: string) => string = (name) => `custom check "${name}" has no implementation`,
): Checklist {
  const criteria = stored.criteria.map((criterion): Criterion => {
    if (criterion.check.kind !== 'custom') return criterion as Criterion;
    const name = criterion.check.name;
    const fn: CustomCheckFunction =
      customCheck(name) ??
      (() => {
        throw new Error(missing(name));
      });
    const { check: _stored, ...rest } = criterion;
    return { ...(rest as Omit<Criterion, 'check'>), check: { kind: 'custom', fn } };
  });
  return { ...(stored as Omit<Checklist, 'criteria'>), criteria };
}

/** Ids of the criteria answered by the judge (`llm_judge`), in checklist order. */
export function judgedCriterionIds(stored: StoredChecklist): string[] {
  return stored.criteria.filter((criterion) => criterion.check.kind === 'llm_judge').map((criterion) => criterion.id);
}
